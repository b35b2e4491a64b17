package fr.mel.opale.access.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies what providers sign: ID tokens (Spring's OAuth2 login asks this factory, a bean, for each registration's
 * decoder) and signed userinfo answers ({@link SignedUserInfo}).
 *
 * <ul>
 *   <li>Signatures ES256 or RS256 only (FranceConnect v2 signs with either, ProConnect and Keycloak with RS256;
 *       Spring's own factory accepts one algorithm per registration), checked against the provider's JWKS. The key
 *       set is cached and fetched again when a token names a key id it does not hold (a key rotation), at most
 *       once per {@link #refetchInterval} so that forged key ids cannot make us hammer the provider.</li>
 *   <li>{@code alg: none} and HMAC tokens are refused: no key selector accepts them.</li>
 *   <li>ID tokens: Spring's {@link OidcIdTokenValidator} ({@code iss} equals the discovered issuer, {@code aud}
 *       holds our client id, {@code azp}, {@code exp}, {@code iat}); the {@code nonce} is compared by Spring's
 *       OIDC login provider with the one of the authorization request kept in the session.</li>
 *   <li>Userinfo JWTs: {@code iss} the issuer, {@code aud} our client id when present, {@code exp} when present
 *       (FranceConnect's carry no {@code exp}).</li>
 * </ul>
 */
final class ProviderJwtDecoders implements JwtDecoderFactory<ClientRegistration> {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private final long refetchInterval;
    private final Function<String, JWKSource<SecurityContext>> keySources;
    private final Map<String, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();
    private final Map<String, JwtDecoder> idTokens = new ConcurrentHashMap<>();
    private final Map<String, JwtDecoder> userInfos = new ConcurrentHashMap<>();

    ProviderJwtDecoders() {
        this(30_000);
    }

    /** @param refetchIntervalMillis the least time between two fetches of a key set */
    ProviderJwtDecoders(long refetchIntervalMillis) {
        this.refetchInterval = refetchIntervalMillis;
        this.keySources = this::remoteKeys;
    }

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        return idTokens.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusJwtDecoder decoder = decoder(registration);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration))));
            return decoder;
        });
    }

    /** The decoder of the registration's signed userinfo answers. */
    JwtDecoder userInfoDecoder(ClientRegistration registration) {
        return userInfos.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusJwtDecoder decoder = decoder(registration);
            String issuer = registration.getProviderDetails().getIssuerUri();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(),
                    new JwtIssuerValidator(issuer), audienceIfPresent(registration.getClientId()))));
            return decoder;
        });
    }

    private NimbusJwtDecoder decoder(ClientRegistration registration) {
        JWKSource<SecurityContext> source = keys.computeIfAbsent(registration.getRegistrationId(),
                id -> keySources.apply(registration.getProviderDetails().getJwkSetUri()));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source));
        // the claims are checked by Spring's validators, with French-independent error codes; Nimbus's own
        // checker would only duplicate exp/nbf
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
        return decoder;
    }

    private JWKSource<SecurityContext> remoteKeys(String jwkSetUri) {
        try {
            return JWKSourceBuilder.create(URI.create(jwkSetUri).toURL())
                    .cache(5 * 60_000L, 15_000L)
                    .rateLimited(refetchInterval)
                    .refreshAheadCache(false)
                    .retrying(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("JWKS inutilisable : " + jwkSetUri, e);
        }
    }

    private static OAuth2TokenValidator<Jwt> audienceIfPresent(String clientId) {
        return jwt -> {
            List<String> audience = jwt.getAudience();
            if (audience == null || audience.isEmpty() || audience.contains(clientId)) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "The userinfo answer is meant for another client", null));
        };
    }
}
