package fr.mel.opale.access.explain;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Memberships;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.explain.AccessExplanation.Reason;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.Grant;
import fr.mel.opale.access.grant.GrantLookup;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * "Why": for a person and a resource, the policy's decisions and the chain of roles and grants behind them — the
 * {@code GET /api/access/explain} answer and the console's preview "que voit la personne X".
 *
 * <p>Not a second policy: the decisions are {@link AccessPolicy}'s own ({@code canRead}, {@code canEditCatalog},
 * {@code canManageAccess}) on the person's {@link Viewer} built as for their own requests, and the read chain is the
 * meeting of the same two sets the policy compares ({@link AccessPolicy#readFilter} — the keys the person holds —
 * and {@link AccessPolicy#readersOf} — the keys the resource admits); each key met is then told in words (which
 * membership gives it, which grant or ownership asks for it). Asked by platform administrators, by an organisation's
 * administrators about their organisation's resources, and by those who manage a resource's access.
 */
@Service
public class AccessExplanations {
    private final AccessPolicy policy;
    private final PersonStore people;
    private final Memberships.Lookup memberships;
    private final GrantLookup grants;

    AccessExplanations(AccessPolicy policy, PersonStore people, Memberships.Lookup memberships, GrantLookup grants) {
        this.policy = policy;
        this.people = people;
        this.memberships = memberships;
        this.grants = grants;
    }

    /**
     * Whether {@code asker} may ask about {@code resource}: platform administrators; the administrators of the
     * resource's owner organisation; and whoever the policy lets decide who sees it ({@code canManageAccess}: the
     * owner's editors), who must see the effect of what they share.
     */
    public boolean mayExplain(Viewer asker, Protected resource) {
        return policy.canCreateOrganisations(asker) || policy.canManageAccess(asker, resource)
                || resource.ownerOrganisation() != null
                && policy.canManageOrganisation(asker, resource.ownerOrganisation());
    }

    /**
     * Explains {@code resource} for person {@code personId}, for the current viewer.
     *
     * @throws AccessDenied        unless the current viewer {@link #mayExplain may ask}
     * @throws AccessModelProblem  404 for an unknown person
     */
    public AccessExplanation explain(long personId, Protected resource) {
        Viewer asker = policy.currentViewer();
        if (!mayExplain(asker, resource)) {
            throw new AccessDenied(asker);
        }
        return explanation(personId, resource);
    }

    private AccessExplanation explanation(long personId, Protected resource) {
        StoredPerson person = people.find(personId).orElseThrow(() -> AccessModelProblem.unknownPerson(personId));
        Memberships held = memberships.of(personId);
        Viewer viewer = new Viewer(person.id(), person.username(), person.displayName(), person.roles(),
                held.organisations(), held.projects(), held.inseeCodes());
        boolean read = policy.canRead(viewer, resource);
        boolean edit = policy.canEditCatalog(viewer, resource);
        boolean manage = policy.canManageAccess(viewer, resource);
        List<Reason> reasons = new ArrayList<>();
        if (viewer.platformAdmin()) {
            reasons.add(new Reason("platform-admin", "manage", "Administratrice ou administrateur de la plateforme : "
                    + "lit, modifie et partage toutes les fiches."));
        }
        String owner = resource.ownerOrganisation();
        MembershipRole ownerRole = owner == null ? null : viewer.organisations().get(owner);
        if (ownerRole != null && ownerRole.atLeast(MembershipRole.EDITOR)) {
            reasons.add(new Reason("editor:" + owner, "manage", "Rôle « " + ownerRole.slug() + " » dans "
                    + "l'organisation propriétaire « " + owner + " » : modifie la fiche et décide qui la voit"
                    + (resource.visibility() == Visibility.DRAFT ? " (brouillons compris)." : ".")));
        }
        if (resource.visibility() == Visibility.PUBLIC) {
            reasons.add(new Reason(AccessPolicy.PUBLIC_KEY, "read", "Fiche publique : tout le monde la lit."));
        } else {
            Set<String> holds = policy.readFilter(viewer).keys();
            List<Grant> resourceGrants = resource.resourceId() == null ? List.of() : grants.of(resource.resourceId());
            for (String key : policy.readersOf(resource)) {
                if (holds.contains(key) && !key.startsWith("editor:")) {
                    reasons.add(new Reason(key, "read", holder(viewer, key) + " ; " + asked(resource, key,
                            resourceGrants) + "."));
                }
            }
            if (!viewer.platformAdmin()) {
                for (Grant g : resourceGrants) {
                    if (g.right() == AccessRight.WRITE && holds.contains(g.principal().key())
                            && resource.visibility() != Visibility.DRAFT) {
                        reasons.add(new Reason("write:" + g.principal().key(), "edit", holder(viewer,
                                g.principal().key()) + " ; droit d'écriture accordé sur cette fiche."));
                    }
                }
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(new Reason("none", "none", switch (resource.visibility()) {
                case DRAFT -> "Brouillon : seuls les éditeurs de l'organisation propriétaire « " + owner
                        + " » et les administrateurs de la plateforme le voient.";
                case RESTRICTED -> "Fiche restreinte : la personne n'est ni membre de l'organisation propriétaire"
                        + (owner == null ? "" : " « " + owner + " »") + " ni bénéficiaire d'un droit sur la fiche.";
                case PUBLIC -> "Aucun droit.";
            }));
        }
        return new AccessExplanation(person.id(), person.displayName(), String.valueOf(resource.resourceId()),
                resource.visibility(), owner, read, edit, manage, reasons);
    }

    /**
     * Explains {@code resource} for person {@code personId} to the current viewer asking by person number (the API):
     * about themselves whoever they are (the caller checked they may see the resource), about someone else only
     * where the policy lets them learn about that person ({@link AccessPolicy#canAskAboutPerson}: platform
     * administrators, administrators of an organisation the person belongs to) and explain the resource.
     *
     * @throws AccessModelProblem 404 for an unknown person, or one the viewer may not learn about (the same answer)
     * @throws AccessDenied       when they may learn about the person but not explain the resource
     */
    public AccessExplanation explainAsked(long personId, Protected resource) {
        Viewer asker = policy.currentViewer();
        if (Long.valueOf(personId).equals(asker.personId())) {
            return explanation(personId, resource);
        }
        if (!policy.canAskAboutPerson(asker, personId, memberships.of(personId).organisations().keySet())) {
            throw AccessModelProblem.unknownPerson(personId);
        }
        return explain(personId, resource);
    }

    /**
     * Person {@code personId} as the policy sees them in their own requests (roles, memberships through
     * organisations and projects), for previews of what they see of {@code resource} (a dataset's rows and columns):
     * the policy decides on this viewer, nothing is re-implemented.
     *
     * @throws AccessDenied       unless the current viewer {@link #mayExplain may ask} about {@code resource}
     * @throws AccessModelProblem 404 for an unknown person
     */
    public Viewer viewerOf(long personId, Protected resource) {
        Viewer asker = policy.currentViewer();
        if (!mayExplain(asker, resource)) {
            throw new AccessDenied(asker);
        }
        StoredPerson person = people.find(personId).orElseThrow(() -> AccessModelProblem.unknownPerson(personId));
        Memberships held = memberships.of(personId);
        return new Viewer(person.id(), person.username(), person.displayName(), person.roles(),
                held.organisations(), held.projects(), held.inseeCodes());
    }

    /** Where the person holds reader key {@code key}. */
    private static String holder(Viewer viewer, String key) {
        if (key.equals("logged-in")) {
            return "Personne connectée";
        }
        if (key.startsWith("person:")) {
            return "Droit donné à la personne elle-même";
        }
        if (key.startsWith("organisation:")) {
            String slug = key.substring("organisation:".length());
            return "Membre de l'organisation « " + slug + " » (rôle « " + viewer.organisations().get(slug).slug()
                    + " »)";
        }
        if (key.startsWith("project:")) {
            String slug = key.substring("project:".length());
            return "Membre du projet « " + slug + " » (rôle « " + viewer.projects().get(slug).slug() + " », "
                    + "directement ou par une organisation ou un projet membre)";
        }
        return key;
    }

    /** Why the resource admits reader key {@code key}. */
    private static String asked(Protected resource, String key, List<Grant> grants) {
        if (key.equals("organisation:" + resource.ownerOrganisation())) {
            return "c'est l'organisation propriétaire de la fiche";
        }
        return grants.stream().filter(g -> g.principal().key().equals(key)).findFirst()
                .map(g -> "droit " + (g.right() == AccessRight.WRITE ? "d'écriture" : "de lecture")
                        + " accordé sur la fiche")
                .orElse("admis par la fiche");
    }
}
