package fr.mel.opale.access.oidc;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider login whose verified address is that of an existing account, waiting in the session for the person to
 * prove that account (its password, or a link mailed to its address and opened in this browser). Nothing is written
 * until then. Ten minutes to decide.
 *
 * @param idToken    kept to log out through the provider once linked; never shown
 * @param mailedHash the SHA-256 of the secret mailed to the account's address, when the person chose that proof
 */
record PendingLink(long personId, String provider, String providerLabel, String subject, String email,
                   String displayName, String claimsJson, String idToken, Instant created,
                   @Nullable String mailedHash) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    static final String SESSION_KEY = "opale.oidc.pending-link";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    static PendingLink of(long personId, ProviderSettings provider, String subject, String email, String displayName,
                          Map<String, Object> claims, String idToken, Instant now) {
        return new PendingLink(personId, provider.id(), provider.label(), subject, email, displayName,
                JSON.writeValueAsString(claims), idToken, now, null);
    }

    PendingLink withMailedHash(String hash) {
        return new PendingLink(personId, provider, providerLabel, subject, email, displayName, claimsJson, idToken,
                created, hash);
    }

    Map<String, Object> claims() {
        return JSON.readValue(claimsJson, OBJECT);
    }

    boolean expired(Instant now) {
        return created.plus(LIFETIME).isBefore(now);
    }

    @Override
    public String toString() {
        return "PendingLink[person=" + personId + ", provider=" + provider + "]";
    }
}
