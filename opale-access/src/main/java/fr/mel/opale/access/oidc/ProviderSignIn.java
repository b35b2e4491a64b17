package fr.mel.opale.access.oidc;

import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.identity.ExternalIdentity;
import fr.mel.opale.access.identity.ExternalLoginListener;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import fr.mel.opale.access.internal.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a verified provider login is, in Opale:
 * <ol>
 *   <li>a known identity (provider, subject) → its person (refused if disabled); the claims are recorded;</li>
 *   <li>otherwise the provider must give an address it says is verified ({@link ProviderKind#vouchesForEmails});
 *       none, or an unverified one → refused, nothing created;</li>
 *   <li>an active person already holding that address → <em>offered</em> to link ({@link PendingLink}): the
 *       person must prove that account first, never merged silently; a disabled one → refused;</li>
 *   <li>else a new person (active, the address verified, no password) and the identity.</li>
 * </ol>
 * A person still pending (signed up, address never verified) and holding the address is removed first: the
 * provider has just proved whose address it is, which that sign-up never did.
 */
final class ProviderSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderSignIn.class);
    /** Protocol claims, not facts about the person: not recorded. */
    private static final Set<String> TECHNICAL = Set.of("nonce", "at_hash", "c_hash", "s_hash", "sid", "jti",
            "session_state", "auth_time", "iat", "exp", "nbf", "azp", "typ", "aud", "iss");

    sealed interface Outcome {
    }

    record SignedIn(StoredPerson person) implements Outcome {
    }

    record LinkOffered(PendingLink link) implements Outcome {
    }

    /** @param reason the code shown on {@code /connexion?fournisseur=}: {@code email-absent}... */
    record Refused(String reason) implements Outcome {
    }

    private final ProviderRegistrations registrations;
    private final PersonStore people;
    private final ExternalIdentities identities;
    private final Audit audit;
    private final TransactionTemplate transactions;
    private final List<ExternalLoginListener> listeners;

    ProviderSignIn(ProviderRegistrations registrations, PersonStore people, ExternalIdentities identities, Audit audit,
                   TransactionTemplate transactions, List<ExternalLoginListener> listeners) {
        this.registrations = registrations;
        this.people = people;
        this.identities = identities;
        this.audit = audit;
        this.transactions = transactions;
        this.listeners = List.copyOf(listeners);
    }

    Outcome resolve(String provider, OidcUser user, String ip) {
        ProviderSettings settings = registrations.settings(provider).orElseThrow();
        String subject = user.getSubject();
        Map<String, Object> claims = recorded(settings, user.getClaims());
        String email = blankToNull(user.getEmail());
        boolean verified = email != null && verified(settings.kind(), user.getClaims().get("email_verified"));
        Outcome outcome = transactions.execute(status -> decide(settings, subject, email, verified, claims, user, ip));
        if (outcome instanceof SignedIn signedIn) {
            notifyListeners(signedIn.person().id(), provider, claims);
        }
        return outcome;
    }

    private Outcome decide(ProviderSettings settings, String subject, @Nullable String email, boolean verified,
                           Map<String, Object> claims, OidcUser user, String ip) {
        String provider = settings.id();
        Optional<ExternalIdentity> known = identities.find(provider, subject);
        if (known.isPresent()) {
            StoredPerson person = people.find(known.get().personId()).orElseThrow();
            if (!person.active()) {
                audit.record(AuditKind.LOGIN_REFUSED, person.id(), null, ip, provider + " : " + person.status().name());
                return new Refused("desactive");
            }
            identities.recordLogin(known.get().id(), email, verified, claims);
            return signedIn(person, provider, ip);
        }
        if (email == null) {
            audit.record(AuditKind.LOGIN_REFUSED, null, null, ip, provider + " : pas d’adresse");
            return new Refused("email-absent");
        }
        if (!verified) {
            audit.record(AuditKind.LOGIN_REFUSED, null, null, ip, provider + " : adresse non vérifiée");
            return new Refused("email-non-verifie");
        }
        Optional<StoredPerson> holder = people.findByEmail(email);
        if (holder.isPresent() && holder.get().status() == PersonStatus.PENDING) {
            people.delete(holder.get().id());
            holder = Optional.empty();
        }
        if (holder.isPresent()) {
            if (!holder.get().active()) {
                audit.record(AuditKind.LOGIN_REFUSED, holder.get().id(), null, ip, provider + " : compte désactivé");
                return new Refused("desactive");
            }
            return new LinkOffered(PendingLink.of(holder.get().id(), settings, subject, email,
                    displayName(settings.kind(), user.getClaims(), email), claims, user.getIdToken().getTokenValue(),
                    Timestamps.now()));
        }
        Instant now = Timestamps.now();
        long id = people.insert(null, displayName(settings.kind(), user.getClaims(), email), email,
                PersonStatus.ACTIVE, null, "fr", now);
        people.setVerifiedEmail(id, email, now);
        identities.attach(id, provider, subject, email, true, claims);
        audit.record(AuditKind.SIGNED_UP, id, null, ip, provider);
        return signedIn(people.find(id).orElseThrow(), provider, ip);
    }

    private SignedIn signedIn(StoredPerson person, String provider, String ip) {
        people.loggedIn(person.id(), Timestamps.now());
        audit.record(AuditKind.LOGIN_SUCCEEDED, person.id(), null, ip, provider);
        return new SignedIn(person);
    }

    void notifyListeners(long personId, String provider, Map<String, Object> claims) {
        for (ExternalLoginListener listener : listeners) {
            try {
                listener.loggedIn(personId, provider, claims);
            } catch (RuntimeException e) {
                LOG.error("Après la connexion de la personne {} par {} : {} a échoué", personId, provider,
                        listener.getClass().getName(), e);
            }
        }
    }

    /** The claims worth keeping: the person's, without protocol claims; the groups under {@code groups}. */
    static Map<String, Object> recorded(ProviderSettings settings, Map<String, Object> claims) {
        Map<String, Object> kept = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (!TECHNICAL.contains(name)) {
                kept.put(name, value instanceof Instant instant ? instant.toString() : value);
            }
        });
        if (settings.groupsClaim() != null && !"groups".equals(settings.groupsClaim())) {
            Object groups = read(claims, settings.groupsClaim());
            if (groups != null) {
                kept.put("groups", groups);
            }
        }
        return kept;
    }

    private static @Nullable Object read(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static boolean verified(ProviderKind kind, @Nullable Object claim) {
        if (claim instanceof Boolean b) {
            return b;
        }
        if (claim instanceof String s) {
            return Boolean.parseBoolean(s);
        }
        return claim == null && kind.vouchesForEmails();
    }

    /** The name shown on screen: given name and family (or ProConnect's usual) name, else the name, else the address. */
    static String displayName(ProviderKind kind, Map<String, Object> claims, String email) {
        String given = text(claims.get("given_name"));
        String family = text(claims.get(kind == ProviderKind.PROCONNECT ? "usual_name" : "family_name"));
        if (family == null) {
            family = text(claims.get("family_name"));
        }
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        if (joined.isEmpty()) {
            joined = text(claims.get("name")) == null ? email : text(claims.get("name"));
        }
        joined = joined.replaceAll("\\p{Cntrl}", " ").strip();
        return joined.length() > 100 ? joined.substring(0, 100) : joined;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
