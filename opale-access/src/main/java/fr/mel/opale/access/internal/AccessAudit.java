package fr.mel.opale.access.internal;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.admin.AuditKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every permission change (organisations, memberships, projects and their composition, grants, visibility)
 * to the audit log: who ({@code actor_id}; none for the platform itself), when, about whom (the person whose
 * membership changed), what (the kind, the organisation, project or record) and before → after (the detail).
 *
 * <p>The same {@code auth_event} table as sign-ins rather than a table of its own: administrators read one journal
 * ({@code /admin/journal}, filtered per person), with one retention and one purge, and the entry joins the acting
 * person's name the same way. A plain (not transactional-phase) listener: the service publishes inside its
 * transaction, so the entry is written in it — a change rolled back leaves no entry, and no change goes unrecorded.
 */
@Component
class AccessAudit {
    private final Audit audit;

    AccessAudit(Audit audit) {
        this.audit = audit;
    }

    @EventListener
    void changed(AccessChanged change) {
        audit.record(kind(change.kind()), change.person(), change.actor(), null,
                subject(change.kind()) + " " + change.subject() + " — " + change.detail());
    }

    static AuditKind kind(AccessChanged.Kind kind) {
        return switch (kind) {
            case ORGANISATION -> AuditKind.ORGANISATION_CHANGED;
            case ORGANISATION_MEMBERS -> AuditKind.ORGANISATION_MEMBER_CHANGED;
            case PROJECT -> AuditKind.PROJECT_CHANGED;
            case PROJECT_MEMBERS -> AuditKind.PROJECT_MEMBER_CHANGED;
            case GRANTS -> AuditKind.GRANTS_CHANGED;
            case VISIBILITY -> AuditKind.VISIBILITY_CHANGED;
        };
    }

    private static String subject(AccessChanged.Kind kind) {
        return switch (kind) {
            case ORGANISATION, ORGANISATION_MEMBERS -> "organisation";
            case PROJECT, PROJECT_MEMBERS -> "projet";
            case GRANTS, VISIBILITY -> "fiche";
        };
    }
}
