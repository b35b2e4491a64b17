package fr.mel.opale.access;

import org.jspecify.annotations.Nullable;

/**
 * Published (inside the transaction) after every change of organisations, projects, memberships or grants: caches of
 * memberships drop what they hold, the search index re-indexes a resource whose grants changed, the audit of
 * permission changes records it.
 *
 * @param kind     what changed
 * @param subject  the organisation or project slug, or the resource id for {@link Kind#GRANTS}
 * @param detail   a short French description (« marc.lefebvre : member → editor »), never a secret
 * @param actor    who made the change (person id); null for the platform itself (start-up provisioning, the claim
 *                 rules applied at a login)
 * @param person   the person whose membership changed, when there is one: the audit log files the change under them
 */
public record AccessChanged(Kind kind, String subject, String detail, @Nullable Long actor, @Nullable Long person) {
    /** {@link Kind#VISIBILITY}: a record's visibility changed (subject: its id), by whoever changes it. */
    public enum Kind { ORGANISATION, ORGANISATION_MEMBERS, PROJECT, PROJECT_MEMBERS, GRANTS, VISIBILITY }

    /** A change about no person in particular. */
    public AccessChanged(Kind kind, String subject, String detail, @Nullable Long actor) {
        this(kind, subject, detail, actor, null);
    }
}
