package fr.mel.opale.ingest.job;

import static fr.mel.opale.ingest.job.IngestHttp.message;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.Feature;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.data.VersionStatus;
import fr.mel.opale.data.internal.StartupCleanup;
import fr.mel.opale.data.internal.TableStore;
import fr.mel.opale.data.testing.ChildJvm;
import fr.mel.opale.data.testing.CrashTestDatabase;
import fr.mel.opale.ingest.IngestTestApplication;
import fr.mel.opale.testing.HttpTestClient;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety of versions and jobs, for real: a server killed ({@code kill -9}: no shutdown hook, no {@code destroy()} of
 * {@link IngestJobs}, no rollback from our code) while an import job is writing a re-ingest restarts on the same
 * database with the job FAILED « Import interrompu par l'arrêt du serveur » (not a zombie {@code running}), version 1
 * still served and readable, no half-written table left, the catalog record untouched, and imports working again.
 *
 * <p>The server is {@link KilledImport}, started with this JVM's classpath; the restart is a second server in this
 * JVM, followed over HTTP. Both point at a database of the subclass that outlives the first process.
 */
abstract class KilledImportContract {
    static final int FIRST_ROWS = 900;
    /** Enough rows for the load to take seconds on a slow shared machine, so that the kill lands inside it. */
    static final int BIG_ROWS = 400_000;
    /**
     * The kill lands once version 2 is LOADING and the job's progress (rows of the loading pass, each handed to the
     * load once read) is in [this, {@code BIG_ROWS / 2}]: right after the analysis, before the loading pass reports,
     * the progress still shows the analysis' count, which must not count as rows written.
     */
    static final long KILL_AFTER_ROWS = 20_000;

    @TempDir
    Path directory;

    /** Where both servers run: a database that outlives the first; a fresh one each call. */
    abstract CrashTestDatabase database();

    @Test
    void aServerKilledDuringAReingestRestartsWithTheJobFailedAndVersionOneServed() throws Exception {
        try (CrashTestDatabase database = database()) {
            killedDuringAReingestThenRestarted(database.springArguments());
        }
    }

    private void killedDuringAReingestThenRestarted(List<String> databaseArgs) throws Exception {
        Path first = csv(directory.resolve("arceaux.csv"), "v1", FIRST_ROWS);
        Path big = csv(directory.resolve("arceaux-complet.csv"), "v2", BIG_ROWS);
        Path uploads = directory.resolve("uploads");
        List<String> springArgs = new ArrayList<>(databaseArgs);
        springArgs.add("--opale.ingest.upload-dir=" + uploads);

        List<String> childArgs = new ArrayList<>(List.of(first.toString(), big.toString()));
        childArgs.addAll(springArgs);
        String datasetId = null;
        String recordId = null;
        String jobId = null;
        long killedAt = -1;
        long reingestStart = 0;
        String log;
        try (ChildJvm server = ChildJvm.start(KilledImport.class, KilledImport.PREFIX, childArgs)) {
            List<String> words;
            while (killedAt < 0 && (words = server.nextReport()) != null) {
                switch (words.get(0)) {
                    case "PUBLISHED" -> {
                        datasetId = words.get(1);
                        recordId = words.get(2);
                    }
                    case "REINGEST" -> {
                        jobId = words.get(1);
                        reingestStart = System.nanoTime();
                    }
                    case "JOB" -> {
                        long progress = Long.parseLong(words.get(2));
                        if (words.get(1).equals("running") && words.get(3).equals("LOADING")
                                && progress >= KILL_AFTER_ROWS && progress <= BIG_ROWS / 2) {
                            server.kill();
                            killedAt = progress;
                        }
                    }
                    default -> {
                        // UNEXPECTED: the output says why
                    }
                }
            }
            log = server.output();
        }
        assertThat(killedAt).as("killed mid-load; server output:\n%s", log).isPositive();
        System.out.printf(Locale.ROOT, "%s: killed %d ms after the re-ingest was submitted, at %d rows%n",
                getClass().getSimpleName(), (System.nanoTime() - reingestStart) / 1_000_000, killedAt);
        Path jobFile = uploads.resolve("jobs").resolve(jobId + ".upload");
        assertThat(jobFile).as("the killed job's upload, left on disk").exists();

        // The restart: a new server on the same database; its start-up runs both recoveries.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestTestApplication.class)
                .properties("server.port=0").run(springArgs.toArray(String[]::new))) {
            IngestHttp ingest = new IngestHttp(Integer.parseInt(
                    context.getEnvironment().getRequiredProperty("local.server.port")));
            AccessPolicy policy = context.getBean(AccessPolicy.class);
            Datasets datasets = context.getBean(Datasets.class);
            Features features = context.getBean(Features.class);
            Catalog catalog = context.getBean(Catalog.class);
            String id = datasetId;

            JsonNode job = ingest.job(jobId);
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
            assertThat(message(job, "interrupted")).isEqualTo(JobsRecovery.INTERRUPTED);
            assertThat(job.get("finished").isNull()).isFalse();
            assertThat(job.get("datasetId").asString()).isEqualTo(id);
            assertThat(job.get("version").isNull()).isTrue();
            assertThat(jobFile).as("the interrupted job's file is deleted at restart").doesNotExist();

            DatasetVersion served = policy.asPlatform(() -> {
                Dataset dataset = datasets.find(id).orElseThrow();
                assertThat(dataset.currentVersion()).isEqualTo(1);
                List<DatasetVersion> versions = datasets.versions(id);
                assertThat(versions).extracting(DatasetVersion::number).containsExactly(2, 1);
                assertThat(versions.get(0).status()).isEqualTo(VersionStatus.FAILED);
                assertThat(versions.get(0).message()).isEqualTo(StartupCleanup.INTERRUPTED);
                assertThat(versions.get(1).status()).isEqualTo(VersionStatus.READY);
                assertThat(versions.get(1).rowCount()).isEqualTo(FIRST_ROWS);

                assertThat(features.count(id, FeatureQuery.all())).isEqualTo(FIRST_ROWS);
                List<Feature> all = new ArrayList<>();
                features.read(id, FeatureQuery.all(), all::add);
                assertThat(all).hasSize(FIRST_ROWS);
                for (Feature feature : all) {
                    assertThat(feature.properties().get("libelle")).isEqualTo(label("v1", feature.fid()));
                    assertThat(feature.geometry()).isNotNull();
                    assertThat(feature.geometry().getCoordinate().x).isEqualTo(longitude(feature.fid()));
                }
                return versions.get(1);
            });
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(context.getBean(TableStore.class).versionTables(connection))
                        .as("only the served version's table").containsExactly(served.tableName());
            }

