package fr.mel.opale.access.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: Argon2id (Spring Security's {@link Argon2PasswordEncoder}, by default with its current
 * defaults: 16 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte hash) written {@code {argon2}...}; hashes of before ({@code {bcrypt}...}) still match, and
 * {@link PasswordEncoder#upgradeEncoding} tells the login to re-hash them with Argon2id once the password is known.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {
    private static final String CURRENT = "argon2";

    /**
     * @param memoryKib  Argon2 memory in KiB ({@code opale.passwords.argon2-memory-kib}, 16384 = Spring Security's
     *                   default); a hash made with less is re-hashed at the next login
     * @param iterations Argon2 passes ({@code opale.passwords.argon2-iterations}, 2)
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${opale.passwords.argon2-memory-kib:16384}") int memoryKib,
                                    @Value("${opale.passwords.argon2-iterations:2}") int iterations) {
        return new DelegatingPasswordEncoder(CURRENT, Map.of(
                CURRENT, new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * A hash of a random password nobody knows, checked against when the login names nobody: an unknown account
     * then costs the same hashing time as a known one, so timings do not tell which accounts exist.
     */
    @Bean
    DummyHash dummyHash(PasswordEncoder passwordEncoder) {
        return new DummyHash(() -> {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            return passwordEncoder.encode(Base64.getEncoder().encodeToString(random));
        });
    }

    /**
     * Makes the dummy hash on a thread of its own once the application is ready (health {@code UP} does not wait for
     * it); this also warms the hashing code, so the first logins are not the slow ones.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> dummyHashWarmUp(DummyHash dummyHash) {
        return ready -> {
            Thread thread = new Thread(dummyHash::hash, "opale-dummy-hash");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
