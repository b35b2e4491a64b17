package fr.mel.opale.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps what a logged-in viewer is shown out of shared caches, on every surface at once. Restricted and draft
 * resources only ever reach authenticated requests (the policy answers anonymous ones with public data only), so:
 * <ul>
 *   <li>every answer says {@code Vary: Authorization, Cookie} — a shared cache never serves one viewer's answer to
 *       another, nor an anonymous list to someone who would see more;</li>
 *   <li>an answer to an authenticated request that a controller marked {@code Cache-Control: public} (tiles,
 *       exports of public data) goes out {@code private} instead, its other directives kept; answers that set no
 *       {@code Cache-Control} keep Spring Security's {@code no-store}.</li>
 * </ul>
 * Public answers to anonymous requests stay cacheable as their controllers say. Not a bean: it runs inside the
 * security chain, after authentication (Spring Boot would otherwise also register it outside).
 */
final class PrivateAnswers extends OncePerRequestFilter {
    static final String VARY = "Authorization, Cookie";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.addHeader(HttpHeaders.VARY, VARY);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean authenticated = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        chain.doFilter(request, authenticated ? new PrivateResponse(response) : response);
    }

    /** Turns {@code public} into {@code private} in the Cache-Control header, however a controller sets it. */
    private static final class PrivateResponse extends HttpServletResponseWrapper {
        PrivateResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, privatised(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, privatised(name, value));
        }

        private static String privatised(String name, String value) {
            if (value == null || !HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                return value;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.contains("private") || lower.contains("no-store")) {
                return value;
            }
            String replaced = value.replaceAll("(?i)\\bpublic\\b", "private");
            return replaced.equals(value) ? "private, " + value : replaced;
        }
    }
}
