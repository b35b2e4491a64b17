package fr.mel.opale.catalog;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.Grant;
import fr.mel.opale.access.grant.GrantPrincipal;
import fr.mel.opale.access.grant.Grants;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees a record: its visibility and its grants, changed by those the policy lets manage its access
 * ({@link AccessPolicy#canManageAccess}: platform administrators, editors of its owner organisation) — the console's
 * {@code /admin/acces} and the API's {@code /api/access/records/{id}}. A visibility change is announced as an
 * {@link AccessChanged} of kind {@code VISIBILITY} (before → after) in the same transaction, so the audit log has it;
 * visibility and grants change together or not at all. A record the viewer cannot see is a 404.
 */
@Service
public class RecordAccess {
    private final Catalog catalog;
    private final Grants grants;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;

    public RecordAccess(Catalog catalog, Grants grants, AccessPolicy policy, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.grants = grants;
        this.policy = policy;
        this.events = events;
    }

    /**
     * What the access screens show.
     *
     * @param visibility   the record's visibility by name ({@code PUBLIC}, {@code RESTRICTED}, {@code DRAFT}): the
     *                     screens show and send names, the policy alone interprets them
     * @param visibilities every name a record may take, in order
     */
    public record State(StoredRecord record, Protected protection, String visibility, List<String> visibilities,
                        List<Grant> grants) {
    }

    /** Whether the current viewer may manage who sees this record (the record pages offer the way to it). */
    public boolean mayManage(StoredRecord stored) {
        return policy.canManageAccess(policy.currentViewer(), protection(stored));
    }

    /** The record and its grants, for those who may manage its access. */
    @Transactional(readOnly = true)
    public State of(String id) {
        StoredRecord stored = manageable(id);
        Protected protection = protection(stored);
        return new State(stored, protection, stored.visibility().name(),
                java.util.Arrays.stream(Visibility.values()).map(Visibility::name).toList(), grants.of(protection));
    }

    /**
     * Sets the visibility (null: unchanged) and, when {@code rights} is not null, replaces the grants — together, in
     * one transaction.
     */
    @Transactional
    public State change(String id, @Nullable Visibility visibility, @Nullable Map<GrantPrincipal, AccessRight> rights) {
        StoredRecord stored = manageable(id);
        if (rights != null) {
            grants.replace(protection(stored), rights);
        }
        if (visibility != null && visibility != stored.visibility()) {
            Viewer viewer = policy.currentViewer();
            catalog.update(stored.record(), stored.version(), visibility);
            events.publishEvent(new AccessChanged(AccessChanged.Kind.VISIBILITY, id,
                    stored.visibility() + " → " + visibility, viewer.personId()));
        }
        return of(id);
    }

    /** Sets the visibility named {@code visibility} (a form's value); a French 400 for an unknown name. */
    @Transactional
    public State changeVisibility(String id, String visibility) {
        return change(id, visibility(visibility), null);
    }

    /** Adds or changes one grant. */
    @Transactional
    public State grant(String id, GrantPrincipal principal, AccessRight right) {
        grants.put(protection(manageable(id)), principal, right);
        return of(id);
    }

    /** Removes one grant; 400 when there is none. */
    @Transactional
    public State revoke(String id, GrantPrincipal principal) {
        grants.remove(protection(manageable(id)), principal);
        return of(id);
    }

    /** Reads a visibility named by a form or a request body; a French 400 for anything else. */
    public static Visibility visibility(String name) {
        try {
            return Visibility.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AccessModelProblem.invalid("Visibilité inconnue : PUBLIC, RESTRICTED ou DRAFT.");
        }
    }

    private StoredRecord manageable(String id) {
        Viewer viewer = policy.currentViewer();
        StoredRecord stored = catalog.find(id).orElseThrow(() -> CatalogProblem.notFound(id));
        if (!policy.canManageAccess(viewer, protection(stored))) {
            throw new AccessDenied(viewer);
        }
        return stored;
    }

    /** The record's protection with its id, so that its grants count. */
    public static Protected protection(StoredRecord stored) {
        return new Protected(stored.id(), stored.ownerOrganisation(), stored.visibility());
    }
}
