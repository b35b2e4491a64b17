package fr.mel.opale.access.internal;

import static fr.mel.opale.access.internal.Timestamps.column;
import static fr.mel.opale.access.internal.Timestamps.read;

import fr.mel.opale.access.PlatformRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code person} and {@code person_platform_role} tables, through {@link JdbcClient}. Emails are looked up by
 * their lower-case form ({@code email_key}), so « Anne@Exemple.fr » and « anne@exemple.fr » are one address.
 * No transaction of its own: callers open one where several writes go together.
 */
@Component
public class PersonStore {
    private static final String COLUMNS = "id, username, display_name, email, email_verified_at, language, status, "
            + "password_hash, password_changed_at, created_at, last_login_at";

    private final JdbcClient jdbc;

    PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The look-up form of an address: stripped, lower case. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<StoredPerson> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = ?").param(id).query(this::person).optional()
                .map(this::withRoles);
    }

    /** The person whose login name is {@code login}, else whose email is {@code login} (any case). */
    public Optional<StoredPerson> findByLogin(String login) {
        String stripped = login.strip();
        Optional<StoredPerson> byName = jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE username = ?")
                .param(stripped).query(this::person).optional();
        return byName.or(() -> findByEmail(stripped)).map(this::withRoles);
    }

    public Optional<StoredPerson> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE email_key = ?").param(emailKey(email))
                .query(this::person).optional().map(this::withRoles);
    }

    public Optional<StoredPerson> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE username = ?").param(username)
                .query(this::person).optional().map(this::withRoles);
    }

    /** Inserts a person; returns its id. */
    public long insert(@Nullable String username, String displayName, @Nullable String email, PersonStatus status,
                       @Nullable String passwordHash, String language, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO person (username, display_name, email, email_key, language, status, password_hash, "
                        + "password_changed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(username, displayName, email, email == null ? null : emailKey(email), language, status.name(),
                        passwordHash, passwordHash == null ? null : column(now), column(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void updateSignUp(long id, String displayName, String passwordHash, String language, Instant now) {
        jdbc.sql("UPDATE person SET display_name = ?, password_hash = ?, password_changed_at = ?, language = ? "
                        + "WHERE id = ?")
                .params(displayName, passwordHash, column(now), language, id).update();
    }

    public void setPassword(long id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE person SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, column(now), id).update();
    }

    /** Replaces the hash without counting it as a change of password (a re-hash with the current algorithm). */
    public void rehash(long id, String passwordHash) {
        jdbc.sql("UPDATE person SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
    }

    public void setProfile(long id, String displayName, String language) {
        jdbc.sql("UPDATE person SET display_name = ?, language = ? WHERE id = ?").params(displayName, language, id)
                .update();
    }

    /** Sets a verified address (sign-up verification, confirmed change); false when another person holds it. */
    public boolean setVerifiedEmail(long id, String email, Instant now) {
        Optional<StoredPerson> holder = findByEmail(email);
        if (holder.isPresent() && holder.get().id() != id) {
            return false;
        }
        jdbc.sql("UPDATE person SET email = ?, email_key = ?, email_verified_at = ? WHERE id = ?")
                .params(email.strip(), emailKey(email), column(now), id).update();
        return true;
    }

    public void setStatus(long id, PersonStatus status) {
        jdbc.sql("UPDATE person SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    public void loggedIn(long id, Instant now) {
        jdbc.sql("UPDATE person SET last_login_at = ? WHERE id = ?").params(column(now), id).update();
    }

    public void grant(long id, PlatformRole role, Instant now) {
        if (!find(id).map(p -> p.roles().contains(role)).orElse(true)) {
            jdbc.sql("INSERT INTO person_platform_role (person_id, role, granted_at) VALUES (?, ?, ?)")
                    .params(id, role.slug(), column(now)).update();
        }
    }

    public void revoke(long id, PlatformRole role) {
        jdbc.sql("DELETE FROM person_platform_role WHERE person_id = ? AND role = ?").params(id, role.slug()).update();
    }

    public long countWithRole(PlatformRole role) {
        return jdbc.sql("SELECT COUNT(*) FROM person_platform_role r JOIN person p ON p.id = r.person_id "
                        + "WHERE r.role = ? AND p.status = ?")
                .params(role.slug(), PersonStatus.ACTIVE.name()).query(Long.class).single();
    }

    public void delete(long id) {
        // passkeys hang on the person through user_entities.name (Spring Security's schema, no foreign key to
        // person): their credentials follow by cascade
        jdbc.sql("DELETE FROM user_entities WHERE name = ?").param(PersonPrincipal.nameOf(id)).update();
        jdbc.sql("DELETE FROM person WHERE id = ?").param(id).update();
    }

    /** People never verified since {@code before}: sign-ups abandoned or made with someone else's address. */
    public int deletePendingBefore(Instant before) {
        return jdbc.sql("DELETE FROM person WHERE status = ? AND created_at < ?")
                .params(PersonStatus.PENDING.name(), column(before)).update();
    }

    /**
     * People whose name, login or email contains {@code text} (any case), by display name; {@code limit} at most
     * from {@code offset}.
     */
    public List<StoredPerson> search(@Nullable String text, int offset, int limit) {
        String like = like(text);
        List<StoredPerson> found = jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE LOWER(display_name) LIKE :t "
                        + "ESCAPE '\\' OR LOWER(COALESCE(username, '')) LIKE :t ESCAPE '\\' "
                        + "OR COALESCE(email_key, '') LIKE :t ESCAPE '\\' ORDER BY LOWER(display_name), id "
                        + "OFFSET :o ROWS FETCH NEXT :l ROWS ONLY")
                .param("t", like).param("o", offset).param("l", limit).query(this::person).list();
        Map<Long, Set<PlatformRole>> roles = rolesOf(found.stream().map(StoredPerson::id).toList());
        return found.stream().map(p -> copyWithRoles(p, roles.getOrDefault(p.id(), Set.of()))).toList();
    }

    public long count(@Nullable String text) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE LOWER(display_name) LIKE :t ESCAPE '\\' "
                        + "OR LOWER(COALESCE(username, '')) LIKE :t ESCAPE '\\' OR COALESCE(email_key, '') LIKE :t "
                        + "ESCAPE '\\'")
                .param("t", like(text)).query(Long.class).single();
    }

    private static String like(@Nullable String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private StoredPerson withRoles(StoredPerson person) {
        return copyWithRoles(person, rolesOf(List.of(person.id())).getOrDefault(person.id(), Set.of()));
    }

    private Map<Long, Set<PlatformRole>> rolesOf(List<Long> ids) {
        Map<Long, Set<PlatformRole>> roles = new HashMap<>();
        if (ids.isEmpty()) {
            return roles;
        }
        jdbc.sql("SELECT person_id, role FROM person_platform_role WHERE person_id IN (:ids)").param("ids", ids)
                .query(row -> {
                    long person = row.getLong("person_id");
                    PlatformRole.of(row.getString("role")).ifPresent(role -> roles
                            .computeIfAbsent(person, k -> EnumSet.noneOf(PlatformRole.class)).add(role));
                });
        return roles;
    }

    private static StoredPerson copyWithRoles(StoredPerson p, Set<PlatformRole> roles) {
        return new StoredPerson(p.id(), p.username(), p.displayName(), p.email(), p.emailVerifiedAt(), p.language(),
                p.status(), p.passwordHash(), p.passwordChangedAt(), p.createdAt(), p.lastLoginAt(), roles);
    }

    private StoredPerson person(ResultSet row, int index) throws SQLException {
        return new StoredPerson(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                row.getString("email"), read(row, "email_verified_at"), row.getString("language"),
                PersonStatus.valueOf(row.getString("status")), row.getString("password_hash"),
                read(row, "password_changed_at"), read(row, "created_at"), read(row, "last_login_at"), Set.of());
    }
}
