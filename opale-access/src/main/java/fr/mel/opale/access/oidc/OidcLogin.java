package fr.mel.opale.access.oidc;

import java.util.List;
import java.util.function.Predicate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The OpenID Connect sign-in in the security chain, when at least one provider is declared (none: the chain is
 * as without this module's OIDC part, and {@code /oauth2/**} answers 404).
 *
 * <ul>
 *   <li>{@code GET /oauth2/authorization/<id>} (the button) → the provider, with {@code state}, {@code nonce}
 *       (Spring's, kept in the session), PKCE when the provider supports it, and for FranceConnect
 *       {@code acr_values=eidas1};</li>
 *   <li>{@code /login/oauth2/code/<id>} (the callback, registered at the provider) → code exchange, ID token checked
 *       ({@link ProviderJwtDecoders}), userinfo verified ({@link SignedUserInfo}), then {@link ProviderSignIn}.</li>
 * </ul>
 * Provider access tokens are not kept: Opale needs who the person is, not access to the provider's APIs.
 */
public class OidcLogin {
    static final String AUTHORIZATION = "/oauth2/authorization";

    private final ProviderRegistrations registrations;
    private final ProviderJwtDecoders decoders;
    private final ProviderLoginOutcomes outcomes;

    OidcLogin(ProviderRegistrations registrations, ProviderJwtDecoders decoders, ProviderLoginOutcomes outcomes) {
        this.registrations = registrations;
        this.decoders = decoders;
        this.outcomes = outcomes;
    }

    public boolean enabled() {
        return !registrations.settings().isEmpty();
    }

    /** Adds the provider login to {@code http} when a provider is declared. */
    public void configure(HttpSecurity http, String loginPage) throws Exception {
        if (!enabled()) {
            return;
        }
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, AUTHORIZATION);
        resolver.setAuthorizationRequestCustomizer(request -> request.attributes(attributes -> {
            Object id = attributes.get(org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames
                    .REGISTRATION_ID);
            boolean franceConnect = id != null && registrations.settings(id.toString())
                    .map(p -> p.kind() == ProviderKind.FRANCECONNECT).orElse(false);
            if (franceConnect) {
                request.additionalParameters(parameters -> parameters.put("acr_values", "eidas1"));
            }
        }));
        http.addFilterBefore(new UnavailableProviders(registrations), OAuth2AuthorizationRequestRedirectFilter.class)
            .oauth2Login(login -> login
                .loginPage(loginPage)
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NothingKept())
                .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION)
                        .authorizationRequestResolver(resolver))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users()))
                .successHandler(outcomes)
                .failureHandler(outcomes));
    }

    /**
     * What checks a callback's code, for the chain's authentication manager (which is built by hand, with the
     * password check: providers the OAuth2 login would register itself are not asked then): the code exchange,
     * the ID token ({@link ProviderJwtDecoders}, with Spring's {@code nonce} check), the userinfo
     * ({@link SignedUserInfo}). Empty when no provider is declared.
     */
    public List<AuthenticationProvider> authenticationProviders() {
        if (!enabled()) {
            return List.of();
        }
        OidcAuthorizationCodeAuthenticationProvider codes = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), users());
        codes.setJwtDecoderFactory(decoders);
        return List.of(codes);
    }

    private OidcUserService users() {
        OidcUserService users = new OidcUserService();
        users.setOauth2UserService(new SignedUserInfo(registrations, decoders));
        Predicate<OidcUserRequest> hasUserInfo = request -> request.getClientRegistration().getProviderDetails()
                .getUserInfoEndpoint().getUri() != null;
        users.setRetrieveUserInfo(hasUserInfo);
        return users;
    }

    /**
     * The origins of the declared issuers, each after a space, for the Content-Security-Policy's
     * {@code form-action}: the logout form posts to Opale, which redirects to the provider's end-session endpoint,
     * and browsers check the redirects of a form submission against {@code form-action} too.
     */
    public String issuerOrigins() {
        StringBuilder origins = new StringBuilder();
        for (ProviderSettings provider : registrations.settings()) {
            java.net.URI issuer = java.net.URI.create(provider.issuer());
            String origin = " " + issuer.getScheme() + "://" + issuer.getHost()
                    + (issuer.getPort() < 0 ? "" : ":" + issuer.getPort());
            if (origins.indexOf(origin) < 0) {
                origins.append(origin);
            }
        }
        return origins.toString();
    }

    /** What {@code POST /deconnexion} does afterwards: through the provider for provider logins, else home. */
    public LogoutSuccessHandler logoutSuccess() {
        return new ProviderLogout(registrations);
    }

    /** Provider access and refresh tokens are dropped as soon as the login is checked. */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal,
                                           HttpServletRequest request, HttpServletResponse response) {
        }
    }
}
