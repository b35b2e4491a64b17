package fr.mel.opale.access.internal;

import fr.mel.opale.access.admin.AuditKind;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a login and password (the {@code /connexion} form and HTTP Basic) against the local accounts.
 *
 * <ul>
 *   <li>Throttled per account and per IP ({@link Throttles}): a locked login is refused before any look-up.</li>
 *   <li>No account enumeration: an unknown login is checked against {@link DummyHash} so that it costs the same
 *       hashing time, and answered with the same {@link BadCredentialsException} as a wrong password. Only someone
 *       who gives the right password learns that the account is not verified yet or disabled.</li>
 *   <li>A hash of an older algorithm is replaced by an Argon2id hash of the password just checked.</li>
 *   <li>Every outcome goes to the audit log (never the login typed: people type passwords there by mistake).</li>
 * </ul>
 * The authentication it returns carries a {@link PersonPrincipal} and the person's platform roles.
 */
@Component
public class LocalAuthentication implements AuthenticationProvider {
    /** Message key of {@link LockedException}s thrown for throttling, with the minutes left after a colon. */
    public static final String THROTTLED = "throttled";
    public static final String PENDING = "pending";
    public static final String DISABLED = "disabled";

    private final PersonStore people;
    private final PasswordEncoder encoder;
    private final DummyHash dummy;
    private final Throttles throttles;
    private final Audit audit;

    LocalAuthentication(PersonStore people, PasswordEncoder encoder, DummyHash dummy, Throttles throttles,
                        Audit audit) {
        this.people = people;
        this.encoder = encoder;
        this.dummy = dummy;
        this.throttles = throttles;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String login = request.getName() == null ? "" : request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String ip = ipOf(request);
        Optional<Duration> locked = throttles.loginLockout(login, ip);
        if (locked.isPresent()) {
            encoder.matches(password, dummy.hash());
            audit.record(AuditKind.LOGIN_LOCKED, null, null, ip, null);
            throw new LockedException(THROTTLED + ":" + Math.max(1, locked.get().toMinutes() + 1));
        }
        Optional<StoredPerson> found = login.isBlank() ? Optional.empty() : people.findByLogin(login);
        String hash = found.map(StoredPerson::passwordHash).orElse(null);
        boolean matches = encoder.matches(password, hash == null ? dummy.hash() : hash) && hash != null;
        if (!matches) {
            throttles.loginFailed(login, ip);
            audit.record(AuditKind.LOGIN_FAILED, found.map(StoredPerson::id).orElse(null), null, ip, null);
            throw new BadCredentialsException("bad-credentials");
        }
        StoredPerson person = found.get();
        if (!person.active()) {
            audit.record(AuditKind.LOGIN_REFUSED, person.id(), null, ip, person.status().name());
            throw new DisabledException(person.status() == PersonStatus.PENDING ? PENDING : DISABLED);
        }
        throttles.loginSucceeded(login);
        if (encoder.upgradeEncoding(hash)) {
            people.rehash(person.id(), encoder.encode(password));
        }
        people.loggedIn(person.id(), Timestamps.now());
        audit.record(AuditKind.LOGIN_SUCCEEDED, person.id(), null, ip, "mot de passe");
        UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(
                person.principal(), null, Authorities.of(person.roles()));
        authenticated.setDetails(request.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String ipOf(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "inconnue";
    }
}
