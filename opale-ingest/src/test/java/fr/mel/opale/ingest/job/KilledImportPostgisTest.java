package fr.mel.opale.ingest.job;

import fr.mel.opale.testing.PostgisTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The kill test on PostgreSQL + PostGIS, in a schema of its own, when {@code OPALE_TEST_PG_URL} is set. */
@EnabledIfEnvironmentVariable(named = PostgisTestDatabase.ENV, matches = ".+")
class KilledImportPostgisTest extends KilledImportContract {
    private final String base = System.getenv(PostgisTestDatabase.ENV);
    private final String schema = "t_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema
                        + ",public",
                "spring.datasource.username", "", "spring.datasource.password", "",
                "spring.flyway.schemas", schema, "spring.flyway.default-schema", schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(base);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
