package fr.mel.opale.access.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log, as administrators see it.
 *
 * @param personId   who it is about; null when the login named nobody
 * @param personName that person's display name; null when unknown or since deleted
 * @param actorName  the administrator who acted, for role and status changes; else null
 * @param detail     a role's slug, a status..., never a secret
 */
public record AuditEntry(long id, Instant at, AuditKind kind, @Nullable Long personId, @Nullable String personName,
                         @Nullable String actorName, @Nullable String ip, @Nullable String detail) {
}
