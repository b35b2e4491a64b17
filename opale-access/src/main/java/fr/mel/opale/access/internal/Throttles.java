package fr.mel.opale.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The attempt limits of the account flows, one {@link AttemptLimiter} each:
 * <ul>
 *   <li>failed logins per account (the login as typed, lower case — known or not, so that a lockout tells nothing
 *       about which accounts exist): 5 in 15 minutes lock it for 15 minutes;</li>
 *   <li>failed logins per IP address: 30 in 15 minutes lock the address for 15 minutes;</li>
 *   <li>sign-ups per IP address: 5 an hour;</li>
 *   <li>reset and verification mails per IP address: 5 an hour, and per address asked for: 3 an hour (beyond, the
 *       answer is the same, but no mail leaves: nobody can flood an inbox through us).</li>
 * </ul>
 */
@Component
public class Throttles {
    private final AttemptLimiter loginsPerAccount;
    private final AttemptLimiter loginsPerAddress;
    private final AttemptLimiter signUpsPerAddress;
    private final AttemptLimiter mailsPerAddress;
    private final AttemptLimiter mailsPerRecipient;

    Throttles() {
        this(Clock.systemUTC());
    }

    Throttles(Clock clock) {
        Duration quarter = Duration.ofMinutes(15);
        Duration hour = Duration.ofHours(1);
        loginsPerAccount = new AttemptLimiter(5, quarter, quarter, clock);
        loginsPerAddress = new AttemptLimiter(30, quarter, quarter, clock);
        signUpsPerAddress = new AttemptLimiter(5, hour, hour, clock);
        mailsPerAddress = new AttemptLimiter(5, hour, hour, clock);
        mailsPerRecipient = new AttemptLimiter(3, hour, hour, clock);
    }

    private static String account(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    /** How long logins as {@code login} or from {@code ip} stay refused; empty when they are let through. */
    public Optional<Duration> loginLockout(String login, String ip) {
        Optional<Duration> account = loginsPerAccount.lockedFor(account(login));
        return account.isPresent() ? account : loginsPerAddress.lockedFor(ip);
    }

    public void loginFailed(String login, String ip) {
        loginsPerAccount.record(account(login));
        loginsPerAddress.record(ip);
    }

    public void loginSucceeded(String login) {
        loginsPerAccount.reset(account(login));
    }

    /** Counts a sign-up from {@code ip}; false when that address has had its share (the sign-up is refused). */
    public boolean signUpAllowed(String ip) {
        if (signUpsPerAddress.lockedFor(ip).isPresent()) {
            return false;
        }
        signUpsPerAddress.record(ip);
        return true;
    }

    /** Counts a mail asked from {@code ip} to {@code recipient}; false when it must not leave. */
    public boolean mailAllowed(String ip, String recipient) {
        if (mailsPerAddress.lockedFor(ip).isPresent() || mailsPerRecipient.lockedFor(account(recipient)).isPresent()) {
            return false;
        }
        mailsPerAddress.record(ip);
        mailsPerRecipient.record(account(recipient));
        return true;
    }
}
