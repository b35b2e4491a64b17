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
 * @param actor    who made the change (person id); null for the platform itself
 */
public record AccessChanged(Kind kind, String subject, String detail, @Nullable Long actor) {
    public enum Kind { ORGANISATION, ORGANISATION_MEMBERS, PROJECT, PROJECT_MEMBERS, GRANTS }
}
