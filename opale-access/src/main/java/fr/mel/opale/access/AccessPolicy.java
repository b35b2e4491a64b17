package fr.mel.opale.access;

import fr.mel.opale.access.internal.Authorities;
import fr.mel.opale.access.internal.PersonPrincipal;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The policy decision point: the one place that says who may read or write what. Every surface (pages, API,
 * exports, search) asks it and applies the answer; none decides on its own.
 *
 * <p>Thread-safe and stateless: the viewer comes from the current request's security context.
 */
@Component
public class AccessPolicy {
    /** Spring Security authority carried by platform administrators. */
    public static final String PLATFORM_ADMIN = "ROLE_PLATFORM_ADMIN";

    static {
        if (!PLATFORM_ADMIN.equals(PlatformRole.ADMIN.authority())) {
            throw new IllegalStateException("PLATFORM_ADMIN and PlatformRole.ADMIN disagree");
        }
    }

    /** The viewer of the current thread's request; {@link Viewer#ANONYMOUS} outside a request or when not logged in. */
    public Viewer currentViewer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Viewer.ANONYMOUS;
        }
        Set<PlatformRole> roles = Authorities.roles(auth.getAuthorities());
        if (auth.getPrincipal() instanceof PersonPrincipal person) {
            return new Viewer(person.personId(), person.username(), person.displayName(), roles);
        }
        // the platform itself (asPlatform), or a test's ad-hoc authentication: a name, no person
        return new Viewer(null, auth.getName(), auth.getName(), roles);
    }

    /** Whether {@code viewer} has a personal space ("Mon espace", "Mon compte"): every logged-in person. */
    public boolean hasPersonalSpace(Viewer viewer) {
        return viewer.personId() != null;
    }

    /**
     * Whether {@code viewer} publishes: may import files and edit records or datasets somewhere. Today whoever may
     * edit the catalog; organisation editors join with organisations.
     */
    public boolean canPublish(Viewer viewer) {
        return canEditCatalog(viewer, Protected.publicResource()) || canEditDataset(viewer, Protected.publicResource());
    }

    /** Whether {@code viewer} sees the administration console. */
    public boolean canSeeAdministration(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /** Whether {@code viewer} may list people, disable or enable them and change their platform roles. */
    public boolean canAdministerPeople(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /** Whether {@code viewer} may read the audit log (sign-ins, failures, role changes). */
    public boolean canSeeAuditLog(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /** Whether {@code viewer} may see {@code resource} at all (its page, its API form, its exports). */
    public boolean canRead(Viewer viewer, Protected resource) {
        return resource.visibility() == Visibility.PUBLIC || viewer.platformAdmin();
    }

    /** Whether {@code viewer} sees restricted resources in lists; lists filter on it so totals never leak. */
    public boolean seesRestricted(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /** Whether {@code viewer} may create, change or delete catalog records owned by {@code ownerOrganisation}. */
    public boolean canEditCatalog(Viewer viewer, Protected resource) {
        return viewer.platformAdmin();
    }

    /** Throws {@link AccessDenied} unless the current viewer may edit {@code resource}. */
    public void requireCatalogEdit(Protected resource) {
        Viewer viewer = currentViewer();
        if (!canEditCatalog(viewer, resource)) {
            throw new AccessDenied(viewer);
        }
    }

    /**
     * Whether {@code viewer} may import, replace or delete thesauri. Platform-wide reference data (the usage
     * categories classify every organisation's records), so platform administrators only, whatever the
     * organisation roles to come.
     */
    public boolean canAdministerThesauri(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /** Throws {@link AccessDenied} (401 anonymous, 403 otherwise) unless the current viewer may change thesauri. */
    public void requireThesaurusAdmin() {
        Viewer viewer = currentViewer();
        if (!canAdministerThesauri(viewer)) {
            throw new AccessDenied(viewer);
        }
    }

    /**
     * Whether {@code viewer} may load, roll back, rename or delete the rows of a dataset described by a record with
     * protection {@code resource} (issue: editors of the owning organisation too, once organisations exist).
     */
    public boolean canEditDataset(Viewer viewer, Protected resource) {
        return viewer.platformAdmin();
    }

    /** Throws {@link AccessDenied} unless the current viewer may edit the dataset's rows. */
    public void requireDatasetEdit(Protected resource) {
        Viewer viewer = currentViewer();
        if (!canEditDataset(viewer, resource)) {
            throw new AccessDenied(viewer);
        }
    }

    /**
     * Whether {@code viewer} may see and revoke the personal API tokens of person {@code personId}: their owner, and platform
     * administrators (to cut off a leaked token at once).
     */
    public boolean canManageTokensOf(Viewer viewer, long personId) {
        return Long.valueOf(personId).equals(viewer.personId()) || viewer.platformAdmin();
    }

    /**
     * Runs {@code work} as the platform itself (demo content, scheduled jobs): a platform administrator named
     * {@value #SYSTEM}. Restores the caller's identity afterwards, even on failure.
     */
    public <T> T asPlatform(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null,
                List.of(new SimpleGrantedAuthority(PLATFORM_ADMIN))));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The name the platform acts under in {@link #asPlatform}. */
    public static final String SYSTEM = "opale-system";
}
