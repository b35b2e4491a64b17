package fr.mel.opale.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts of before become people: a database at the last migration before them, with an administrator, a
 * reader and their tokens, migrated to the latest version (H2 and PostgreSQL subclasses). Passwords keep working
 * ({@code {bcrypt}} hashes, re-hashed with Argon2id at the next login), administrators keep the platform role,
 * tokens follow their owner.
 */
abstract class PeopleMigrationContract {
    /** A connection to a fresh, empty database (or schema), and its Flyway location. */
    abstract Connection freshDatabase() throws SQLException;

    abstract String vendor();

    @Test
    void accountsTokensAndAdministratorsAreCarriedOver() throws Exception {
        try (Connection connection = freshDatabase()) {
            DataSource data = new SingleConnectionDataSource(connection, true);
            Flyway before = Flyway.configure().dataSource(data).locations("classpath:db/migration/" + vendor())
                    .target("2026.11.29.03").load();
            before.migrate();
            JdbcTemplate jdbc = new JdbcTemplate(data);
            String adminHash = "{bcrypt}" + new BCryptPasswordEncoder().encode("ancien-secret");
            jdbc.update("INSERT INTO account (username, password_hash, display_name, platform_admin, created_at) "
                    + "VALUES ('admin', ?, 'Administrateur', TRUE, CURRENT_TIMESTAMP)", adminHash);
            jdbc.update("INSERT INTO account (username, password_hash, display_name, platform_admin, created_at) "
                    + "VALUES ('lecteur', '{bcrypt}x', NULL, FALSE, CURRENT_TIMESTAMP)");
            jdbc.update("INSERT INTO api_token (account, name, token_hash, prefix, created_at) VALUES "
                    + "('admin', 'script', 'h1', 'opale_aaaaaa', CURRENT_TIMESTAMP), "
                    + "('lecteur', 'autre', 'h2', 'opale_bbbbbb', CURRENT_TIMESTAMP)");

            Flyway.configure().dataSource(data).locations("classpath:db/migration/" + vendor()).load().migrate();

            List<Map<String, Object>> people = jdbc.queryForList(
                    "SELECT id, username, display_name, status, password_hash, email FROM person ORDER BY username");
            assertThat(people).extracting(p -> p.get("username")).containsExactly("admin", "lecteur");
            assertThat(people.get(0).get("password_hash")).isEqualTo(adminHash);
            assertThat(people.get(1).get("display_name")).as("a missing name becomes the login").isEqualTo("lecteur");
            assertThat(people).allSatisfy(p -> assertThat(p.get("status")).isEqualTo("ACTIVE"));
            long admin = ((Number) people.get(0).get("id")).longValue();
            long reader = ((Number) people.get(1).get("id")).longValue();
            List<Map<String, Object>> roles = jdbc.queryForList("SELECT person_id, role FROM person_platform_role");
            assertThat(roles).hasSize(1);
            assertThat(((Number) roles.get(0).get("person_id")).longValue()).isEqualTo(admin);
            assertThat(roles.get(0).get("role")).isEqualTo("admin");
            assertThat(jdbc.queryForObject("SELECT person_id FROM api_token WHERE name = 'script'", Long.class))
                    .isEqualTo(admin);
            assertThat(jdbc.queryForObject("SELECT person_id FROM api_token WHERE name = 'autre'", Long.class))
                    .isEqualTo(reader);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) = 'account' AND table_schema = CURRENT_SCHEMA", Integer.class)).isZero();

            PasswordEncoder encoder = new PasswordHashing().passwordEncoder(16384, 2);
            assertThat(encoder.matches("ancien-secret", adminHash)).isTrue();
            assertThat(encoder.upgradeEncoding(adminHash)).as("re-hashed at the next login").isTrue();
            String argon = encoder.encode("ancien-secret");
            assertThat(argon).startsWith("{argon2}$argon2id$");
            assertThat(encoder.upgradeEncoding(argon)).isFalse();
            assertThat(new PasswordHashing().passwordEncoder(32768, 3).upgradeEncoding(argon))
                    .as("stronger settings re-hash older Argon2 hashes too").isTrue();
        }
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }
}
