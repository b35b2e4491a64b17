package fr.mel.opale.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the context at the PostgreSQL database named by {@code OPALE_TEST_PG_URL} (a JDBC URL that may carry
 * {@code user}/{@code password} parameters), in a fresh schema dropped when the context closes. The search path
 * keeps {@code public} second, where PostGIS lives. The search index gets a fresh directory too.
 */
public class PostgisTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String ENV = "OPALE_TEST_PG_URL";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String base = System.getenv(ENV);
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("opale-test-postgis", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "",
                "spring.datasource.password", "",
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema,
                "opale.search.index-dir", TestDirectories.freshIndexDirectory())));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                drop(base, schema);
            }
        });
    }

    private static void drop(String url, String schema) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Schéma de test " + schema + " non supprimé : " + e.getMessage());
        }
    }
}
