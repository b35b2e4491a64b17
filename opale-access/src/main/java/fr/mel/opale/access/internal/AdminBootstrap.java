package fr.mel.opale.access.internal;

import fr.mel.opale.access.PlatformRole;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, or resets the password of, the platform administrator {@code admin} at start when
 * {@code OPALE_ADMIN_PASSWORD} ({@code opale.admin.password}) is set: a person with the login name {@code admin},
 * active, with the platform role {@code admin} (given back if it was taken away, and the account enabled again).
 * Without it no administrator is created, so a fresh platform has no default password anybody could guess. The
 * password is not held to the sign-up rules: it is the operator's choice, set outside the application.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {
    static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final PersonStore people;
    private final PasswordEncoder encoder;
    private final String password;

    AdminBootstrap(PersonStore people, PasswordEncoder encoder, @Value("${opale.admin.password:}") String password) {
        this.people = people;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (password.isBlank()) {
            return;
        }
        Instant now = Timestamps.now();
        Optional<StoredPerson> existing = people.findByUsername(ADMIN);
        long id;
        if (existing.isPresent()) {
            StoredPerson admin = existing.get();
            id = admin.id();
            if (admin.passwordHash() == null || !encoder.matches(password, admin.passwordHash())) {
                people.setPassword(id, encoder.encode(password), now);
                LOG.info("Mot de passe du compte administrateur « admin » mis à jour depuis OPALE_ADMIN_PASSWORD");
            }
            if (admin.status() != PersonStatus.ACTIVE) {
                people.setStatus(id, PersonStatus.ACTIVE);
            }
        } else {
            id = people.insert(ADMIN, "Administrateur", null, PersonStatus.ACTIVE, encoder.encode(password), "fr",
                    now);
            LOG.info("Compte administrateur « admin » créé depuis OPALE_ADMIN_PASSWORD");
        }
        people.grant(id, PlatformRole.ADMIN, now);
    }
}
