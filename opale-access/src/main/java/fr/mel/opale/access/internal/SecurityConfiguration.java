package fr.mel.opale.access.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import java.nio.charset.StandardCharsets;
import fr.mel.opale.access.oidc.OidcLogin;
import fr.mel.opale.access.token.ApiTokens;
import fr.mel.opale.access.token.BearerTokenFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Authentication only: who is calling. What they may do is decided by {@link fr.mel.opale.access.AccessPolicy},
 * so every URL is open here and each surface asks the policy.
 *
 * <p>Passwords are checked by {@link LocalAuthentication} (throttled, no account enumeration, Argon2id); sessions
 * live in the database ({@link SessionConfiguration}) and follow their person ({@link CurrentPerson}).
 *
 * <p>API clients authenticate by a personal token ({@code Authorization: Bearer}, {@link BearerTokenFilter}: per
 * request, no session, no CSRF token since no browser sends that header on its own) or by HTTP Basic; browsers by
 * the French login page {@code /connexion} and a session, CSRF-protected. The API needs no CSRF token: its writes accept only JSON, XML or ZIP bodies (or no body, for
 * DELETE), which no cross-site HTML form can send without a CORS preflight that we never grant.
 */
@Configuration
class SecurityConfiguration {
    static final String LOGIN_PAGE = "/connexion";

