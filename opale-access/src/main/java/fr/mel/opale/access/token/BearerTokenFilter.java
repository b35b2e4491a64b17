package fr.mel.opale.access.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import fr.mel.opale.access.internal.Authorities;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750) on every request. A usable token authenticates the request
 * as its account, with the account's current authorities, for this request only: nothing goes in a session (Bearer
 * clients are stateless). An unknown, revoked or expired token, or one whose person is gone or disabled, is answered 401
 * problem+json with {@code WWW-Authenticate: Bearer error="invalid_token"} at once — never silently downgraded to
 * anonymous, which would turn a revoked token into a confusing 404 on closed data. No {@code Bearer} header: the
 * request goes on untouched (anonymous, Basic or session, as before).
 *
 * <p>Not a Spring bean, so that Spring Boot does not also register it as a servlet filter outside the security chain.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
    private static final String SCHEME = "Bearer";

    private final ApiTokens tokens;
    private final PersonStore people;
    private final LocaleResolver languages;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public BearerTokenFilter(ApiTokens tokens, PersonStore people, LocaleResolver languages) {
        this.tokens = tokens;
        this.people = people;
        this.languages = languages;
    }

    /** Whether the request presents a Bearer token (then it needs no CSRF token: no browser adds it on its own). */
    public static boolean presentsToken(HttpServletRequest request) {
        return secretOf(request).isPresent();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = secretOf(request);
        if (secret.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<BearerTokenAuthentication> authentication = tokens.authenticate(secret.get()).flatMap(this::asAccount);
        if (authentication.isEmpty()) {
            challenge(request, response);
            return;
        }
        if (changesWaysIn(request)) {
            refuse(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    /** The token's person with their current roles; empty when the person is gone or no longer active. */
    private Optional<BearerTokenAuthentication> asAccount(StoredToken token) {
        return people.find(token.personId()).filter(StoredPerson::active)
                .map(p -> new BearerTokenAuthentication(p.principal(), token.id(), Authorities.of(p.roles())));
    }

    private static Optional<String> secretOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        // the scheme is case-insensitive (RFC 9110 §11.1)
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String rest = header.substring(SCHEME.length());
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            return Optional.empty(); // another scheme that merely starts with "Bearer"
        }
        return Optional.of(rest.strip()); // "Bearer" alone: an empty, hence invalid, token
    }

    /**
     * The account's ways in (passkeys registered through Spring's WebAuthn endpoints, the account pages): a leaked
     * token — revocable, expiring, meant for the API — must not turn itself into a passkey or a password, as it may
     * not mint other tokens either.
     */
    private static boolean changesWaysIn(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webauthn/") || path.startsWith("/login/webauthn") || path.equals("/compte")
                || path.startsWith("/compte/") || path.startsWith("/connexion");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = Locale.ENGLISH.getLanguage().equals(languages.resolveLocale(request).getLanguage());
        String title = english ? "Not with a token" : "Pas avec un jeton";
        String detail = english
                ? "A personal access token reads and writes through the API; it cannot manage the account's ways in."
                : "Un jeton d'accès personnel sert l'API ; il ne peut pas gérer les moyens de connexion du compte.";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + fr.mel.opale.access.problem.Problem.TYPE_BASE + "jeton-compte\","
                + "\"title\":\"" + title + "\",\"status\":403,\"detail\":\"" + detail + "\"}");
    }

    private void challenge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = Locale.ENGLISH.getLanguage().equals(languages.resolveLocale(request).getLanguage());
        String title = english ? "Invalid token" : "Jeton invalide";
        String detail = english
                ? "The access token is unknown, revoked or expired. Create a new one from your account."
                : "Le jeton d'accès est inconnu, révoqué ou expiré. Créez-en un nouveau depuis votre compte.";
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        // RFC 6750 §3: error_description is ASCII only, hence English; the body carries the French
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Opale\", error=\"invalid_token\", "
                + "error_description=\"The access token is unknown, revoked or expired\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + fr.mel.opale.access.problem.Problem.TYPE_BASE + "jeton-invalide\","
                + "\"title\":\"" + title + "\",\"status\":401,\"detail\":\"" + detail + "\",\"instance\":\""
                + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
