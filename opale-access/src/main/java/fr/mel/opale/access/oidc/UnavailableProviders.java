package fr.mel.opale.access.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A click on a provider's button while its discovery fails (provider down, network cut): back to the login page with
 * a French message rather than Spring's bare 500; an id no provider has: 404 (Spring would answer 500 and log a
 * stack trace for any typed address). Not a Spring bean (it belongs to the security chain only).
 */
final class UnavailableProviders extends OncePerRequestFilter {
    private final ProviderRegistrations registrations;

    UnavailableProviders(ProviderRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String prefix = request.getContextPath() + OidcLogin.AUTHORIZATION + "/";
        String uri = request.getRequestURI();
        if (uri.startsWith(prefix)) {
            String id = uri.substring(prefix.length());
            if (registrations.settings(id).isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (registrations.findByRegistrationId(id) == null) {
                response.sendRedirect(request.getContextPath() + ProviderLoginOutcomes.LOGIN_PAGE
                        + "?fournisseur=indisponible");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
