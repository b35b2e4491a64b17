package fr.mel.opale.data.testing;

import fr.mel.opale.testing.PostgisTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The database a crash test's killed server ({@link ChildJvm}) and its restart share, hence one that outlives a
 * process: an H2 file, as {@code java -jar opale.jar} runs by default, or a schema of its own on the PostGIS test
 * database ({@code OPALE_TEST_PG_URL}), dropped on {@link #close()}. The Spring test contexts get theirs from the
 * initializers of {@code fr.mel.opale.testing}; a child process needs it as command-line arguments.
 */
public final class CrashTestDatabase implements AutoCloseable {
    private final Map<String, String> properties;
    /** The PostGIS database and the schema to drop in it; null for H2, whose file is in the test's directory. */
    private final @Nullable String baseUrl;
    private final @Nullable String schema;

    private CrashTestDatabase(Map<String, String> properties, @Nullable String baseUrl, @Nullable String schema) {
        this.properties = properties;
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    /** An H2 database in files under {@code directory} (which the test owns and deletes). */
    public static CrashTestDatabase h2File(Path directory) {
        return new CrashTestDatabase(Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + directory.resolve("opale") + ";DB_CLOSE_ON_EXIT=FALSE",
                "spring.datasource.username", "sa", "spring.datasource.password", ""), null, null);
    }

    /**
     * A fresh schema named {@code prefix} + 12 random hexadecimal digits on the database of {@code OPALE_TEST_PG_URL}
     * (to be set: the PostGIS test classes are enabled by it), searched before {@code public}, where PostGIS lives.
     */
    public static CrashTestDatabase postgisSchema(String prefix) {
        String base = System.getenv(PostgisTestDatabase.ENV);
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new CrashTestDatabase(Map.of(
                "spring.datasource.url", base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public",
                "spring.datasource.username", "", "spring.datasource.password", "",
                "spring.flyway.schemas", schema, "spring.flyway.default-schema", schema), base, schema);
    }

    /** The Spring properties pointing a server at this database, as command-line arguments ({@code --name=value}). */
    public List<String> springArguments() {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** Drops the PostGIS schema and all the servers left in it; nothing for H2. */
    @Override
    public void close() throws SQLException {
        if (baseUrl == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(baseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
