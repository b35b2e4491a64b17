package fr.mel.opale.access.internal;

import fr.mel.opale.access.admin.AuditKind;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Login with a passkey ({@code POST /login/webauthn}). Spring Security's relying party checks the signed assertion
 * (challenge from this session, origin, rp id, signature, counter); this then turns the key's owner into the same
 * authentication a password login gives — a {@link PersonPrincipal} with the person's roles — so that
 * {@link CurrentPerson}, the session list and the audit log treat both alike. Only an active person gets in: a
 * disabled account (or one not verified yet) is refused even with a valid key.
 */
final class PasskeyLogin implements AuthenticationProvider {
    private final WebAuthnRelyingPartyOperations relyingParty;
    private final PersonStore people;
    private final Audit audit;

    PasskeyLogin(WebAuthnRelyingPartyOperations relyingParty, PersonStore people, Audit audit) {
        this.relyingParty = relyingParty;
        this.people = people;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
        String ip = ip();
        PublicKeyCredentialUserEntity owner;
        try {
            owner = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException e) {
            // an unknown key, a bad signature, a replayed challenge: never the details (they name the credential)
            audit.record(AuditKind.LOGIN_FAILED, null, null, ip, "clé d'accès");
            throw new BadCredentialsException("passkey-refused");
        }
        Optional<StoredPerson> found = personId(owner).flatMap(people::find);
        if (found.isEmpty()) {
            audit.record(AuditKind.LOGIN_FAILED, null, null, ip, "clé d'accès");
            throw new BadCredentialsException("passkey-refused");
        }
        StoredPerson person = found.get();
        if (!person.active()) {
            audit.record(AuditKind.LOGIN_REFUSED, person.id(), null, ip, person.status().name());
            throw new DisabledException(person.status() == PersonStatus.PENDING
                    ? LocalAuthentication.PENDING : LocalAuthentication.DISABLED);
        }
        people.loggedIn(person.id(), Timestamps.now());
        audit.record(AuditKind.LOGIN_SUCCEEDED, person.id(), null, ip, "clé d'accès");
        return UsernamePasswordAuthenticationToken.authenticated(person.principal(), null,
                Authorities.of(person.roles()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }

    private static Optional<Long> personId(PublicKeyCredentialUserEntity owner) {
        try {
            return Optional.of(Long.valueOf(owner.getName()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The TCP peer, as for password logins (Spring MVC's request context is set before the security chain). */
    private static String ip() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "inconnue";
    }
}
