package fr.mel.opale.access.testing;

import fr.mel.opale.access.PlatformRole;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import fr.mel.opale.access.internal.Timestamps;
import fr.mel.opale.testing.HttpTestClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Local accounts made directly in the database for tests of other modules: a person who can log in (form, HTTP
 * Basic) without going through sign-up and mail. In opale-access's own package tree (not {@code fr.mel.opale.testing})
 * because it reaches into the module's internals, which only the module itself may. The database outlives a test (one per application context), so an
 * account is created only where its login name is not taken yet.
 */
public final class TestAccounts {
    private TestAccounts() {
    }

    /**
     * An active person with login name {@code username} and {@code password}, a platform administrator when
     * {@code admin}; created unless the name exists. Returns the person's id.
     */
    public static long ensure(PersonStore people, PasswordEncoder encoder, String username, String password,
                              boolean admin) {
        long id = people.findByUsername(username).map(StoredPerson::id).orElseGet(() -> people.insert(username,
                "Compte " + username, null, PersonStatus.ACTIVE, encoder.encode(password), "fr", Timestamps.now()));
        if (admin) {
            people.grant(id, PlatformRole.ADMIN, Timestamps.now());
        }
        return id;
    }

    /** {@link #ensure} a non-administrator and returns the {@code Authorization} header value of its password. */
    public static String reader(PersonStore people, PasswordEncoder encoder, String username, String password) {
        ensure(people, encoder, username, password, false);
        return HttpTestClient.basic(username, password);
    }
}
