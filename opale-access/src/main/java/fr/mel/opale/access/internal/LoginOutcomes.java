package fr.mel.opale.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where the login form leads. On success: the page asked for before, else {@code /}; the session (a fresh id: the
 * old one is changed against fixation) remembers the address and browser it logged in from, to tell sessions apart in
 * "Mon compte". On failure: back to the form with the reason's code — {@code ?error} (wrong login or password, the
 * same for unknown accounts), {@code ?bloque=<minutes>}, {@code ?en-attente} (address not verified yet; only after
 * the right password), {@code ?desactive}. Nothing about the failure is kept in the session.
 */
final class LoginOutcomes {
    private LoginOutcomes() {
    }

    static AuthenticationSuccessHandler success() {
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            remember(request);
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * A passkey login ({@code POST /login/webauthn}, called by script): the same session notes, then JSON
     * {@code {"authenticated":true,"redirectUrl":…}} (the page asked for before, else {@code /}) for the script to go to.
     */
    static AuthenticationSuccessHandler passkeySuccess() {
        HttpMessageConverterAuthenticationSuccessHandler target = new HttpMessageConverterAuthenticationSuccessHandler();
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            remember(request);
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * A refused passkey: 401 with JSON {@code {"raison":"error"|"desactive"|"en-attente"}}, the reason code of the
     * login page, which the script adds to {@code /connexion?}.
     */
    static AuthenticationFailureHandler passkeyFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getWriter().write("{\"raison\":\"" + reason(exception).replaceAll("[^a-z-]", "") + "\"}");
        };
    }

    private static void remember(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute(SessionRegistry.IP, request.getRemoteAddr());
        String agent = request.getHeader("User-Agent");
        if (agent != null) {
            session.setAttribute(SessionRegistry.AGENT, agent.length() > 300 ? agent.substring(0, 300) : agent);
        }
    }

    static AuthenticationFailureHandler failure(String loginPage) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            response.sendRedirect(request.getContextPath() + loginPage + "?" + reason(exception));
        };
    }

    private static String reason(AuthenticationException exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        if (exception instanceof LockedException && message.startsWith(LocalAuthentication.THROTTLED + ":")) {
            return "bloque=" + message.substring(LocalAuthentication.THROTTLED.length() + 1);
        }
        if (exception instanceof DisabledException) {
            return LocalAuthentication.PENDING.equals(message) ? "en-attente" : "desactive";
        }
        return "error";
    }
}
