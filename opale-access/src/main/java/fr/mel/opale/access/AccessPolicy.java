package fr.mel.opale.access;

import fr.mel.opale.access.internal.Authorities;
import fr.mel.opale.access.internal.PersonPrincipal;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.Grant;
import fr.mel.opale.access.grant.GrantLookup;
import java.util.Collection;
import java.util.HashSet;
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
 * exports, search, tiles, downloads) asks it and applies the answer; none decides on its own.
 *
 * <p>The decisions take the {@link Viewer} as an argument and read nothing else of the request: they can be tested
 * alone ({@code new AccessPolicy(memberships, grants)}). {@link #currentViewer()} is the one adapter from Spring
 * Security's context to a viewer (memberships read from a short cache). Thread-safe.
 *
 * <p>The model: a resource (a record, and the dataset it describes) is {@link Visibility#PUBLIC public},
 * {@link Visibility#RESTRICTED restricted} (readable by the members of its owner organisation and by those it is
 * granted to: organisations, projects, persons, any logged-in person) or a {@link Visibility#DRAFT draft} (its owner
 * organisation's editors only). Editors of the owner organisation edit it, as do holders of a
 * {@link AccessRight#WRITE} grant (not on drafts); resources without an owner belong to the platform. Platform
 * administrators read and edit everything.
 */
@Component
public class AccessPolicy {
    /** Spring Security authority carried by platform administrators. */
    public static final String PLATFORM_ADMIN = "ROLE_PLATFORM_ADMIN";

    /** The reader key every viewer holds and public resources carry. */
    public static final String PUBLIC_KEY = "public";

    static {
        if (!PLATFORM_ADMIN.equals(PlatformRole.ADMIN.authority())) {
            throw new IllegalStateException("PLATFORM_ADMIN and PlatformRole.ADMIN disagree");
        }
    }

    private final Memberships.Lookup memberships;
    private final GrantLookup grants;

    public AccessPolicy(Memberships.Lookup memberships, GrantLookup grants) {
        this.memberships = memberships;
        this.grants = grants;
    }

    /** The viewer of the current thread's request; {@link Viewer#ANONYMOUS} outside a request or when not logged in. */
    public Viewer currentViewer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Viewer.ANONYMOUS;
        }
        Set<PlatformRole> roles = Authorities.roles(auth.getAuthorities());
        if (auth.getPrincipal() instanceof PersonPrincipal person) {
            Memberships held = memberships.of(person.personId());
            return new Viewer(person.personId(), person.username(), person.displayName(), roles,
                    held.organisations(), held.projects(), held.inseeCodes());
        }
        // the platform itself (asPlatform), or a test's ad-hoc authentication: a name, no person
        return new Viewer(null, auth.getName(), auth.getName(), roles);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** Whether {@code viewer} may see {@code resource} at all (its page, API forms, rows, tiles, downloads, exports). */
    public boolean canRead(Viewer viewer, Protected resource) {
        return resource.visibility() == Visibility.PUBLIC || readFilter(viewer).admits(readersOf(resource));
    }

    /**
     * The reader keys of {@code resource}: a viewer holding one of them ({@link ReadFilter#keys()}) may read it.
     * What search indexes store next to each resource, so that their filter is the policy's.
     */
    public Set<String> readersOf(Protected resource) {
        return readers(resource, grantsOf(resource));
    }

    /**
     * {@link #readersOf} with the grants read from the database rather than the cache: what search indexes store,
     * right after the commit of a change of grants.
     */
    public Set<String> indexedReadersOf(Protected resource) {
        return readers(resource, resource.resourceId() == null ? List.of() : grants.fresh(resource.resourceId()));
    }

    /**
     * The reader keys of {@code resource} given its {@code grants} (see {@link #readersOf}); for indexes built
     * without a policy at hand (tests, benchmarks).
     */
    public static Set<String> readers(Protected resource, List<Grant> grants) {
        String owner = resource.ownerOrganisation();
        return switch (resource.visibility()) {
            case PUBLIC -> Set.of(PUBLIC_KEY);
            case DRAFT -> owner == null ? Set.of() : Set.of("editor:" + owner);
            case RESTRICTED -> {
                Set<String> keys = new HashSet<>();
                if (owner != null) {
                    keys.add("organisation:" + owner);
                }
                grants.forEach(g -> keys.add(g.principal().key()));
                yield Set.copyOf(keys);
            }
        };
    }

    /** Which resources {@code viewer} sees in lists, searches, counts and facets (see {@link ReadFilter}). */
    public ReadFilter readFilter(Viewer viewer) {
        if (viewer.platformAdmin()) {
            return new ReadFilter(true, Set.of(PUBLIC_KEY));
        }
        if (viewer.anonymous()) {
            return ReadFilter.PUBLIC_ONLY;
        }
        Set<String> keys = new HashSet<>();
        keys.add(PUBLIC_KEY);
        keys.add("logged-in");
        if (viewer.personId() != null) {
            keys.add("person:" + viewer.personId());
        }
        viewer.organisations().forEach((slug, role) -> {
            keys.add("organisation:" + slug);
            if (role.atLeast(MembershipRole.EDITOR)) {
                keys.add("editor:" + slug);
            }
        });
        viewer.projects().keySet().forEach(slug -> keys.add("project:" + slug));
        return new ReadFilter(false, keys);
    }

    /**
     * Whether {@code viewer} may see some non-public resources: lists that cannot filter per resource (public
     * exports, caches) use it to decide whether an answer may be shared. Prefer {@link #readFilter}.
     */
    public boolean seesRestricted(Viewer viewer) {
        return !viewer.anonymous() && (viewer.platformAdmin() || readFilter(viewer).keys().size() > 1);
    }

    /**
     * Whether an answer about {@code resource} may be cached by shared caches: public ones only. Restricted and draft
     * answers go out {@code Cache-Control: private} with {@code Vary: Authorization, Cookie}.
     */
    public boolean publiclyCacheable(Protected resource) {
        return resource.visibility() == Visibility.PUBLIC;
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    /**
     * Whether {@code viewer} may create, change or delete the record {@code resource}: platform administrators; the
     * editors (and administrators) of its owner organisation; holders of a write grant on it (not on a draft).
     * Resources without an owner belong to the platform: its administrators only.
     */
    public boolean canEditCatalog(Viewer viewer, Protected resource) {
        return canEdit(viewer, resource);
    }

    /** Throws {@link AccessDenied} unless the current viewer may edit {@code resource}. */
    public void requireCatalogEdit(Protected resource) {
        Viewer viewer = currentViewer();
        if (!canEditCatalog(viewer, resource)) {
            throw new AccessDenied(viewer);
        }
    }

    /**
     * Whether {@code viewer} may load, roll back, rename or delete the rows of a dataset described by a record with
     * protection {@code resource}, or import a file for it: as for the record.
     */
    public boolean canEditDataset(Viewer viewer, Protected resource) {
        return canEdit(viewer, resource);
    }

    /** Throws {@link AccessDenied} unless the current viewer may edit the dataset's rows. */
    public void requireDatasetEdit(Protected resource) {
        Viewer viewer = currentViewer();
        if (!canEditDataset(viewer, resource)) {
            throw new AccessDenied(viewer);
        }
    }

    /**
     * Whether {@code viewer} may change who sees {@code resource} (its visibility and grants): platform
     * administrators and the editors of its owner organisation. A write grant lets one edit content, not share it.
     */
    public boolean canManageAccess(Viewer viewer, Protected resource) {
        return viewer.platformAdmin() || editsFor(viewer, resource.ownerOrganisation());
    }

    /**
     * Whether {@code viewer} sees every row of a dataset with a row rule, whatever the rule says: platform
     * administrators and the editors (and administrators) of its owner organisation — those who manage who sees it.
     */
    public boolean seesAllRows(Viewer viewer, Protected resource) {
        return canManageAccess(viewer, resource);
    }

    /**
     * Whether {@code viewer} sees the columns a dataset's column rule hides: platform administrators and the members
     * (any role) of its owner organisation.
     */
    public boolean seesHiddenColumns(Viewer viewer, Protected resource) {
        return viewer.platformAdmin() || (resource.ownerOrganisation() != null
                && viewer.organisations().containsKey(resource.ownerOrganisation()));
    }

    /**
     * Whether {@code viewer} sees one column a dataset's column rule hides, that rule naming {@code seenBy}: those
     * who see every hidden column ({@link #seesHiddenColumns}), and whoever holds one of the principal keys
     * {@code seenBy} ({@code organisation:<slug>}, {@code project:<slug>} — through organisations and projects too —,
     * {@code person:<id>}, {@code logged-in}: the keys of {@link #readFilter}). An empty {@code seenBy}: the owner's
     * members only.
     */
    public boolean seesColumn(Viewer viewer, Protected resource, Collection<String> seenBy) {
        if (seesHiddenColumns(viewer, resource)) {
            return true;
        }
        if (seenBy.isEmpty() || viewer.anonymous()) {
            return false;
        }
        Set<String> keys = readFilter(viewer).keys();
        return seenBy.stream().anyMatch(key -> !key.equals(PUBLIC_KEY) && keys.contains(key));
    }

    /**
     * The reader attributes row rules compare columns with, by name, each a list of values (empty when the viewer
     * has none: anonymous visitors have none at all), sorted so that equal scopes give equal lists:
     * {@value ReaderAttributes#INSEE}, {@value ReaderAttributes#ORGANISATIONS}, {@value ReaderAttributes#PROJECTS},
     * {@value ReaderAttributes#PERSON}.
     */
    public ReaderAttributes readerAttributes(Viewer viewer) {
        return ReaderAttributes.of(viewer);
    }

    /** Whether {@code viewer} may give records and datasets to organisation {@code slug} (create them for it). */
    public boolean canPublishFor(Viewer viewer, String organisation) {
        return viewer.platformAdmin() || editsFor(viewer, organisation);
    }

    /** The organisations {@code viewer} edits for (editor or admin there), by slug. */
    public Set<String> publishingOrganisations(Viewer viewer) {
        Set<String> slugs = new HashSet<>();
        viewer.organisations().forEach((slug, role) -> {
            if (role.atLeast(MembershipRole.EDITOR)) {
                slugs.add(slug);
            }
        });
        return Set.copyOf(slugs);
    }

    private boolean canEdit(Viewer viewer, Protected resource) {
        if (viewer.platformAdmin() || editsFor(viewer, resource.ownerOrganisation())) {
            return true;
        }
        if (viewer.anonymous() || resource.visibility() == Visibility.DRAFT) {
            return false;
        }
        Set<String> keys = readFilter(viewer).keys();
        return grantsOf(resource).stream()
                .anyMatch(g -> g.right() == AccessRight.WRITE && keys.contains(g.principal().key()));
    }

    private static boolean editsFor(Viewer viewer, String organisation) {
        MembershipRole role = organisation == null ? null : viewer.organisations().get(organisation);
        return role != null && role.atLeast(MembershipRole.EDITOR);
    }

    private List<Grant> grantsOf(Protected resource) {
        return resource.resourceId() == null ? List.of() : grants.of(resource.resourceId());
    }

    // ---- pages and screens --------------------------------------------------------------------------------------

    /** Whether {@code viewer} has a personal space ("Mon espace", "Mon compte"): every logged-in person. */
    public boolean hasPersonalSpace(Viewer viewer) {
        return viewer.personId() != null;
    }

    /**
     * Whether {@code viewer} publishes: may import files and edit records or datasets somewhere — platform
     * administrators and the editors of any organisation.
     */
    public boolean canPublish(Viewer viewer) {
        return viewer.platformAdmin() || !publishingOrganisations(viewer).isEmpty();
    }

    /**
     * Whether {@code viewer} sees the administration console (its "Administration" link and entry page): platform
     * administrators, and the administrators of an organisation — who find there their own organisations only
     * ({@link #administeredOrganisations}); every page of the console still asks its own question.
     */
    public boolean canSeeAdministration(Viewer viewer) {
        return viewer.platformAdmin() || !administeredOrganisations(viewer).isEmpty();
    }

    /**
     * Whether {@code viewer} sees the platform's own consoles (imports of every organisation, thesauri, people,
     * audit log) on the administration's entry page: platform administrators.
     */
    public boolean canSeePlatformAdministration(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /** The organisations {@code viewer} administers (role {@code admin} there), by slug, sorted. */
    public List<String> administeredOrganisations(Viewer viewer) {
        return viewer.organisations().entrySet().stream().filter(e -> e.getValue() == MembershipRole.ADMIN)
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    /** Whether {@code viewer} may list people, disable or enable them and change their platform roles. */
    public boolean canAdministerPeople(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /** Whether {@code viewer} may read the audit log (sign-ins, failures, role changes). */
    public boolean canSeeAuditLog(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /** Whether {@code viewer} may create organisations, set their parent and INSEE code: platform administrators. */
    public boolean canCreateOrganisations(Viewer viewer) {
        return viewer.platformAdmin();
    }

    /**
     * Whether {@code viewer} may manage organisation {@code slug} (rename it, add, remove members and set their
     * roles): platform administrators, and the administrators of that organisation — of their own only.
     */
    public boolean canManageOrganisation(Viewer viewer, String slug) {
        return viewer.platformAdmin() || viewer.organisations().get(slug) == MembershipRole.ADMIN;
    }

    /**
     * Whether {@code asker} may learn about person {@code personId} — their name, roles, memberships, what they see
     * (access explanations by person number): the person themselves, platform administrators, and the administrators
     * of an organisation the person belongs to ({@code personOrganisations}, slugs). Others are told such a person
     * does not exist, so that numbers cannot be tried one after the other to list people.
     */
    public boolean canAskAboutPerson(Viewer asker, long personId, Collection<String> personOrganisations) {
        if (Long.valueOf(personId).equals(asker.personId()) || asker.platformAdmin()) {
            return true;
        }
        return personOrganisations.stream().anyMatch(slug -> asker.organisations().get(slug) == MembershipRole.ADMIN);
    }

    /** Whether {@code viewer} may create projects: platform administrators and organisation administrators. */
    public boolean canCreateProjects(Viewer viewer) {
        return viewer.platformAdmin() || viewer.organisations().containsValue(MembershipRole.ADMIN);
    }

    /** Whether {@code viewer} may manage project {@code slug}: platform administrators and its administrators. */
    public boolean canManageProject(Viewer viewer, String slug) {
        return viewer.platformAdmin() || viewer.projects().get(slug) == MembershipRole.ADMIN;
    }

    /**
     * Whether {@code viewer} may import, replace or delete thesauri. Platform-wide reference data (the usage
     * categories classify every organisation's records), so platform administrators only, whatever the
     * organisation roles.
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
     * Whether {@code viewer} may rebuild the search index, see platform-wide quality dashboards and other
     * platform-wide operations: platform administrators.
     */
    public boolean canOperatePlatform(Viewer viewer) {
        return viewer.platformAdmin();
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
