package fr.mel.opale.access.oidc;

import fr.mel.opale.access.internal.Authorities;
import fr.mel.opale.access.internal.SessionRegistry;
import fr.mel.opale.access.internal.StoredPerson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Puts a person signed in through a provider into the browser's session exactly as a password login does (a
 * {@code PersonPrincipal} and the platform roles, the address and browser for "Mon compte"), with
 * {@link ProviderDetails} for the logout; or leaves the session anonymous.
 */
final class ProviderSessions {
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    void logIn(HttpServletRequest request, HttpServletResponse response, StoredPerson person, ProviderDetails details) {
        if (request.getSession(false) != null) {
            request.changeSessionId(); // fixation: a new id whenever who the session is changes
        }
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                person.principal(), null, Authorities.of(person.roles()));
        authentication.setDetails(details);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        HttpSession session = request.getSession();
        session.setAttribute(SessionRegistry.IP, request.getRemoteAddr());
        String agent = request.getHeader("User-Agent");
        if (agent != null) {
            session.setAttribute(SessionRegistry.AGENT, agent.length() > 300 ? agent.substring(0, 300) : agent);
        }
    }

    /** Nobody in the session (the provider's login is not a login to Opale: refused, or waiting to be linked). */
    void anonymous(HttpServletRequest request, HttpServletResponse response) {
        SecurityContext empty = contexts.createEmptyContext();
        contexts.setContext(empty);
        repository.saveContext(empty, request, response);
    }
}
