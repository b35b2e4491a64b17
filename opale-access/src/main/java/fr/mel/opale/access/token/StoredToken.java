package fr.mel.opale.access.token;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code api_token}: a token's owner, name, hash and life. The secret itself is never stored.
 *
 * @param personId the owner
 */
record StoredToken(long id, long personId, String name, String tokenHash, String prefix, Instant createdAt,
                   @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    /** Whether a request carrying this token at {@code now} is let in. */
    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    ApiToken view() {
        return new ApiToken(id, name, prefix, createdAt, expiresAt, lastUsedAt);
    }
}
