package fr.mel.opale.access.internal;

import fr.mel.opale.testing.PostgisTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = PostgisTestDatabase.ENV, matches = ".+")
class PeopleMigrationPostgisTest extends PeopleMigrationContract {
    private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    @Override
    Connection freshDatabase() throws SQLException {
        String base = System.getenv(PostgisTestDatabase.ENV);
        try (Connection admin = connect(base); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return connect(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public");
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @AfterEach
    void drop() throws SQLException {
        try (Connection admin = connect(System.getenv(PostgisTestDatabase.ENV));
             Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
