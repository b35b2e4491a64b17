package fr.mel.opale.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.internal.StartupCleanup;
import fr.mel.opale.data.internal.TableStore;
import fr.mel.opale.data.testing.ChildJvm;
import fr.mel.opale.data.testing.CrashTestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
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

    /** Where both processes run: a database that outlives the first; a fresh one each call. */
    abstract CrashTestDatabase database();

    @Test
    void aServerKilledMidLoadRestartsServingThePreviousVersion() throws Exception {
        try (CrashTestDatabase database = database()) {
            killedMidLoadThenRestarted(database.springArguments());
        }
    }

    private void killedMidLoadThenRestarted(List<String> springArgs) throws Exception {
        String datasetId = null;
        long rows = 0;
        String output;
        try (ChildJvm server = ChildJvm.start(CrashingLoad.class, CrashingLoad.PREFIX, springArgs)) {
            List<String> report;
            while ((report = server.nextReport()) != null) {
                if (report.get(0).equals("READY")) {
                    datasetId = report.get(1);
                } else if (report.get(0).equals("ROWS")) {
                    rows = Long.parseLong(report.get(1));
                    if (rows >= KILL_AFTER_ROWS) {
                        server.kill();
                        break;
                    }
                }
            }
            output = server.output();
        }
        assertThat(datasetId).as("server output:\n%s", output).isNotNull();
        assertThat(rows).as("server output:\n%s", output).isGreaterThanOrEqualTo(KILL_AFTER_ROWS);

        // The restart: a new server on the same database; its start-up runs the cleanup.
        SpringApplicationBuilder restart = new SpringApplicationBuilder(DataStoreContract.DataTestApplication.class)
                .properties("server.port=0");
        try (ConfigurableApplicationContext context = restart.run(springArgs.toArray(String[]::new))) {
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
