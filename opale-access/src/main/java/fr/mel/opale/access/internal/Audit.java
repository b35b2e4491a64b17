package fr.mel.opale.access.internal;

import static fr.mel.opale.access.internal.Timestamps.column;

import fr.mel.opale.access.admin.AuditKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the {@code auth_event} table (read by {@link fr.mel.opale.access.admin.AuditLog}). */
@Component
public class Audit {
    private final JdbcClient jdbc;

    Audit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an event now.
     *
     * @param person the person it is about; null when unknown (a failed login for a name nobody has)
     * @param actor  who did it, when not the person (an administrator changing a role)
     * @param detail a short text, never a secret (a role's slug...)
     */
    public void record(AuditKind kind, @Nullable Long person, @Nullable Long actor, @Nullable String ip,
                       @Nullable String detail) {
        jdbc.sql("INSERT INTO auth_event (occurred_at, kind, person_id, actor_id, ip, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(column(Timestamps.now()), kind.name(), person, actor, truncate(ip, 64), truncate(detail, 500))
                .update();
    }

    /** Whether {@code person} is someone's number (an entry filed under a free number would go to its next holder). */
    public boolean personExists(long person) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE id = ?").param(person).query(Long.class).single() > 0;
    }

    /** The entries about {@code person}, oldest first, as name/value maps (the personal-data export). */
    public List<Map<String, Object>> of(long person) {
        return jdbc.sql("SELECT occurred_at, kind, ip, detail FROM auth_event WHERE person_id = ? ORDER BY occurred_at, id")
                .param(person).query((row, i) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("date", String.valueOf(Timestamps.read(row, "occurred_at")));
                    entry.put("evenement", row.getString("kind"));
                    entry.put("adresseIp", row.getString("ip"));
                    entry.put("detail", row.getString("detail"));
                    return entry;
                }).list();
    }

    public int purgeBefore(Instant before) {
        return jdbc.sql("DELETE FROM auth_event WHERE occurred_at < ?").param(column(before)).update();
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
