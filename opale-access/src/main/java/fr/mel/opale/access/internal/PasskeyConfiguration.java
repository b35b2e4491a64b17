package fr.mel.opale.access.internal;

import java.net.URI;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys (WebAuthn) as a way into local accounts: Spring Security's relying party (webauthn4j underneath) over
 * its JDBC repositories (migration {@code V2026_12_07_50__passkeys}). The relying party is the public address
 * ({@code opale.public-url}): its host is the rp id — a domain name, never an IP address, as browsers require — and
 * its origin the only one accepted in the signed client data, so a key made for Opale answers nowhere else.
 */
@Configuration
class PasskeyConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository users,
                                                Audit audit) {
        return new AuditedCredentials(new JdbcUserCredentialRepository(jdbc), users, audit);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
                                                      UserCredentialRepository credentials,
                                                      @Value("${opale.public-url:http://localhost:8080}") String publicUrl) {
        URI uri = URI.create(publicUrl.strip());
        PublicKeyCredentialRpEntity rp = PublicKeyCredentialRpEntity.builder().id(uri.getHost()).name("Opale").build();
        return new Webauthn4JRelyingPartyOperations(users, credentials, rp, Set.of(origin(uri)));
    }

    /** Picked up by Spring Security's WebAuthn configurer for registrations (see {@link PendingCeremonies}). */
    @Bean
    PublicKeyCredentialCreationOptionsRepository passkeyRegistrations() {
        return PendingCeremonies.registrations();
    }

    /** {@code scheme://host[:port]}, what the browser puts in the client data (no path, no default port). */
    static String origin(URI publicUrl) {
        return publicUrl.getScheme() + "://" + publicUrl.getHost()
                + (publicUrl.getPort() < 0 ? "" : ":" + publicUrl.getPort());
    }
}