            // The record still describes version 1 and leads to the dataset's collection.
            assertThat(datasets.find(id).orElseThrow().recordId()).isEqualTo(recordId);
            CatalogRecord record = catalog.find(recordId).orElseThrow().record();
            assertThat(record.description().text()).endsWith(RecordPublisher.structure(served, fr.mel.opale.data.DatasetRule.NONE));
            String slug = datasets.find(id).orElseThrow().slug();
            assertThat(record.onlineResources()).extracting(OnlineResource::url)
                    .contains("https://data.example.test/ogcapi/collections/" + slug);

            // Imports work again: the next one gets a fresh number and is served.
            HttpResponse<String> accepted = ingest.upload("arceaux.csv", Files.readAllBytes(
                    csv(directory.resolve("arceaux-v3.csv"), "v3", 1500)), null, id, HttpTestClient.ADMIN, false);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            JsonNode next = ingest.await(ingest.http.json(accepted).get("jobId").asString());
            assertThat(next.get("status").asString()).as(next.toString()).isEqualTo("succeeded");
            assertThat(next.get("version").asInt()).isEqualTo(3);
            assertThat(next.get("recordId").asString()).isEqualTo(recordId);
            policy.asPlatform(() -> {
                assertThat(datasets.currentVersion(id).orElseThrow().number()).isEqualTo(3);
                assertThat(features.count(id, FeatureQuery.all())).isEqualTo(1500);
                assertThat(features.find(id, 1500).orElseThrow().properties().get("libelle"))
                        .isEqualTo(label("v3", 1500));
                return null;
            });
        }
    }

    /** {@code id;libelle;longitude;latitude}, ids 1..rows in order (so a row's id is its fid). */
    static Path csv(Path file, String content, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id;libelle;longitude;latitude\n");
            for (long n = 1; n <= rows; n++) {
                out.write(n + ";" + label(content, n) + ";" + longitude(n) + ";" + latitude(n) + "\n");
            }
        }
        return file;
    }

    static String label(String content, long n) {
        return "Arceau " + content + " n°" + n;
    }

    static double longitude(long n) {
        return 3.0 + (n % 1000) / 10_000.0;
    }

    static double latitude(long n) {
        return 50.6 + (n / 1000 % 1000) / 10_000.0;
    }
}
