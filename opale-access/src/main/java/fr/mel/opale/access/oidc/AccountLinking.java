package fr.mel.opale.access.oidc;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.identity.ExternalIdentity;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.internal.LocalAuthentication;
import fr.mel.opale.access.internal.PersonPrincipal;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import fr.mel.opale.access.internal.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Linking a provider identity to an existing account, and unlinking it.
 *
 * <p><b>Linking</b> is offered, never done silently: a provider login whose verified address is an account's waits
 * in the session ({@link PendingLink}); the person proves the account with its password (checked by
 * {@link LocalAuthentication}: throttled, audited, the same answer for every failure), then the identity is
 * attached and the person logged in. Declining, or ten minutes, and nothing was written.
 *
 * <p><b>Unlinking</b> one's own identity is allowed while another way in remains: a password, or another identity.
 */
public class AccountLinking {
    /** What the link page shows. */
    public record Offer(String providerLabel, String email, boolean hasPassword) {
    }

    private final PersonStore people;
    private final ExternalIdentities identities;
    private final LocalAuthentication passwords;
    private final ProviderSessions sessions;
    private final ProviderSignIn signIn;
    private final AccessPolicy policy;
    private final Audit audit;
    private final TransactionTemplate transactions;

    AccountLinking(PersonStore people, ExternalIdentities identities, LocalAuthentication passwords,
                   ProviderSessions sessions, ProviderSignIn signIn, AccessPolicy policy, Audit audit,
                   TransactionTemplate transactions) {
        this.people = people;
        this.identities = identities;
        this.passwords = passwords;
        this.sessions = sessions;
        this.signIn = signIn;
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The link waiting in this browser's session, if any and not expired. */
    public Optional<Offer> offer(HttpServletRequest request) {
        return pending(request).flatMap(link -> people.find(link.personId())
                .map(person -> new Offer(link.providerLabel(), link.email(), person.passwordHash() != null)));
    }

    /**
     * Proves the account with its password, attaches the identity and logs the person in (a new session id).
     *
     * @throws AccountProblem 400 {@code liaison-expiree} when nothing waits; 400 with {@code password} →
     *                        {@code current-password-wrong} for a wrong password (or a locked account)
     */
    public void confirm(HttpServletRequest request, HttpServletResponse response, @Nullable String password) {
        PendingLink link = pending(request).orElseThrow(AccountProblem::noPendingLink);
        StoredPerson holder = people.find(link.personId()).orElseThrow(AccountProblem::noPendingLink);
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                holder.recordedName(), password == null ? "" : password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication proved;
        try {
            proved = passwords.authenticate(attempt);
        } catch (AuthenticationException e) {
            throw AccountProblem.invalid(Map.of("password", "current-password-wrong"));
        }
        if (!(proved.getPrincipal() instanceof PersonPrincipal principal) || principal.personId() != holder.id()) {
            throw AccountProblem.invalid(Map.of("password", "current-password-wrong"));
        }
        Map<String, Object> claims = link.claims();
        StoredPerson person = transactions.execute(status -> {
            if (identities.find(link.provider(), link.subject()).isEmpty()) {
                identities.attach(holder.id(), link.provider(), link.subject(), link.email(), true, claims);
                audit.record(AuditKind.IDENTITY_LINKED, holder.id(), null, request.getRemoteAddr(), link.provider());
            }
            return people.find(holder.id()).orElseThrow();
        });
        request.getSession().removeAttribute(PendingLink.SESSION_KEY);
        sessions.logIn(request, response, person, new ProviderDetails(link.provider(), link.idToken()));
        signIn.notifyListeners(person.id(), link.provider(), claims);
    }

    /** Forgets the waiting link: nothing was written. */
    public void decline(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingLink.SESSION_KEY);
        }
    }

    /** The current person's identities. @throws AccessDenied 401 when nobody is logged in */
    public List<ExternalIdentity> mine() {
        return identities.of(current().id());
    }

    /**
     * Unlinks one of the current person's identities.
     *
     * @throws AccountProblem 404 when it is not theirs; 409 {@code dernier-acces} when it is their only way in
     */
    public void unlink(long identityId) {
        StoredPerson person = current();
        transactions.executeWithoutResult(status -> {
            List<ExternalIdentity> mine = identities.of(person.id());
            ExternalIdentity target = mine.stream().filter(i -> i.id() == identityId).findFirst()
                    .orElseThrow(AccountProblem::notFound);
            if (person.passwordHash() == null && mine.size() < 2) {
                throw AccountProblem.lastWayIn();
            }
            identities.detach(person.id(), target.id());
            audit.record(AuditKind.IDENTITY_UNLINKED, person.id(), null, null, target.provider());
        });
    }

    private StoredPerson current() {
        Viewer viewer = policy.currentViewer();
        if (viewer.personId() == null) {
            throw new AccessDenied(viewer);
        }
        return people.find(viewer.personId()).orElseThrow(() -> new AccessDenied(Viewer.ANONYMOUS));
    }

    private static Optional<PendingLink> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PendingLink.SESSION_KEY) instanceof PendingLink link)) {
            return Optional.empty();
        }
        if (link.expired(Timestamps.now())) {
            session.removeAttribute(PendingLink.SESSION_KEY);
            return Optional.empty();
        }
        return Optional.of(link);
    }
}
