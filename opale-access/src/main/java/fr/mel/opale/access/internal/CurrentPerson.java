package fr.mel.opale.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session's person current: on each request made with a session, reads the person again (one look-up by
 * id). A person deleted or disabled since loses the session at once (it is invalidated: anonymous from this
 * request on); a new name or changed platform roles take effect at once. Requests without a person in their session
 * are left alone.
 *
 * <p>Not a Spring bean, so that Spring Boot does not also register it as a servlet filter outside the security chain.
 */
final class CurrentPerson extends OncePerRequestFilter {
    private final PersonStore people;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    CurrentPerson(PersonStore people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.getPrincipal() instanceof PersonPrincipal held
                && request.getSession(false) != null) {
            Optional<StoredPerson> person = people.find(held.personId()).filter(StoredPerson::active);
            if (person.isEmpty()) {
                contexts.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!person.get().principal().equals(held)
                    || !Authorities.roles(auth.getAuthorities()).equals(person.get().roles())) {
                UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(
                        person.get().principal(), null, Authorities.of(person.get().roles()));
                fresh.setDetails(auth.getDetails());
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(fresh);
                contexts.setContext(context);
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
