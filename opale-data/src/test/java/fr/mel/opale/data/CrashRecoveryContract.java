package fr.mel.opale.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.internal.StartupCleanup;
import fr.mel.opale.data.internal.TableStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kills a real server process in the middle of a load ({@code kill -9}: no shutdown hook, no rollback from our code)
 * and restarts on the same database: the start-up cleanup must leave the previous version served and complete, the
 * interrupted one FAILED, and no version table without an owner.
 *
 * <p>The server is {@link CrashingLoad}, started with this JVM's classpath; it reports its progress on stdout and is
 * killed once the second version is LOADING with at least {@link #KILL_AFTER_ROWS} rows sent to the database.
 */
abstract class CrashRecoveryContract {
    static final long KILL_AFTER_ROWS = 50_000;

    /** Spring properties (name → value) pointing both processes at the same, persistent database. */
    abstract Map<String, String> database();

    @Test
    void aServerKilledMidLoadRestartsServingThePreviousVersion() throws Exception {
        Map<String, String> database = database();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CrashingLoad.class.getName()));
        database.forEach((name, value) -> command.add("--" + name + "=" + value));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        String datasetId = null;
        long rows = 0;
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith(CrashingLoad.PREFIX + "READY ")) {
                    datasetId = line.substring((CrashingLoad.PREFIX + "READY ").length()).strip();
                } else if (line.startsWith(CrashingLoad.PREFIX + "ROWS ")) {
                    rows = Long.parseLong(line.substring((CrashingLoad.PREFIX + "ROWS ").length()).strip());
                    if (rows >= KILL_AFTER_ROWS) {
                        server.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            server.destroyForcibly();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(datasetId).as("server output:\n%s", String.join("\n", output)).isNotNull();
        assertThat(rows).as("server output:\n%s", String.join("\n", output)).isGreaterThanOrEqualTo(KILL_AFTER_ROWS);

        // The restart: a new server on the same database; its start-up runs the cleanup.
        SpringApplicationBuilder restart = new SpringApplicationBuilder(DataStoreContract.DataTestApplication.class)
                .properties("server.port=0");
        String[] args = database.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = restart.run(args)) {
            String id = datasetId;
            AccessPolicy policy = context.getBean(AccessPolicy.class);
            Datasets datasets = context.getBean(Datasets.class);
            Features features = context.getBean(Features.class);
            policy.asPlatform(() -> {
                Dataset dataset = datasets.find(id).orElseThrow();
                assertThat(dataset.currentVersion()).isEqualTo(1);
                List<DatasetVersion> versions = datasets.versions(id);
                assertThat(versions).extracting(DatasetVersion::number).containsExactly(2, 1);
                assertThat(versions.get(0).status()).isEqualTo(VersionStatus.FAILED);
                assertThat(versions.get(0).message()).isEqualTo(StartupCleanup.INTERRUPTED);
                assertThat(versions.get(1).status()).isEqualTo(VersionStatus.READY);

                assertThat(features.count(id, FeatureQuery.all())).isEqualTo(CrashingLoad.FIRST_VERSION_ROWS);
                List<Feature> all = new ArrayList<>();
                features.read(id, FeatureQuery.all(), all::add);
                assertThat(all).hasSize((int) CrashingLoad.FIRST_VERSION_ROWS);
                for (Feature feature : all) {
                    Row expected = TestRows.row("v1", feature.fid());
                    assertThat(feature.properties().get("libelle")).isEqualTo(expected.values()[5]);
                    assertThat(feature.properties().get("n")).isEqualTo(feature.fid());
                    assertThat(feature.geometry().equalsExact(expected.geometry())).isTrue();
                }
                return null;
            });
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(context.getBean(TableStore.class).versionTables(connection))
                        .containsExactly("ds_" + id + "_v1");
            }
            // The dataset keeps working: the next load gets a fresh number and is served.
            LoadResult next = policy.asPlatform(() -> datasets.load(id, TestRows.SCHEMA,
                    TestRows.generated("v3", 10), LoadOptions.defaults()));
            assertThat(next.succeeded()).isTrue();
            assertThat(next.version().number()).isEqualTo(3);
        }
    }
}
