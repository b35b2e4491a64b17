package fr.mel.opale.access.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code api_token}: a token's owner, name, hash and life. The secret itself is never stored. */
@Entity
@Table(name = "api_token")
class StoredToken {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String account;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected StoredToken() {
        // for JPA
    }

    StoredToken(String account, String name, String tokenHash, String prefix, Instant createdAt,
                @Nullable Instant expiresAt) {
        this.account = account;
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long id() {
        return id;
    }

    String account() {
        return account;
    }

    @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** Whether a request carrying this token at {@code now} is let in. */
    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    ApiToken view() {
        return new ApiToken(id, name, prefix, createdAt, expiresAt, lastUsedAt);
    }
}
