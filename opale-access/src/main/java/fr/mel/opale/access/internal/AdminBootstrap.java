package fr.mel.opale.access.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, or resets the password of, the platform administrator {@code admin} at start when
 * {@code OPALE_ADMIN_PASSWORD} ({@code opale.admin.password}) is set. Without it no administrator is created, so a
 * fresh platform has no default password anybody could guess.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {
    static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final String password;

    AdminBootstrap(AccountRepository accounts, PasswordEncoder encoder,
                   @Value("${opale.admin.password:}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (password.isBlank()) {
            return;
        }
        accounts.findById(ADMIN).ifPresentOrElse(admin -> {
            if (!encoder.matches(password, admin.passwordHash())) {
                admin.changePassword(encoder.encode(password));
                LOG.info("Mot de passe du compte administrateur « admin » mis à jour depuis OPALE_ADMIN_PASSWORD");
            }
            admin.grantPlatformAdmin();
        }, () -> {
            accounts.save(new Account(ADMIN, encoder.encode(password), "Administrateur", true));
            LOG.info("Compte administrateur « admin » créé depuis OPALE_ADMIN_PASSWORD");
        });
    }
}