    @Bean
    SecurityFilterChain opaleSecurity(HttpSecurity http, ApiTokens tokens, PersonStore people,
                                      LocalAuthentication passwords, LocaleResolver localeResolver, OidcLogin oidc,
                                      WebAuthnRelyingPartyOperations passkeys, Audit audit,
                                      @Value("${opale.web.basemap-url:}") String basemapUrl,
                                      @Value("${opale.web.map-style-url:}") String mapStyleUrl,
                                      @Value("${opale.web.map-origins:}") String mapOrigins) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http
            .authenticationManager(new ProviderManager(providers(passwords, oidc)))
            .addFilterBefore(new BearerTokenFilter(tokens, people, localeResolver), BasicAuthenticationFilter.class)
            .addFilterBefore(new CurrentPerson(people), AnonymousAuthenticationFilter.class)
            .addFilterAfter(new PrivateAnswers(), AnonymousAuthenticationFilter.class)
            .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
            .httpBasic(basic -> basic.realmName("Opale").authenticationEntryPoint(problemEntryPoint()))
            // the session id changes at login (fixation); the form posts login + password with its CSRF token
            .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
            .formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll()
                .successHandler(LoginOutcomes.success())
                .failureHandler(LoginOutcomes.failure(LOGIN_PAGE)))
            // provider logins leave through the provider's end-session endpoint, the others land on /
            .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessHandler(oidc.logoutSuccess())
                .invalidateHttpSession(true).deleteCookies(SessionConfiguration.COOKIE))
            .csrf(csrf -> csrf.ignoringRequestMatchers(api, BearerTokenFilter::presentsToken))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(problemEntryPoint(), api)
                .defaultAccessDeniedHandlerFor(problemAccessDenied(), api)
                // pages (e.g. a form posted without its CSRF token): the servlet's 403, shown as an HTML page by
                // /error. Without this second mapping Spring Security would use the API's JSON handler everywhere.
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), request -> true))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'" + basemapOrigin(basemapUrl) + basemapOrigin(mapStyleUrl)
                    + mapOrigins(mapOrigins) + "; "
                    + "frame-ancestors 'self'; form-action 'self'" + oidc.issuerOrigins() + "; base-uri 'self'"))
                .referrerPolicy(ref -> ref.policy(
                    org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                        .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        oidc.configure(http, LOGIN_PAGE);
        passkeys(http, new PasskeyLogin(passkeys, people, audit), passkeys);
        return http.build();
    }

    /**
     * Spring Security's WebAuthn endpoints: {@code POST /webauthn/register/options} and {@code /webauthn/register}
     * (a logged-in person adds a passkey; the user entity is named after {@link PersonPrincipal#getName()}, the person
     * id), {@code POST /webauthn/authenticate/options} and {@code /login/webauthn} (login), each with the CSRF token.
     * Its default pages are off (ours are in opale-web); its login filter is given our {@link PasskeyLogin}, the
     * chain's session strategy (the id changes at login, the CSRF token is renewed, as for a password) and JSON
     * outcomes for the script. The {@code UserDetailsService} it insists on is never called, since
     * {@link PasskeyLogin} replaces the provider that would call it.
     */
    private static void passkeys(HttpSecurity http, PasskeyLogin login, WebAuthnRelyingPartyOperations relyingParty)
            throws Exception {
        // login options kept outside the session (PendingCeremonies): the configurer gives its own options filter no
        // way to change where they go, so ours, earlier in the chain, answers POST /webauthn/authenticate/options
        PublicKeyCredentialRequestOptionsRepository loginOptions = PendingCeremonies.logins();
        PublicKeyCredentialRequestOptionsFilter options = new PublicKeyCredentialRequestOptionsFilter(relyingParty);
        options.setRequestOptionsRepository(loginOptions);
        http.addFilterBefore(options, BasicAuthenticationFilter.class);
        // Spring's DELETE /webauthn/register/{id} would bypass Passkeys.remove (the last-way-in rule, the audit log):
        // keys are deleted from "Mon compte" only
        RequestMatcher springDelete = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.DELETE, "/webauthn/register/{id}");
        http.addFilterBefore((request, response, chain) -> {
            if (springDelete.matches((jakarta.servlet.http.HttpServletRequest) request)) {
                ((HttpServletResponse) response).sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                return;
            }
            chain.doFilter(request, response);
        }, BasicAuthenticationFilter.class);
        http.setSharedObject(UserDetailsService.class, username -> {
            throw new UsernameNotFoundException("passkeys are checked by PasskeyLogin");
        });
        http.webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
            .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                @Override
                public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                    filter.setAuthenticationManager(new ProviderManager(login));
                    filter.setRequestOptionsRepository(loginOptions);
                    filter.setSessionAuthenticationStrategy(http.getSharedObject(SessionAuthenticationStrategy.class));
                    filter.setAuthenticationSuccessHandler(LoginOutcomes.passkeySuccess());
                    filter.setAuthenticationFailureHandler(LoginOutcomes.passkeyFailure());
                    return filter;
                }
            }));
    }

    /** Passwords first, then the OpenID Connect callbacks' code check when providers are declared. */
    private static List<AuthenticationProvider> providers(LocalAuthentication passwords, OidcLogin oidc) {
        List<AuthenticationProvider> all = new ArrayList<>();
        all.add(passwords);
        all.addAll(oidc.authenticationProviders());
        return all;
    }

    /**
     * The map previews (opale-web, MapLibre GL) fetch the optional raster basemap's tiles with {@code fetch}, so its
     * origin, and that one only, joins {@code connect-src}; MapLibre turns them into images through {@code blob:}
     * URLs (hence {@code img-src blob:}). Its worker is a same-origin module ({@code /js/maplibre-gl-worker.mjs}),
     * allowed by {@code default-src 'self'}. No basemap configured: nothing is added.
     */
    static String basemapOrigin(String basemapUrl) {
        if (basemapUrl.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(basemapUrl.strip().replace("{", "%7B").replace("}", "%7D"));
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return "";
            }
            return " https://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * The origins a configured MapLibre style fetches its tiles, glyphs and sprites from
     * ({@code opale.web.map-origins}, comma-separated https origins); anything else in the list is ignored.
     */
    static String mapOrigins(String origins) {
        StringBuilder allowed = new StringBuilder();
        for (String origin : origins.split(",")) {
            allowed.append(basemapOrigin(origin));
        }
        return allowed.toString();
    }

    /** 403 as problem+json, for the API. */
    private static AccessDeniedHandler problemAccessDenied() {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Accès refusé\",\"status\":403,"
                + "\"detail\":\"Votre compte n'a pas le droit de faire cette action.\"}");
        };
    }

    /** 401 as problem+json, with the Basic challenge so command-line clients know what to send. */
    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Opale\", charset=\"UTF-8\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Authentification requise\",\"status\":401,"
                + "\"detail\":\"Identifiants absents ou incorrects.\",\"instance\":\""
                + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        };
    }
}
