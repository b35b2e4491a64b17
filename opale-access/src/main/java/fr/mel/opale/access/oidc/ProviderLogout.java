package fr.mel.opale.access.oidc;

import fr.mel.opale.access.internal.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After {@code POST /deconnexion} (the session is already gone): a person who came through a provider is sent to
 * its end-session endpoint with {@code id_token_hint}, {@code post_logout_redirect_uri} (the home page) and a
 * {@code state} (FranceConnect requires one; Spring's handler sends none), so that the provider's session ends too
 * — on a shared computer, "Se déconnecter" must not leave a FranceConnect session behind. Everyone else, or a
 * provider without an end-session endpoint: the home page.
 *
 * <p>Spring's {@link OidcClientInitiatedLogoutSuccessHandler} builds the address from the OAuth2 login it expects;
 * our sessions hold a person, so the login is rebuilt from the {@link ProviderDetails} kept for this.
 */
final class ProviderLogout extends OidcClientInitiatedLogoutSuccessHandler {
    private final ProviderRegistrations registrations;

    ProviderLogout(ProviderRegistrations registrations) {
        super(registrations);
        this.registrations = registrations;
        setPostLogoutRedirectUri(registrations.postLogoutRedirectUri());
        setDefaultTargetUrl("/");
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) {
        if (authentication == null || !(authentication.getDetails() instanceof ProviderDetails details)
                || registrations.findByRegistrationId(details.provider()) == null) {
            // a local login, or a provider no longer declared or not answering: Opale's session is over, home
            return super.determineTargetUrl(request, response, authentication);
        }
        OidcIdToken idToken = new OidcIdToken(details.idToken(), null, null, Map.of("sub", "inconnu"));
        OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(
                new DefaultOidcUser(Set.of(), idToken, "sub"), Set.of(), details.provider());
        String target = super.determineTargetUrl(request, response, login);
        if (target.contains("id_token_hint=")) {
            target = UriComponentsBuilder.fromUriString(target).queryParam("state", Secrets.random(16)).build(true)
                    .toUriString();
        }
        return target;
    }
}
