package fr.mel.opale.access.account;

import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.token.ApiTokens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Télécharger mes données" (GDPR art. 15 and 20): everything the platform holds about the current person, as one
 * JSON-ready map — profile, platform roles, linked identities with their last claims, API tokens (never their
 * secret nor hash), sessions, and the audit log entries about them. Organisation memberships join it when they
 * exist.
 */
@Service
public class PersonalData {
    private final Accounts accounts;
    private final AccountSessions sessions;
    private final ExternalIdentities identities;
    private final ApiTokens tokens;
    private final Audit audit;

    PersonalData(Accounts accounts, AccountSessions sessions, ExternalIdentities identities, ApiTokens tokens,
                 Audit audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.identities = identities;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** @throws fr.mel.opale.access.AccessDenied 401 when nobody is logged in */
    @Transactional(readOnly = true)
    public Map<String, Object> export(@Nullable String currentSessionId) {
        Profile me = accounts.me();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exporteLe", Instant.now().toString());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", me.id());
        profile.put("identifiant", me.username());
        profile.put("nom", me.displayName());
        profile.put("courriel", me.email());
        profile.put("courrielVerifie", me.emailVerified());
        profile.put("langue", me.language());
        profile.put("motDePasse", me.hasPassword() ? "oui (seule son empreinte Argon2id est conservée)" : "non");
        profile.put("creeLe", me.created().toString());
        profile.put("derniereConnexion", me.lastLogin() == null ? null : me.lastLogin().toString());
        profile.put("rolesPlateforme", me.platformRoles().stream().map(r -> r.slug()).sorted().toList());
        data.put("profil", profile);
        data.put("identitesLiees", identities.of(me.id()).stream().map(i -> {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("fournisseur", i.provider());
            identity.put("sujet", i.subject());
            identity.put("courriel", i.email());
            identity.put("courrielVerifie", i.emailVerified());
            identity.put("dernieresRevendications", i.lastClaims());
            identity.put("creeeLe", i.created().toString());
            identity.put("derniereConnexion", i.lastLogin() == null ? null : i.lastLogin().toString());
            return identity;
        }).toList());
        data.put("jetons", tokens.mine().stream().map(t -> {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("nom", t.name());
            token.put("prefixe", t.prefix());
            token.put("creeLe", t.created().toString());
            token.put("expireLe", t.expires() == null ? null : t.expires().toString());
            token.put("derniereUtilisation", t.lastUsed() == null ? null : t.lastUsed().toString());
            return token;
        }).toList());
        data.put("sessions", sessions.mine(currentSessionId).stream().map(s -> {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("ouverteLe", s.created().toString());
            session.put("derniereActivite", s.lastAccessed().toString());
            session.put("adresseIp", s.ip());
            session.put("navigateur", s.userAgent());
            return session;
        }).toList());
        List<Map<String, Object>> log = audit.of(me.id());
        data.put("journal", log);
        return data;
    }
}
