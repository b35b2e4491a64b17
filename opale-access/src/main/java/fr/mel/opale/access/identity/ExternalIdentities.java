package fr.mel.opale.access.identity;

import static fr.mel.opale.access.internal.Timestamps.column;
import static fr.mel.opale.access.internal.Timestamps.read;

import fr.mel.opale.access.internal.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code external_identity} table: (provider, subject) → person, with the provider's email and the claims of the
 * last login. The OpenID Connect sign-in finds and attaches identities here and records each login's claims; "Mon
 * compte" lists a person's identities. No policy check here: callers are the sign-in (acting for the person logging
 * in) and the account pages (for the current viewer's own person).
 */
@Service
public class ExternalIdentities {
    private static final String COLUMNS = "id, person_id, provider, subject, email, email_verified, last_claims, "
            + "created_at, last_login_at";
    private static final TypeReference<LinkedHashMap<String, Object>> CLAIMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ExternalIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ExternalIdentity> find(String provider, String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM external_identity WHERE provider = ? AND subject = ?")
                .params(provider, subject).query(this::identity).optional();
    }

    /** The person's identities, oldest first. */
    public List<ExternalIdentity> of(long personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM external_identity WHERE person_id = ? ORDER BY created_at, id")
                .param(personId).query(this::identity).list();
    }

    /**
     * Attaches a new identity to a person, as at its first login.
     *
     * @throws org.springframework.dao.DuplicateKeyException when (provider, subject) already names someone
     */
    @Transactional
    public ExternalIdentity attach(long personId, String provider, String subject, @Nullable String email,
                                   boolean emailVerified, Map<String, Object> claims) {
        Instant now = Timestamps.now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO external_identity (person_id, provider, subject, email, email_verified, last_claims, "
                        + "created_at, last_login_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(personId, provider, subject, email, emailVerified, json.writeValueAsString(claims),
                        column(now), column(now))
                .update(key, "id");
        return new ExternalIdentity(key.getKeyAs(Number.class).longValue(), personId, provider, subject, email,
                emailVerified, claims, now, now);
    }

    /** Records a login through identity {@code id}: its email and claims as the provider gave them this time. */
    public void recordLogin(long id, @Nullable String email, boolean emailVerified, Map<String, Object> claims) {
        jdbc.sql("UPDATE external_identity SET email = ?, email_verified = ?, last_claims = ?, last_login_at = ? "
                        + "WHERE id = ?")
                .params(email, emailVerified, json.writeValueAsString(claims), column(Timestamps.now()), id).update();
    }

    /** Removes one of the person's identities; false when the person has none with that id. */
    public boolean detach(long personId, long id) {
        return jdbc.sql("DELETE FROM external_identity WHERE id = ? AND person_id = ?").params(id, personId)
                .update() == 1;
    }

    private ExternalIdentity identity(ResultSet row, int index) throws SQLException {
        String claims = row.getString("last_claims");
        return new ExternalIdentity(row.getLong("id"), row.getLong("person_id"), row.getString("provider"),
                row.getString("subject"), row.getString("email"), row.getBoolean("email_verified"),
                claims == null ? Map.of() : json.readValue(claims, CLAIMS), read(row, "created_at"),
                read(row, "last_login_at"));
    }
}
