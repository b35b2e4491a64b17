package fr.mel.opale.access.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A way in through an OpenID Connect provider: the provider's subject names one person.
 *
 * @param provider      the provider's id in the settings ({@code keycloak}, {@code franceconnect}...)
 * @param subject       the provider's {@code sub} claim
 * @param email         the email the provider gave at the last login; null if none
 * @param emailVerified whether the provider said that email was verified
 * @param lastClaims    the claims of the last login (never a token): what the claim rules read
 */
public record ExternalIdentity(long id, long personId, String provider, String subject, @Nullable String email,
                               boolean emailVerified, Map<String, Object> lastClaims, Instant created,
                               @Nullable Instant lastLogin) {
    public ExternalIdentity {
        // claims may hold JSON nulls, which Map.copyOf refuses
        lastClaims = Collections.unmodifiableMap(new LinkedHashMap<>(lastClaims));
    }
}
