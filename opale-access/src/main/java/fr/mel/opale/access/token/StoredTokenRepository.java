package fr.mel.opale.access.token;

import static fr.mel.opale.access.internal.Timestamps.column;
import static fr.mel.opale.access.internal.Timestamps.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The {@code api_token} table: tokens by hash (authentication) and by person (their owner's list). */
@Component
class StoredTokenRepository {
    private static final String COLUMNS = "id, person_id, name, token_hash, prefix, created_at, expires_at, "
            + "last_used_at, revoked_at";

    private final JdbcClient jdbc;

    StoredTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    StoredToken insert(long personId, String name, String tokenHash, String prefix, Instant createdAt,
                       @Nullable Instant expiresAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_token (person_id, name, token_hash, prefix, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(personId, name, tokenHash, prefix, column(createdAt), column(expiresAt)).update(key, "id");
        return new StoredToken(key.getKeyAs(Number.class).longValue(), personId, name, tokenHash, prefix, createdAt,
                expiresAt, null, null);
    }

    Optional<StoredToken> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = ?").param(id).query(this::token).optional();
    }

    Optional<StoredToken> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?").param(tokenHash)
                .query(this::token).optional();
    }

    /** The person's tokens not revoked, newest first. */
    List<StoredToken> findActiveOf(long personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE person_id = ? AND revoked_at IS NULL "
                        + "ORDER BY created_at DESC, id DESC")
                .param(personId).query(this::token).list();
    }

    long countUsable(long personId, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE person_id = ? AND revoked_at IS NULL "
                        + "AND (expires_at IS NULL OR expires_at > ?)")
                .params(personId, column(now)).query(Long.class).single();
    }

    /** Revokes the token unless it already was. */
    void revoke(long id, Instant now) {
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(column(now), id)
                .update();
    }

    /**
     * Records a use unless one was recorded after {@code since}: concurrent requests of the same minute write once,
     * and the condition in SQL keeps a stale read from moving the date backwards.
     */
    int touch(long id, Instant now, Instant since) {
        return jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? "
                        + "AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(column(now), id, column(since)).update();
    }

    private StoredToken token(ResultSet row, int index) throws SQLException {
        return new StoredToken(row.getLong("id"), row.getLong("person_id"), row.getString("name"),
                row.getString("token_hash"), row.getString("prefix"), read(row, "created_at"),
                read(row, "expires_at"), read(row, "last_used_at"), read(row, "revoked_at"));
    }
}
