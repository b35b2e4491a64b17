package fr.mel.opale.access.oidc;

import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.internal.Audit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a provider's callback leads. The provider's verified login becomes an Opale login ({@link ProviderSignIn}):
 * the page asked for before, else {@code /}; a link offer → {@code /connexion/liaison}; a refusal or a failed check
 * (error returned by the provider, forged {@code state}, bad signature, wrong {@code nonce}...) →
 * {@code /connexion?fournisseur=<code>}, a French message there. The codes name the kind of failure only: what
 * exactly failed goes to the log (at INFO, without any token or code).
 */
final class ProviderLoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderLoginOutcomes.class);
    static final String LOGIN_PAGE = "/connexion";
    static final String LINK_PAGE = "/connexion/liaison";
    /** Errors the provider reports on the callback that the person caused (cancelled, refused consent). */
    private static final Set<String> DECLINED = Set.of("access_denied", "consent_required", "interaction_required",
            "login_required");

    private final ProviderSignIn signIn;
    private final ProviderSessions sessions;
    private final Audit audit;
    private final RequestCache requests = new HttpSessionRequestCache();

    ProviderLoginOutcomes(ProviderSignIn signIn, ProviderSessions sessions, Audit audit) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OidcUser user = (OidcUser) token.getPrincipal();
        String provider = token.getAuthorizedClientRegistrationId();
        ProviderSignIn.Outcome outcome = signIn.resolve(provider, user, request.getRemoteAddr());
        if (outcome instanceof ProviderSignIn.SignedIn signedIn) {
            sessions.logIn(request, response, signedIn.person(),
                    new ProviderDetails(provider, user.getIdToken().getTokenValue()));
            SavedRequest saved = requests.getRequest(request, response);
            requests.removeRequest(request, response);
            response.sendRedirect(saved != null ? saved.getRedirectUrl() : request.getContextPath() + "/");
        } else if (outcome instanceof ProviderSignIn.LinkOffered offered) {
            sessions.anonymous(request, response);
            request.getSession().setAttribute(PendingLink.SESSION_KEY, offered.link());
            response.sendRedirect(request.getContextPath() + LINK_PAGE);
        } else {
            sessions.anonymous(request, response);
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?fournisseur="
                    + ((ProviderSignIn.Refused) outcome).reason());
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                : "authentication_failed";
        LOG.info("Connexion par fournisseur refusée depuis {} : {} ({})", request.getRemoteAddr(), code,
                exception.getMessage());
        String uri = request.getRequestURI();
        String provider = uri.substring(uri.lastIndexOf('/') + 1);
        // the provider's id as typed in the address: bounded, as the audit log keeps it
        audit.record(AuditKind.LOGIN_FAILED, null, null, request.getRemoteAddr(),
                (provider.length() > 64 ? provider.substring(0, 64) : provider) + " : " + code);
        String reason = DECLINED.contains(code) ? "annule" : "echec";
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?fournisseur=" + reason);
    }
}
