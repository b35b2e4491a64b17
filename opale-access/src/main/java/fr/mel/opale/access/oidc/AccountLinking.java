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
import fr.mel.opale.access.account.AccountPaths;
import fr.mel.opale.access.internal.Secrets;
import fr.mel.opale.access.internal.Throttles;
import fr.mel.opale.access.mail.AccountMail;
import fr.mel.opale.access.mail.AccountMails;
import fr.mel.opale.access.mail.MailOutbox;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import fr.mel.opale.access.passkey.Passkeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Linking a provider identity to an existing account, and unlinking it.
 *
 * <p><b>Linking</b> is offered, never done silently: a provider login whose verified address is an account's waits
 * in the session ({@link PendingLink}); the person proves the account with its password (checked by
 * {@link LocalAuthentication}: throttled, audited, the same answer for every failure) or with a single-use link
 * mailed to its address and opened in the same browser (the secret's hash is kept in the offer, in the session),
 * then the identity is attached and the person logged in. Declining, or ten minutes, and nothing was written.
 *
 * <p><b>Unlinking</b> one's own identity is allowed while another way in remains: a password, or another identity.
 */
public class AccountLinking {
    /**
     * What the link page shows.
     *
     * @param canMail whether a proof by mail can be sent (SMTP configured)
     * @param mailed  whether one was sent for this offer
     */
    public record Offer(String providerLabel, String email, boolean hasPassword, boolean canMail, boolean mailed) {
    }

    private final PersonStore people;
    private final ExternalIdentities identities;
    private final LocalAuthentication passwords;
    private final ProviderSessions sessions;
    private final ProviderSignIn signIn;
    private final AccessPolicy policy;
    private final Audit audit;
    private final Passkeys passkeys;
    private final TransactionTemplate transactions;
    private final MailOutbox mail;
    private final Throttles throttles;
    private final String publicUrl;

    AccountLinking(PersonStore people, ExternalIdentities identities, LocalAuthentication passwords,
                   ProviderSessions sessions, ProviderSignIn signIn, AccessPolicy policy, Audit audit,
                   TransactionTemplate transactions, MailOutbox mail, Throttles throttles, Passkeys passkeys,
                   String publicUrl) {
        this.passkeys = passkeys;
        this.mail = mail;
        this.throttles = throttles;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
                .map(person -> new Offer(link.providerLabel(), link.email(), person.passwordHash() != null,
                        mail.enabled(), link.mailedHash() != null)));
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
        link(request, response, link, holder);
    }

    /**
     * Mails the account's address a single-use link proving the mailbox (within the mail limits per address and
     * recipient); the link works in this browser only (the offer lives in its session) and until the offer expires.
     *
     * @throws AccountProblem 400 {@code liaison-expiree} when nothing waits; 503 without SMTP
     */
    public void mailProof(HttpServletRequest request) {
        if (!mail.enabled()) {
            throw AccountProblem.signUpClosed();
        }
        PendingLink link = pending(request).orElseThrow(AccountProblem::noPendingLink);
        StoredPerson holder = people.find(link.personId()).orElseThrow(AccountProblem::noPendingLink);
        if (holder.email() == null || !throttles.mailAllowed(request.getRemoteAddr(), holder.email())) {
            return; // the same answer: the page says a mail was sent if the address is the account's
        }
        String secret = Secrets.random(32);
        request.getSession().setAttribute(PendingLink.SESSION_KEY, link.withMailedHash(Secrets.sha256(secret)));
        String url = UriComponentsBuilder.fromUriString(publicUrl + AccountPaths.LINK_IDENTITY)
                .queryParam(AccountPaths.TOKEN, secret).build().toUriString();
        mail.send(AccountMails.render(AccountMail.LINK_IDENTITY, holder.language(), holder.email(),
                holder.displayName(), url), AccountMail.LINK_IDENTITY.name());
    }

    /**
     * Links with the mailed secret: the offer of this browser's session, and the secret mailed for it.
     *
     * @throws AccountProblem 400 {@code lien-invalide} for a wrong, used or foreign secret; {@code liaison-expiree}
     */
    public void confirmByMail(HttpServletRequest request, HttpServletResponse response, @Nullable String token) {
        PendingLink link = pending(request).orElseThrow(AccountProblem::noPendingLink);
        if (token == null || token.isBlank() || token.length() > 100 || link.mailedHash() == null
                || !MessageDigest.isEqual(link.mailedHash().getBytes(StandardCharsets.US_ASCII),
                        Secrets.sha256(token.strip()).getBytes(StandardCharsets.US_ASCII))) {
            throw AccountProblem.invalidLink();
        }
        StoredPerson holder = people.find(link.personId()).filter(StoredPerson::active)
                .orElseThrow(AccountProblem::noPendingLink);
        link(request, response, link, holder);
    }

    private void link(HttpServletRequest request, HttpServletResponse response, PendingLink link,
                      StoredPerson holder) {
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
            // a password, another identity or a passkey keeps the person able to log in
            if (person.passwordHash() == null && mine.size() < 2 && passkeys.countOf(person.id()) == 0) {
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
