package fr.mel.opale.access.account;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.PlatformRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.internal.DummyHash;
import fr.mel.opale.access.internal.EmailLinkStore;
import fr.mel.opale.access.internal.EmailLinkStore.EmailLink;
import fr.mel.opale.access.internal.EmailLinkStore.Purpose;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.Secrets;
import fr.mel.opale.access.internal.SessionRegistry;
import fr.mel.opale.access.internal.StoredPerson;
import fr.mel.opale.access.internal.Throttles;
import fr.mel.opale.access.internal.Timestamps;
import fr.mel.opale.access.mail.AccountMail;
import fr.mel.opale.access.mail.AccountMails;
import fr.mel.opale.access.mail.MailOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Local accounts, for the person themselves: sign-up with a verified address, password reset, profile, password and
 * address changes, deletion. Every mail it sends carries a single-use link whose SHA-256 only is stored.
 *
 * <p>No answer tells whether an address has an account: a sign-up with a taken address and a reset for an unknown
 * one answer exactly as the others (the owner of a taken address gets a reminder instead of a second account), mails
 * leave in the background, and the password is hashed in every branch. Attempts are limited per network address and
 * per recipient ({@code Throttles}). A refused action throws {@link AccountProblem} and writes nothing.
 */
@Service
public class Accounts {
    static final Duration VERIFY_LIFETIME = Duration.ofHours(24);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"(),;:\\\\]+@[^@\\s<>\"(),;:\\\\]+\\.[^@\\s<>\"(),;:\\\\]+");

    private final PersonStore people;
    private final EmailLinkStore links;
    private final PasswordEncoder encoder;
    private final DummyHash dummy;
    private final PasswordRules passwords;
    private final Throttles throttles;
    private final MailOutbox mail;
    private final Audit audit;
    private final SessionRegistry sessions;
    private final AccessPolicy policy;
    private final String publicUrl;

    Accounts(PersonStore people, EmailLinkStore links, PasswordEncoder encoder, DummyHash dummy,
             PasswordRules passwords, Throttles throttles, MailOutbox mail, Audit audit, SessionRegistry sessions,
             AccessPolicy policy, @Value("${opale.public-url:http://localhost:8080}") String publicUrl) {
        this.people = people;
        this.links = links;
        this.encoder = encoder;
        this.dummy = dummy;
        this.passwords = passwords;
        this.throttles = throttles;
        this.mail = mail;
        this.audit = audit;
        this.sessions = sessions;
        this.policy = policy;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Whether people can sign up: only with an SMTP server, since an account is activated by a mailed link. */
    public boolean signUpOpen() {
        return mail.enabled();
    }

    /**
     * Signs up a person, or answers as if: a new address gets a pending account and a verification link; a pending
     * one gets its name and password replaced and a new link (the link decides who owns the address); an address
     * with an account gets a reminder with a reset link and nothing else changes.
     *
     * @param language {@code en} or anything else for French: the language of the mails
     * @param ip       the caller's address, for the limit of sign-ups per address
     * @throws AccountProblem 400 for invalid fields (all of them named), 429 beyond 5 sign-ups an hour from one
     *                        address, 503 without SMTP
     */
    @Transactional
    public void signUp(@Nullable String displayName, @Nullable String email, @Nullable String password,
                       @Nullable String confirmation, @Nullable String language, String ip) {
        if (!signUpOpen()) {
            throw AccountProblem.signUpClosed();
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String name = validName(displayName, problems);
        String address = validEmail(email, "email", problems);
        validNewPassword(password, confirmation, address, name, problems);
        if (!problems.isEmpty()) {
            throw AccountProblem.invalid(problems);
        }
        if (!throttles.signUpAllowed(ip)) {
            throw AccountProblem.tooManySignUps();
        }
        String lang = language(language);
        String hash = encoder.encode(password);
        Instant now = Timestamps.now();
        Optional<StoredPerson> existing = people.findByEmail(address);
        if (existing.isEmpty()) {
            long id;
            try {
                id = people.insert(null, name, address, PersonStatus.PENDING, hash, lang, now);
            } catch (DuplicateKeyException raced) {
                return; // the same address signed up at the same instant: that one goes on, same answer here
            }
            audit.record(AuditKind.SIGNED_UP, id, null, ip, null);
            sendLink(id, Purpose.VERIFY, address, lang, name, AccountMail.VERIFY, VERIFY_LIFETIME, now, ip);
        } else if (existing.get().status() == PersonStatus.PENDING) {
            StoredPerson pending = existing.get();
            people.updateSignUp(pending.id(), name, hash, lang, now);
            sendLink(pending.id(), Purpose.VERIFY, address, lang, name, AccountMail.VERIFY, VERIFY_LIFETIME, now, ip);
        } else {
            StoredPerson holder = existing.get();
            sendLink(holder.id(), Purpose.RESET, address, holder.language(), holder.displayName(),
                    AccountMail.ALREADY_REGISTERED, RESET_LIFETIME, now, ip);
        }
    }

    /**
     * Activates the account whose address the link verifies, given the password chosen at sign-up; the link is then
     * used up. Asking for the password closes the pre-hijacking of an account: whoever signs up with someone else's
     * address knows the password but not the mailbox, the owner of the mailbox has the link but not that password.
     *
     * @throws AccountProblem 400 {@code lien-invalide} for an unknown, expired or used link; 400 with
     *                        {@code current} → {@code current-password-wrong} for another password (the link stays
     *                        usable)
     */
    @Transactional
    public void verifyEmail(@Nullable String token, @Nullable String password) {
        EmailLink link = usableLink(token, Purpose.VERIFY);
        Instant now = Timestamps.now();
        StoredPerson person = people.find(link.personId()).orElseThrow(AccountProblem::invalidLink);
        Map<String, String> problems = new LinkedHashMap<>();
        checkCurrentPassword(person, password, problems);
        if (!problems.isEmpty()) {
            throw AccountProblem.invalid(problems);
        }
        if (!links.use(link.id(), now) || !people.setVerifiedEmail(person.id(), link.email(), now)) {
            throw AccountProblem.invalidLink();
        }
        if (person.status() == PersonStatus.PENDING) {
            people.setStatus(person.id(), PersonStatus.ACTIVE);
        }
        audit.record(AuditKind.EMAIL_VERIFIED, person.id(), null, null, null);
    }

    /**
     * Whether {@code token} is a usable link of this kind, without using it (the page that asks for a new password
     * shows its form only for a usable link).
     */
    @Transactional(readOnly = true)
    public boolean linkUsable(@Nullable String token, LinkKind kind) {
        try {
            usableLink(token, kind.purpose);
            return true;
        } catch (AccountProblem unusable) {
            return false;
        }
    }

    /** What a mailed link is for, for {@link #linkUsable}. */
    public enum LinkKind {
        VERIFY(Purpose.VERIFY), RESET(Purpose.RESET), CONFIRM_CHANGE(Purpose.CHANGE);

        private final Purpose purpose;

        LinkKind(Purpose purpose) {
            this.purpose = purpose;
        }
    }

    /**
     * Sends a reset link to {@code email} when it is the address of an account that is not disabled; answers the
     * same otherwise. At most 5 such mails an hour per network address and 3 per recipient.
     *
     * @throws AccountProblem 400 when {@code email} is not an address at all
     */
    @Transactional
    public void requestPasswordReset(@Nullable String email, String ip) {
        Map<String, String> problems = new LinkedHashMap<>();
        String address = validEmail(email, "email", problems);
        if (!problems.isEmpty()) {
            throw AccountProblem.invalid(problems);
        }
        people.findByEmail(address).filter(p -> p.status() != PersonStatus.DISABLED).ifPresent(person ->
                sendLink(person.id(), Purpose.RESET, address, person.language(), person.displayName(),
                        AccountMail.RESET, RESET_LIFETIME, Timestamps.now(), ip));
    }

    /**
     * Sets a new password through a reset link, which is then used up. The link proves the address: an account still
     * waiting for verification is activated. Every session of the person ends, and a notice is mailed.
     *
     * @throws AccountProblem 400 {@code lien-invalide}, or invalid fields
     */
    @Transactional
    public void resetPassword(@Nullable String token, @Nullable String password, @Nullable String confirmation) {
        EmailLink link = usableLink(token, Purpose.RESET);
        StoredPerson person = people.find(link.personId()).orElseThrow(AccountProblem::invalidLink);
        Map<String, String> problems = new LinkedHashMap<>();
        validNewPassword(password, confirmation, person.email(), person.displayName(), problems);
        if (!problems.isEmpty()) {
            throw AccountProblem.invalid(problems);
        }
        Instant now = Timestamps.now();
        if (!links.use(link.id(), now)) {
            throw AccountProblem.invalidLink();
        }
        people.setPassword(person.id(), encoder.encode(password), now);
        if (person.status() == PersonStatus.PENDING && people.setVerifiedEmail(person.id(), link.email(), now)) {
            people.setStatus(person.id(), PersonStatus.ACTIVE);
        }
        links.deleteOf(person.id(), Purpose.RESET);
        throttles.loginSucceeded(link.email());
        if (person.username() != null) {
            throttles.loginSucceeded(person.username());
        }
        audit.record(AuditKind.PASSWORD_RESET, person.id(), null, null, null);
        afterCommit(() -> sessions.endAll(person.id(), null));
        notify(person, AccountMail.PASSWORD_CHANGED);
    }

    /** The current person's profile. @throws AccessDenied 401 when nobody is logged in */
    @Transactional(readOnly = true)
    public Profile me() {
        StoredPerson p = current();
        return new Profile(p.id(), p.username(), p.displayName(), p.email(), p.emailVerifiedAt() != null,
                p.language(), p.passwordHash() != null, p.createdAt(), p.lastLoginAt(), p.roles());
    }

    /** Changes the current person's name and mail language. @throws AccountProblem 400 for an invalid name */
    @Transactional
    public void updateProfile(@Nullable String displayName, @Nullable String language) {
        StoredPerson person = current();
        Map<String, String> problems = new LinkedHashMap<>();
        String name = validName(displayName, problems);
        if (!problems.isEmpty()) {
            throw AccountProblem.invalid(problems);
        }
        people.setProfile(person.id(), name, language(language));
    }

    /**
     * Changes the current person's password, given the current one; their other sessions end (this one stays) and
     * a notice is mailed.
     *
     * @param currentSessionId the id of the session making the change, kept; null ends them all
     * @throws AccountProblem 400 with {@code current} → {@code current-password-wrong}, or invalid new password
     */
    @Transactional
    public void changePassword(@Nullable String currentPassword, @Nullable String password,
                               @Nullable String confirmation, @Nullable String currentSessionId) {
        StoredPerson person = current();
        Map<String, String> problems = new LinkedHashMap<>();
        checkCurrentPassword(person, currentPassword, problems);
        validNewPassword(password, confirmation, person.email(), person.displayName(), problems);
        if (!problems.isEmpty()) {
            throw AccountProblem.invalid(problems);
        }
        people.setPassword(person.id(), encoder.encode(password), Timestamps.now());
        audit.record(AuditKind.PASSWORD_CHANGED, person.id(), null, null, null);
        afterCommit(() -> sessions.endAll(person.id(), currentSessionId));
        notify(person, AccountMail.PASSWORD_CHANGED);
    }

    /**
     * Sends a confirmation link to a new address for the current person; the address changes only when the link is
     * followed. A taken address gets the same answer and no mail.
     *
     * @throws AccountProblem 400 for a wrong password, an invalid address or the current one; 503 without SMTP
     */
    @Transactional
    public void requestEmailChange(@Nullable String newEmail, @Nullable String currentPassword, String ip) {
        if (!mail.enabled()) {
            throw AccountProblem.signUpClosed();
        }
        StoredPerson person = current();
        Map<String, String> problems = new LinkedHashMap<>();
        checkCurrentPassword(person, currentPassword, problems);
        String address = validEmail(newEmail, "email", problems);
        if (problems.isEmpty() && person.email() != null
                && PersonStore.emailKey(person.email()).equals(PersonStore.emailKey(address))) {
            problems.put("email", "email-unchanged");
        }
        if (!problems.isEmpty()) {
            throw AccountProblem.invalid(problems);
        }
        if (people.findByEmail(address).isEmpty()) {
            sendLink(person.id(), Purpose.CHANGE, address, person.language(), person.displayName(),
                    AccountMail.CONFIRM_CHANGE, VERIFY_LIFETIME, Timestamps.now(), ip);
        }
    }

    /**
     * Makes the address a change link was sent to the person's address; a notice goes to the old one.
     *
     * @throws AccountProblem 400 {@code lien-invalide}; 409 {@code adresse-prise} when another account took the
     *                        address in the meantime
     */
    @Transactional
    public void confirmEmailChange(@Nullable String token) {
        EmailLink link = usableLink(token, Purpose.CHANGE);
        StoredPerson person = people.find(link.personId()).orElseThrow(AccountProblem::invalidLink);
        Instant now = Timestamps.now();
        if (!links.use(link.id(), now)) {
            throw AccountProblem.invalidLink();
        }
        if (!people.setVerifiedEmail(person.id(), link.email(), now)) {
            throw AccountProblem.emailTaken();
        }
        audit.record(AuditKind.EMAIL_CHANGED, person.id(), null, null, null);
        if (person.email() != null) {
            notify(person, AccountMail.EMAIL_CHANGED);
        }
    }

    /**
     * Deletes the current person's account and everything hanging on it (tokens, identities, roles, links); the
     * audit log keeps its entries, without personal data, until they age out. Every session ends.
     *
     * @param confirmation the current password for accounts that have one; else the word {@code SUPPRIMER}
     * @throws AccountProblem 400 for a wrong confirmation, 409 for the last platform administrator
     */
    @Transactional
    public void deleteMine(@Nullable String confirmation) {
        StoredPerson person = current();
        Map<String, String> problems = new LinkedHashMap<>();
        if (person.passwordHash() != null) {
            checkCurrentPassword(person, confirmation, problems);
        } else if (!"SUPPRIMER".equals(confirmation == null ? "" : confirmation.strip())) {
            problems.put("current", "delete-confirmation");
        }
        if (!problems.isEmpty()) {
            throw AccountProblem.invalid(problems);
        }
        if (person.roles().contains(PlatformRole.ADMIN) && people.countWithRole(PlatformRole.ADMIN) <= 1) {
            throw AccountProblem.lastAdministrator();
        }
        people.delete(person.id());
        audit.record(AuditKind.ACCOUNT_DELETED, person.id(), null, null, null);
        afterCommit(() -> sessions.endAll(person.id(), null));
    }

    private StoredPerson current() {
        Viewer viewer = policy.currentViewer();
        if (viewer.personId() == null) {
            throw new AccessDenied(viewer);
        }
        return people.find(viewer.personId()).orElseThrow(() -> new AccessDenied(Viewer.ANONYMOUS));
    }

    private void checkCurrentPassword(StoredPerson person, @Nullable String password, Map<String, String> problems) {
        String hash = person.passwordHash();
        boolean ok = encoder.matches(password == null ? "" : password, hash == null ? dummy.hash() : hash);
        if (!ok || hash == null) {
            problems.put("current", "current-password-wrong");
        }
    }

    private EmailLink usableLink(@Nullable String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw AccountProblem.invalidLink();
        }
        return links.find(Secrets.sha256(token.strip())).filter(l -> l.purpose() == purpose)
                .filter(l -> l.usableAt(Timestamps.now())).orElseThrow(AccountProblem::invalidLink);
    }

    /** Stores a new link (replacing older ones of the purpose) and mails it after commit, within the mail limits. */
    private void sendLink(long personId, Purpose purpose, String address, String language, String name,
                          AccountMail kind, Duration lifetime, Instant now, String ip) {
        if (!throttles.mailAllowed(ip, address)) {
            return;
        }
        String secret = Secrets.random(32);
        links.replace(personId, purpose, Secrets.sha256(secret), address, now, now.plus(lifetime));
        String path = switch (purpose) {
            case VERIFY -> AccountPaths.VERIFY;
            case RESET -> AccountPaths.RESET;
            case CHANGE -> AccountPaths.CONFIRM_CHANGE;
        };
        String link = UriComponentsBuilder.fromUriString(publicUrl + path).queryParam(AccountPaths.TOKEN, secret)
                .build().toUriString();
        afterCommit(() -> mail.send(AccountMails.render(kind, language, address, name, link), kind.name()));
    }

    private void notify(StoredPerson person, AccountMail kind) {
        if (person.email() != null) {
            afterCommit(() -> mail.send(AccountMails.render(kind, person.language(), person.email(),
                    person.displayName(), null), kind.name()));
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    static String language(@Nullable String language) {
        return "en".equals(language) ? "en" : "fr";
    }

    private static String validName(@Nullable String displayName, Map<String, String> problems) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            problems.put("displayName", "name-required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.put("displayName", "name-too-long");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.put("displayName", "name-control");
        }
        return name;
    }

    private static String validEmail(@Nullable String email, String field, Map<String, String> problems) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty() || address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches()
                || address.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            problems.put(field, "email-invalid");
        }
        return address;
    }

    private void validNewPassword(@Nullable String password, @Nullable String confirmation, @Nullable String email,
                                  @Nullable String name, Map<String, String> problems) {
        if (password == null || password.isEmpty()) {
            problems.put("password", "password-too-short");
            return;
        }
        passwords.problem(password, email, name).ifPresent(code -> problems.put("password", code));
        if (!problems.containsKey("password") && !password.equals(confirmation)) {
            problems.put("confirmation", "password-mismatch");
        }
    }
}
