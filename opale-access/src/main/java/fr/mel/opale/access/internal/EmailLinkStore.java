package fr.mel.opale.access.internal;

import static fr.mel.opale.access.internal.Timestamps.column;
import static fr.mel.opale.access.internal.Timestamps.read;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code email_link} table: single-use links sent by mail, kept as the SHA-256 of their secret. A new link of a
 * purpose replaces the person's older ones of that purpose, so only the last mail works.
 */
@Component
public class EmailLinkStore {
    /** What a link is for. Stored by name. */
    public enum Purpose { VERIFY, RESET, CHANGE }

    /**
     * A link found by its secret.
     *
     * @param email the address the link was sent to (for {@link Purpose#CHANGE}: the new address)
     */
    public record EmailLink(long id, long personId, Purpose purpose, String email, Instant expiresAt,
                            @Nullable Instant usedAt) {
        public boolean usableAt(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    private final JdbcClient jdbc;

    EmailLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long personId, Purpose purpose, String tokenHash, String email, Instant now, Instant expires) {
        jdbc.sql("DELETE FROM email_link WHERE person_id = ? AND purpose = ?").params(personId, purpose.name())
                .update();
        jdbc.sql("INSERT INTO email_link (person_id, purpose, token_hash, email, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(personId, purpose.name(), tokenHash, email, column(now), column(expires)).update();
    }

    public Optional<EmailLink> find(String tokenHash) {
        return jdbc.sql("SELECT id, person_id, purpose, email, expires_at, used_at FROM email_link WHERE token_hash = ?")
                .param(tokenHash)
                .query((row, i) -> new EmailLink(row.getLong("id"), row.getLong("person_id"),
                        Purpose.valueOf(row.getString("purpose")), row.getString("email"), read(row, "expires_at"),
                        read(row, "used_at")))
                .optional();
    }

    /** Marks the link used unless it already was; true for the one caller that used it (concurrent clicks: one wins). */
    public boolean use(long id, Instant now) {
        return jdbc.sql("UPDATE email_link SET used_at = ? WHERE id = ? AND used_at IS NULL").params(column(now), id)
                .update() == 1;
    }

    public void deleteOf(long personId, Purpose purpose) {
        jdbc.sql("DELETE FROM email_link WHERE person_id = ? AND purpose = ?").params(personId, purpose.name()).update();
    }

    /** Links expired since {@code before}, used or not: nothing can be done with them any more. */
    public int deleteExpiredBefore(Instant before) {
        return jdbc.sql("DELETE FROM email_link WHERE expires_at < ?").param(column(before)).update();
    }
}
