package fr.mel.opale.access.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The client registrations of the declared providers, each discovered from its issuer
 * ({@code /.well-known/openid-configuration}: endpoints, JWKS, end-session endpoint, PKCE support) at its first
 * use and then kept. Discovery at first use rather than at start: a provider down when Opale starts must not stop
 * the platform (nor delay it), and a click on its button tries again (at most every 30 seconds).
 *
 * <p>PKCE ({@code S256}) is asked whenever the provider's discovery document says it supports it.
 */
final class ProviderRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistrations.class);
    /**
     * Where addresses given to providers start: {@code opale.public-url} when set — the address registered at the
     * providers, whatever host or scheme a request came in by (a proxy may hide them) — else Spring's
     * {@code {baseUrl}}, taken from the request (tests on random ports).
     */
    private final String base;

    private final Map<String, ProviderSettings> providers = new LinkedHashMap<>();
    private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();
    /** When each provider's discovery last failed: not tried again for {@link #RETRY_AFTER}. */
    private final Map<String, Instant> failed = new ConcurrentHashMap<>();
    /**
     * Clicks on the button of a provider that does not answer are answered at once for this long, rather than
     * each waiting for (and each sending) a discovery request: a person retrying, or a script, cannot pile up
     * outgoing requests.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    ProviderRegistrations(List<ProviderSettings> providers, @Nullable String publicUrl) {
        providers.forEach(p -> this.providers.put(p.id(), p));
        this.base = publicUrl == null || publicUrl.isBlank() ? "{baseUrl}"
                : publicUrl.strip().replaceAll("/+$", "");
    }

    /** The redirect URI template given to providers: {@code <public-url>/login/oauth2/code/{registrationId}}. */
    String redirectUri() {
        return base + "/login/oauth2/code/{registrationId}";
    }

    /** Where providers send people back after their logout: {@code <public-url>/}. */
    String postLogoutRedirectUri() {
        return base + "/";
    }

    Optional<ProviderSettings> settings(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    List<ProviderSettings> settings() {
        return List.copyOf(providers.values());
    }

    /** The registration, discovered now if it was not yet; null when unknown or its provider does not answer. */
    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        ProviderSettings provider = providers.get(registrationId);
        if (provider == null) {
            return null;
        }
        ClientRegistration known = discovered.get(registrationId);
        if (known != null) {
            return known;
        }
        Instant lastFailure = failed.get(registrationId);
        if (lastFailure != null && lastFailure.plus(RETRY_AFTER).isAfter(Instant.now())) {
            return null;
        }
        try {
            ClientRegistration registration = discover(provider, redirectUri());
            discovered.put(registrationId, registration);
            failed.remove(registrationId);
            return registration;
        } catch (RuntimeException e) {
            failed.put(registrationId, Instant.now());
            LOG.warn("Fournisseur OpenID Connect {} : découverte impossible depuis {} ({})", provider.id(),
                    provider.issuer(), e.toString());
            return null;
        }
    }

    private static ClientRegistration discover(ProviderSettings provider, String redirectUri) {
        ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(provider.issuer());
        ClientRegistration metadataOnly = builder.registrationId(provider.id()).clientId(provider.clientId()).build();
        Object pkce = metadataOnly.getProviderDetails().getConfigurationMetadata()
                .get("code_challenge_methods_supported");
        boolean s256 = pkce instanceof Iterable<?> methods && contains(methods, "S256");
        return builder.registrationId(provider.id())
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .clientName(provider.label())
                .scope(provider.scopes())
                .redirectUri(redirectUri)
                .userNameAttributeName("sub")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(s256).build())
                .build();
    }

    private static boolean contains(Iterable<?> values, String wanted) {
        for (Object value : values) {
            if (Objects.equals(String.valueOf(value), wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The registrations discovered so far (Spring's login page generator iterates; ours does not). */
    @Override
    public Iterator<ClientRegistration> iterator() {
        return List.copyOf(discovered.values()).iterator();
    }
}
