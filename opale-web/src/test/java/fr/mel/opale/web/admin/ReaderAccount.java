package fr.mel.opale.web.admin;

import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.testing.TestAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An account that can log in but is no platform administrator: the visitor the administration pages must answer
 * with their 403 page. The database outlives a test (one per application context), so the account is created only
 * where it does not exist yet.
 */
final class ReaderAccount {
    private static final String PASSWORD = "lecteur-secret";

    private ReaderAccount() {
    }

    /** Creates the account {@code username} unless it exists; returns its {@code Authorization} header value. */
    static String basic(String username, PersonStore people, PasswordEncoder encoder) {
        return TestAccounts.reader(people, encoder, username, PASSWORD);
    }
}
