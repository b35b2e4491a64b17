package fr.mel.opale.access.admin;

import static fr.mel.opale.access.internal.Timestamps.read;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.internal.Timestamps;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who logged in when: sign-ins, failures, lockouts, sign-ups, resets, role and status changes, for administrators
 * ({@link AccessPolicy#canSeeAuditLog}). Entries older than {@link #RETENTION} are purged daily
 * ({@code internal.Housekeeping}).
 */
@Service
public class AuditLog {
    /** How long entries are kept. */
    public static final Duration RETENTION = Duration.ofDays(365);
    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final Audit audit;

    AuditLog(JdbcClient jdbc, AccessPolicy policy, Audit audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * The newest entries first, {@link #PAGE_SIZE} a page (0-based), about {@code personId} only when given.
     *
     * @throws AccessDenied unless the current viewer may read the log
     */
    public List<AuditEntry> recent(@Nullable Long personId, int page) {
        Viewer viewer = policy.currentViewer();
        if (!policy.canSeeAuditLog(viewer)) {
            throw new AccessDenied(viewer);
        }
        return jdbc.sql("SELECT e.id, e.occurred_at, e.kind, e.person_id, p.display_name AS person_name, "
                        + "a.display_name AS actor_name, e.ip, e.detail FROM auth_event e "
                        + "LEFT JOIN person p ON p.id = e.person_id LEFT JOIN person a ON a.id = e.actor_id "
                        + "WHERE (CAST(:person AS BIGINT) IS NULL OR e.person_id = :person) "
                        + "ORDER BY e.occurred_at DESC, e.id DESC OFFSET :o ROWS FETCH NEXT :l ROWS ONLY")
                .param("person", personId).param("o", Math.max(0, page) * PAGE_SIZE).param("l", PAGE_SIZE)
                .query((row, i) -> new AuditEntry(row.getLong("id"), read(row, "occurred_at"),
                        AuditKind.valueOf(row.getString("kind")),
                        row.getObject("person_id") == null ? null : row.getLong("person_id"),
                        row.getString("person_name"), row.getString("actor_name"), row.getString("ip"),
                        row.getString("detail")))
                .list();
    }

    /** Deletes entries older than {@link #RETENTION}; returns how many. Called daily, and by tests. */
    public int purge() {
        return audit.purgeBefore(Timestamps.now().minus(RETENTION));
    }
}
