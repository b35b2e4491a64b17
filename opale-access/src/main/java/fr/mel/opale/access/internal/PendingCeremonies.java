package fr.mel.opale.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The options (with their challenge) of a WebAuthn ceremony under way, between the request that asks for them and
 * the one that answers. Spring Security keeps them in the session, but its option classes are not
 * {@code Serializable} in this version and our sessions are stored in the database (Spring Session JDBC), which
 * serialises every attribute; so the session holds only a random handle (a string) and the options stay here, in
 * memory, 5 minutes at most (the ceremony's timeout), 10 000 at most. A ceremony begun on one server must therefore
 * end on the same one (sticky sessions behind a load balancer), and a restart in between makes the person try again.
 */
final class PendingCeremonies<T> {
    private final String attribute;
    private final Cache<String, T> pending = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    private PendingCeremonies(String attribute) {
        this.attribute = attribute;
    }

    static PublicKeyCredentialCreationOptionsRepository registrations() {
        PendingCeremonies<PublicKeyCredentialCreationOptions> store = new PendingCeremonies<>("opale.passkey.registration");
        return new PublicKeyCredentialCreationOptionsRepository() {
            @Override
            public void save(HttpServletRequest request, HttpServletResponse response,
                             @Nullable PublicKeyCredentialCreationOptions options) {
                store.save(request, options);
            }

            @Override
            public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
                return store.load(request);
            }
        };
    }

    static PublicKeyCredentialRequestOptionsRepository logins() {
        PendingCeremonies<PublicKeyCredentialRequestOptions> store = new PendingCeremonies<>("opale.passkey.login");
        return new PublicKeyCredentialRequestOptionsRepository() {
            @Override
            public void save(HttpServletRequest request, HttpServletResponse response,
                             @Nullable PublicKeyCredentialRequestOptions options) {
                store.save(request, options);
            }

            @Override
            public @Nullable PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
                return store.load(request);
            }
        };
    }

    private void save(HttpServletRequest request, @Nullable T options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(attribute) instanceof String handle) {
                pending.invalidate(handle);
                session.removeAttribute(attribute);
            }
            return;
        }
        String handle = Secrets.random(24);
        pending.put(handle, options);
        request.getSession().setAttribute(attribute, handle);
    }

    private @Nullable T load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(attribute) instanceof String handle)) {
            return null;
        }
        return pending.getIfPresent(handle);
    }
}
