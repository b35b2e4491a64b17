package fr.mel.opale.access.grant;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.AccessRefusals;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.internal.GrantStore;
import fr.mel.opale.access.internal.OrganisationStore;
import fr.mel.opale.access.internal.ProjectStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a resource is shared with: read and write grants to organisations, projects, persons or any logged-in person.
 * Changed by those the policy lets manage its access ({@link AccessPolicy#canManageAccess}); every principal must
 * exist; a change replaces the whole list in one transaction (nothing half-applied) and is announced by an
 * {@link AccessChanged} of kind {@link AccessChanged.Kind#GRANTS} (the search index re-indexes the resource).
 */
@Service
public class Grants {
    /** Grants on one resource at most: a longer list is a group, which a project is for. */
    public static final int MAX_PER_RESOURCE = 200;

    private final GrantStore store;
    private final OrganisationStore organisations;
    private final ProjectStore projects;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final AccessRefusals refusals;

    Grants(GrantStore store, OrganisationStore organisations, ProjectStore projects, AccessPolicy policy,
           ApplicationEventPublisher events, AccessRefusals refusals) {
        this.store = store;
        this.organisations = organisations;
        this.projects = projects;
        this.policy = policy;
        this.events = events;
        this.refusals = refusals;
    }

    /** The grants on {@code resource}, for those who may manage its access. */
    @Transactional(readOnly = true)
    public List<Grant> of(Protected resource) {
        require(resource);
        return store.of(id(resource));
    }

    /**
     * Replaces the grants on {@code resource} by {@code rights} (principal → right; a principal once). Unknown
     * principals refused with a French message naming them, before anything is written.
     */
    @Transactional
    public List<Grant> replace(Protected resource, Map<GrantPrincipal, AccessRight> rights) {
        return refusals.audited(subject(resource), null, describe(rights), () -> replaceChecked(resource, rights));
    }

    private List<Grant> replaceChecked(Protected resource, Map<GrantPrincipal, AccessRight> rights) {
        Viewer viewer = require(resource);
        String id = id(resource);
        if (rights.size() > MAX_PER_RESOURCE) {
            throw AccessModelProblem.invalid("Trop de bénéficiaires (" + rights.size() + ") : " + MAX_PER_RESOURCE
                    + " au plus ; regroupez-les dans un projet.");
        }
        List<String> unknown = rights.keySet().stream().filter(p -> !exists(p)).map(GrantPrincipal::key).sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw AccessModelProblem.invalid("Bénéficiaire" + (unknown.size() > 1 ? "s" : "") + " inconnu"
                    + (unknown.size() > 1 ? "s" : "") + " : " + String.join(", ", unknown) + ".");
        }
        List<Grant> before = store.of(id);
        store.deleteAll(id);
        Map<GrantPrincipal, AccessRight> ordered = new LinkedHashMap<>(rights);
        ordered.forEach((principal, right) -> store.insert(new Grant(id, principal, right), viewer.personId()));
        events.publishEvent(new AccessChanged(AccessChanged.Kind.GRANTS, id,
                describe(before) + " → " + describe(store.of(id)), viewer.personId()));
        return store.of(id);
    }

    /** Adds or changes one grant, keeping the others. */
    @Transactional
    public List<Grant> put(Protected resource, GrantPrincipal principal, AccessRight right) {
        return refusals.audited(subject(resource), null, "+ " + principal.key() + "=" + right.name(), () -> {
            require(resource);
            Map<GrantPrincipal, AccessRight> rights = new LinkedHashMap<>();
            store.of(id(resource)).forEach(g -> rights.put(g.principal(), g.right()));
            rights.put(principal, right);
            return replaceChecked(resource, rights);
        });
    }

    /** Removes the grant of {@code principal}, keeping the others; 400 when there is none. */
    @Transactional
    public List<Grant> remove(Protected resource, GrantPrincipal principal) {
        return refusals.audited(subject(resource), null, "− " + principal.key(), () -> {
            require(resource);
            Map<GrantPrincipal, AccessRight> rights = new LinkedHashMap<>();
            store.of(id(resource)).forEach(g -> rights.put(g.principal(), g.right()));
            if (rights.remove(principal) == null) {
                throw AccessModelProblem.invalid("« " + principal.key() + " » n'a pas de droit sur cette ressource.");
            }
            return replaceChecked(resource, rights);
        });
    }

    private static String subject(Protected resource) {
        return "fiche " + resource.resourceId();
    }

    private static String describe(Map<GrantPrincipal, AccessRight> rights) {
        return rights.isEmpty() ? "aucun droit" : rights.entrySet().stream()
                .map(e -> e.getKey().key() + "=" + e.getValue().name()).collect(Collectors.joining(", "));
    }

    /**
     * The keys of those among {@code principals} that name no organisation, project or person (sorted): what other
     * rules naming principals (a dataset's column rules) refuse, as grants do.
     */
    @Transactional(readOnly = true)
    public List<String> unknown(Collection<GrantPrincipal> principals) {
        return principals.stream().filter(p -> !exists(p)).map(GrantPrincipal::key).distinct().sorted().toList();
    }

    private boolean exists(GrantPrincipal principal) {
        return switch (principal.kind()) {
            case LOGGED_IN -> true;
            case ORGANISATION -> organisations.find(principal.name()).isPresent();
            case PROJECT -> projects.find(principal.name()).isPresent();
            case PERSON -> store.personExists(Long.parseLong(principal.name()));
        };
    }

    private Viewer require(Protected resource) {
        Viewer viewer = policy.currentViewer();
        if (!policy.canManageAccess(viewer, resource)) {
            throw new AccessDenied(viewer);
        }
        return viewer;
    }

    private static String id(Protected resource) {
        if (resource.resourceId() == null) {
            throw new IllegalArgumentException("Ressource sans identifiant : enregistrez-la avant de la partager.");
        }
        return resource.resourceId();
    }

    private static String describe(List<Grant> grants) {
        return grants.isEmpty() ? "aucun" : grants.stream().map(g -> g.principal().key() + "=" + g.right().name())
                .collect(Collectors.joining(", "));
    }
}
