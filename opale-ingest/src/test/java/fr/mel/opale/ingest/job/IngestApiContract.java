package fr.mel.opale.ingest.job;

import static fr.mel.opale.ingest.job.IngestHttp.hasMessage;
import static fr.mel.opale.ingest.job.IngestHttp.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.testing.TestAccounts;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.ingest.HostileZips;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.TableReaders;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.testing.SharedTestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * File ingestion end to end over real HTTP and a real database: every shared file publishes through
 * {@code POST /api/ingest} (dataset version + catalog record + report), re-ingest, unchanged content, roll-back,
 * cancel, recovery after a stop, URL sources on a schedule, TableSchema block/report, hostile files, access.
 * Run on H2 and PostGIS by the two subclasses.
 */
@SpringBootTest(classes = fr.mel.opale.ingest.IngestTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IngestApiContract {
    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Features features;
    @Autowired
    Catalog catalog;
    @Autowired
    IngestJobs jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonStore people;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    fr.mel.opale.access.AccessPolicy policy;

    IngestHttp ingest;

    @BeforeEach
    void client() {
        ingest = new IngestHttp(port);
        TestAccounts.ensure(people, encoder, "lecteur-import", "lecteur-secret", false);
    }

    static Stream<Path> sharedFiles() {
        Path root = SharedTestData.data();
        try (Stream<Path> csv = Files.list(root.resolve("csv")); Stream<Path> geo = Files.list(root.resolve("geo"))) {
            return Stream.concat(csv.toList().stream(), geo.toList().stream()).sorted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedFiles")
    void everySharedFilePublishesEndToEnd(Path file) {
        long expectedRows = TableReaders.standard().analyse(SourceFile.of(file), ReadOptions.DEFAULT,
                ReadListener.NONE).rows();
        JsonNode job = ingest.publish(file, "{\"title\":\"Réel " + file.getFileName() + "\"}", null);
        if (expectedRows == 0) {
            // the empty template shapefile: a structure without rows is refused, nothing published
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
            assertThat(message(job, "empty-table")).contains(file.getFileName().toString(), "aucune ligne");
            assertThat(job.get("datasetId").isNull() || datasets.find(job.get("datasetId").asString()).isEmpty())
                    .isTrue();
            return;
        }
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        String datasetId = job.get("datasetId").asString();
        assertThat(job.get("progress").asLong()).isEqualTo(expectedRows);
        assertThat(job.get("collectionId").asString()).startsWith("reel-");
        var version = datasets.currentVersion(datasetId).orElseThrow();
        assertThat(version.rowCount()).isEqualTo(expectedRows);
        assertThat(features.count(datasetId, FeatureQuery.all())).isEqualTo(expectedRows);

        StoredRecord stored = catalog.find(job.get("recordId").asString()).orElseThrow();
        CatalogRecord record = stored.record();
        assertThat(record.title().text()).isEqualTo("Réel " + file.getFileName());
        assertThat(record.description().text()).contains("## Structure des données", "| Colonne |");
        assertThat(record.formats()).extracting(f -> f.name()).contains("CSV");
        String collection = "https://data.example.test/ogcapi/collections/" + job.get("collectionId").asString();
        assertThat(record.onlineResources()).extracting(OnlineResource::url, OnlineResource::kind)
                .contains(org.assertj.core.groups.Tuple.tuple(collection, ResourceKind.API),
                        org.assertj.core.groups.Tuple.tuple(collection + "/items?f=csv", ResourceKind.DOWNLOAD));
        assertThat(record.dates().revised()).isNotNull();
        assertThat(datasets.find(datasetId).orElseThrow().recordId()).isEqualTo(stored.id());
        if (version.geographic()) {
            assertThat(record.kind()).isEqualTo(RecordKind.DATASET);
            assertThat(record.spatialExtent().bbox()).as("bbox of %s", file).isNotNull();
            assertThat(record.formats()).extracting(f -> f.name()).contains("GeoJSON");
        } else {
            assertThat(record.kind()).isEqualTo(RecordKind.NON_GEOGRAPHIC_DATASET);
        }
        JsonNode report = ingest.http.json(ingest.http.get("/api/datasets/" + datasetId + "/report"));
        assertThat(report.get("version").asInt()).isEqualTo(version.number());
        assertThat(report.get("report").get("rows").asLong()).isEqualTo(expectedRows);
        assertThat(report.get("report").get("columns").size()).isEqualTo(version.columns().size());
    }

    @Test
    void reingestMakesVersionTwoUnchangedContentPublishesNothingAndRollbackServesVersionOne() {
        String options = "{\"title\":\"Arceaux essai\",\"usageCategory\":\"mobilite_transports_deplacement\"}";
        JsonNode first = ingest.publish("arceaux.csv", csv(3), options, null);
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("succeeded");
        String id = first.get("datasetId").asString();
        String recordId = first.get("recordId").asString();
        CatalogRecord record = catalog.find(recordId).orElseThrow().record();
        assertThat(record.keywords()).anyMatch(k -> "https://data.lillemetropole.fr/thematique/categories/mobilite_transports_deplacement"
                .equals(k.uri()) && k.thesaurus() != null);

        JsonNode second = ingest.publish("arceaux.csv", csv(5), null, id);
        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("succeeded");
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("datasetId").asString()).isEqualTo(id);
        assertThat(second.get("recordId").asString()).isEqualTo(recordId);
        assertThat(datasets.currentVersion(id).orElseThrow().rowCount()).isEqualTo(5);
        assertThat(catalog.find(recordId).orElseThrow().record().description().text()).contains("5 lignes");

        JsonNode same = ingest.publish("arceaux.csv", csv(5), null, id);
        assertThat(same.get("status").asString()).isEqualTo("succeeded");
        assertThat(message(same, "unchanged")).startsWith("Contenu inchangé");
        assertThat(same.get("version").isNull()).isTrue();
        assertThat(datasets.currentVersion(id).orElseThrow().number()).isEqualTo(2);

        HttpResponse<String> rolled = ingest.http.send("POST", "/api/datasets/" + id + "/rollback?version=1", null,
                null, HttpTestClient.ADMIN);
        assertThat(rolled.statusCode()).as(rolled.body()).isEqualTo(200);
        assertThat(ingest.http.json(rolled).get("currentVersion").asInt()).isEqualTo(1);
        assertThat(features.count(id, FeatureQuery.all())).isEqualTo(3);
        assertThat(catalog.find(recordId).orElseThrow().record().description().text()).contains("3 lignes");
        assertThat(ingest.http.send("POST", "/api/datasets/" + id + "/rollback?version=1", null, null, null)
                .statusCode()).isEqualTo(401);
    }

    /** Rows of a file past {@code opale.ingest.read-once-above} (1 MB in the tests): read once, speculatively. */
    private static byte[] largeCsv(int rows, int lateTextRow) {
        return largeCsv(rows, lateTextRow, false);
    }

    /** @param lateBoolean whether the late row also answers "peut-être" where the others say oui or non */
    private static byte[] largeCsv(int rows, int lateTextRow, boolean lateBoolean) {
        StringBuilder csv = new StringBuilder("code;libellé;montant;date_pose;ouvert;latitude;longitude\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i == lateTextRow ? "2A004" : Integer.toString(i)).append(";\"arceau n° ").append(i)
                    .append(", rue de la Gare\";").append(i % 1000).append(",5;")
                    .append(String.format("%02d/%02d/2023", 1 + i % 28, 1 + i % 12)).append(';')
                    .append(lateBoolean && i == lateTextRow ? "peut-être" : i % 2 == 0 ? "oui" : "non").append(';').append(50.6 + (i % 1000) / 1e5).append(';')
                    .append(3.05 + (i % 777) / 1e5).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeFileIsReadOnceAndPublishesWhatTheTwoPassReadWouldHave() throws IOException {
        byte[] content = largeCsv(16_000, -1);
        assertThat(content.length).isGreaterThan(1 << 20);
        JsonNode job = ingest.publish("grand.csv", content, "{\"title\":\"Grand fichier\"}", null);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(hasMessage(job, "plan-revised")).as(job.toString()).isFalse();
        assertThat(job.get("version").asInt()).isEqualTo(1);
        String id = job.get("datasetId").asString();
        Path file = Files.write(Files.createTempFile("opale-grand-", ".csv"), content);
        try {
            var expected = TableReaders.standard().analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
            var version = datasets.currentVersion(id).orElseThrow();
            assertThat(version.rowCount()).isEqualTo(16_000);
            assertThat(version.columns()).extracting(c -> c.name() + ":" + c.type()).containsExactlyElementsOf(
                    expected.plan().outputColumns().stream().map(c -> c.name() + ":" + c.type()).toList());
            assertThat(message(job, "analysed")).contains("16000 lignes", "géométrie XY (EPSG:4326)");
            JsonNode report = ingest.http.json(ingest.http.get("/api/datasets/" + id + "/report")).get("report");
            assertThat(report.get("rows").asLong()).isEqualTo(16_000);
            assertThat(report.get("columns").size()).isEqualTo(expected.columns().size());
            for (int i = 0; i < expected.columns().size(); i++) {
                assertThat(report.get("columns").get(i).get("distinct").asLong()).as(expected.columns().get(i).name())
                        .isEqualTo(expected.columns().get(i).distinct());
            }
            var row = features.find(id, 16_000L).orElseThrow();
            assertThat(row.geometry()).isNotNull();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aLateCodeAmongPlainIntegersIsWidenedInTheVersionBeingWritten() {
        JsonNode job = ingest.publish("tardif.csv", largeCsv(16_000, 15_000), "{\"title\":\"Code élargi\"}", null);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(hasMessage(job, "plan-revised")).as(job.toString()).isFalse();
        assertThat(message(job, "plan-widened")).isEqualTo("Le début du fichier ne suffisait pas à l'analyser "
                + "(colonne « code » : entier au début, texte sur tout le fichier) : colonne(s) élargie(s) dans la "
                + "version 1 sans relire le fichier (1 valeur(s) réécrite(s)).");
        assertThat(job.get("version").asInt()).isEqualTo(1);
        String id = job.get("datasetId").asString();
        var served = datasets.currentVersion(id).orElseThrow();
        assertThat(served.rowCount()).isEqualTo(16_000);
        assertThat(served.columns().get(0).type()).isEqualTo(fr.mel.opale.data.ColumnType.TEXT);
        assertThat(features.find(id, 15_000L).orElseThrow().properties().get("code")).isEqualTo("2A004");
        assertThat(features.find(id, 14_999L).orElseThrow().properties().get("code")).isEqualTo("14999");
        assertThat(datasets.versions(id)).extracting(v -> v.number()).containsExactly(1);
    }

    @Test
    void aLateValueThatRevisesTheGuessIsReadAgainAndOnlyThatVersionIsServed() {
        // the code alone would be widened in place; a boolean turned text cannot be: the file is read again
        JsonNode job = ingest.publish("tardif.csv", largeCsv(16_000, 15_000, true), "{\"title\":\"Code tardif\"}",
                null);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(message(job, "plan-revised")).isEqualTo("Le début du fichier ne suffisait pas à l'analyser "
                + "(colonne « code » : entier au début, texte sur tout le fichier) : version 1 abandonnée, fichier "
                + "relu avec l'analyse du fichier entier.");
        assertThat(job.get("version").asInt()).isEqualTo(2);
        String id = job.get("datasetId").asString();
        var served = datasets.currentVersion(id).orElseThrow();
        assertThat(served.rowCount()).isEqualTo(16_000);
        assertThat(served.columns().get(0).type()).isEqualTo(fr.mel.opale.data.ColumnType.TEXT);
        assertThat(features.find(id, 15_000L).orElseThrow().properties().get("code")).isEqualTo("2A004");
        // The abandoned version 1 is FAILED, then pruned with its table as any failed version older than the served one.
        assertThat(datasets.versions(id)).extracting(v -> v.number()).containsExactly(2);
        String abandonedTable = served.tableName().replaceFirst("_v2$", "_v1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?",
                Long.class, abandonedTable)).isZero();
    }

    @Test
    void cancellingAReingestLeavesTheServedVersion() {
        JsonNode first = ingest.publish("gros.csv", csv(2), "{\"title\":\"Annulation\"}", null);
        String id = first.get("datasetId").asString();
        HttpResponse<String> accepted = ingest.upload("gros.csv", csv(400_000), null, id, HttpTestClient.ADMIN, false);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String job = ingest.http.json(accepted).get("jobId").asString();
        HttpResponse<String> cancel = ingest.http.send("POST", "/api/ingest/jobs/" + job + "/cancel", null, null,
                HttpTestClient.ADMIN);
        assertThat(cancel.statusCode()).as(cancel.body()).isIn(202, 409);
        JsonNode done = ingest.await(job);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("cancelled");
        assertThat(datasets.currentVersion(id).orElseThrow().number()).isEqualTo(1);
        assertThat(features.count(id, FeatureQuery.all())).isEqualTo(2);
        assertThat(ingest.http.send("POST", "/api/ingest/jobs/" + job + "/cancel", null, null, HttpTestClient.ADMIN)
                .statusCode()).isEqualTo(409);
    }

    @Test
    void aJobRunningWhenTheServerStoppedIsFailedAndReportedAfterRestart() {
        String id = "zombie" + Long.toHexString(System.nanoTime());
        jdbc.update("INSERT INTO ingest_job (id, status, source_kind, source_name, progress, created_at, started_at) "
                        + "VALUES (?, 'running', 'upload', 'interrompu.csv', 1234, ?, ?)", id,
                Instant.now().atOffset(ZoneOffset.UTC), Instant.now().atOffset(ZoneOffset.UTC));
        assertThat(jobs.recoverInterrupted()).isGreaterThanOrEqualTo(1);
        JsonNode job = ingest.job(id);
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(message(job, "interrupted")).startsWith("Import interrompu par l'arrêt du serveur");
        assertThat(job.get("finished").isNull()).isFalse();
    }

    @Test
    void urlSourcesAreReingestedOnTheirScheduleAndUnchangedContentPublishesNothing() throws Exception {
        AtomicReference<byte[]> served = new AtomicReference<>(csv(4));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/flux/arceaux.csv", exchange -> {
            byte[] body = served.get();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/ailleurs", exchange -> {
            exchange.getResponseHeaders().set("Location", "/flux/arceaux.csv");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpResponse<String> accepted = ingest.http.sendJson("POST", "/api/ingest/url", "{\"url\":\"" + base
                    + "/ailleurs\",\"schedule\":\"*/2 * * * * *\",\"options\":{\"title\":\"Flux planifié\"}}",
                    HttpTestClient.ADMIN);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            JsonNode first = ingest.await(ingest.http.json(accepted).get("jobId").asString());
            assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("succeeded");
            String id = first.get("datasetId").asString();
            assertThat(datasets.currentVersion(id).orElseThrow().rowCount()).isEqualTo(4);

            JsonNode schedules = ingest.http.json(ingest.http.get("/api/ingest/schedules", HttpTestClient.ADMIN));
            JsonNode schedule = null;
            for (JsonNode s : schedules) {
                if (s.get("id").asString().equals(first.get("scheduleId").asString())) {
                    schedule = s;
                }
            }
            assertThat(schedule).isNotNull();
            assertThat(schedule.get("datasetId").asString()).isEqualTo(id);
            assertThat(schedule.get("nextRun").isNull()).isFalse();

            served.set(csv(6));
            awaitCondition(() -> datasets.currentVersion(id).orElseThrow().rowCount() == 6, "version 2 planifiée");
            assertThat(datasets.currentVersion(id).orElseThrow().number()).isEqualTo(2);
            // the next runs find the same bytes: they succeed and publish nothing
            awaitCondition(() -> policy.asPlatform(() -> jobs.recent(20)).stream().anyMatch(j -> id.equals(j.datasetId())
                    && j.messages().stream().anyMatch(m -> m.code().equals("unchanged"))), "tour inchangé");
            assertThat(datasets.currentVersion(id).orElseThrow().number()).isEqualTo(2);

            assertThat(ingest.http.send("DELETE", "/api/ingest/schedules/" + schedule.get("id").asString(), null,
                    null, HttpTestClient.ADMIN).statusCode()).isEqualTo(204);
            assertThat(ingest.http.send("DELETE", "/api/ingest/schedules/" + schedule.get("id").asString(), null,
                    null, HttpTestClient.ADMIN).statusCode()).isEqualTo(404);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void urlsThatAreNotHttpOrCarryBadSchedulesAreRefused() {
        assertThat(ingest.http.sendJson("POST", "/api/ingest/url", "{\"url\":\"file:///etc/passwd\"}",
                HttpTestClient.ADMIN).body()).contains("http et https");
        assertThat(ingest.http.sendJson("POST", "/api/ingest/url", "{\"url\":\"ftp://exemple.fr/a.csv\"}",
                HttpTestClient.ADMIN).statusCode()).isEqualTo(400);
        HttpResponse<String> cron = ingest.http.sendJson("POST", "/api/ingest/url",
                "{\"url\":\"http://127.0.0.1:1/a.csv\",\"schedule\":\"tous les mardis\"}", HttpTestClient.ADMIN);
        assertThat(cron.statusCode()).isEqualTo(400);
        assertThat(cron.body()).contains("cron");
    }

    @Test
    void tableSchemaBlocksOrReportsAndStaysAttachedToTheDataset() throws IOException {
        Path dir = SharedTestData.file("tableschema/stationnement");
        String schema = Files.readString(dir.resolve("schema.json"));
        JsonNode valid = ingest.publish(dir.resolve("exemple-valide.csv"),
                "{\"title\":\"Stationnement\",\"tableSchema\":" + schema + ",\"onSchemaError\":\"block\"}", null);
        assertThat(valid.get("status").asString()).as(valid.toString()).isEqualTo("succeeded");
        assertThat(hasMessage(valid, "schema-valid")).isTrue();
        assertThat(valid.get("report").get("schema").get("valid").asBoolean()).isTrue();
        String id = valid.get("datasetId").asString();
        JsonNode attached = ingest.http.json(ingest.http.get("/api/datasets/" + id + "/schema", HttpTestClient.ADMIN));
        assertThat(attached.get("onSchemaError").asString()).isEqualTo("block");

        // the attached schema (block) stops the invalid file: nothing published, version 1 still served
        JsonNode blocked = ingest.publish(dir.resolve("exemple-invalide.csv"), null, id);
        assertThat(blocked.get("status").asString()).isEqualTo("failed");
        assertThat(message(blocked, "schema-blocked")).contains("Publication bloquée", "2 erreurs");
        assertThat(blocked.get("messages").findValuesAsString("code")).contains("constraint-error");
        assertThat(datasets.currentVersion(id).orElseThrow().number()).isEqualTo(1);

        // "publish with report": version 2, errors in the report
        JsonNode reported = ingest.publish(dir.resolve("exemple-invalide.csv"), "{\"onSchemaError\":\"report\"}", id);
        assertThat(reported.get("status").asString()).as(reported.toString()).isEqualTo("succeeded");
        JsonNode summary = ingest.http.json(ingest.http.get("/api/datasets/" + id + "/report")).get("report")
                .get("schema");
        assertThat(summary.get("valid").asBoolean()).isFalse();
        assertThat(summary.get("counts").get("constraint-error").asInt()).isEqualTo(2);
        assertThat(summary.get("errors").get(0).get("rowNumber").asInt()).isEqualTo(2);
        assertThat(summary.get("errors").get(0).get("fieldName").asString()).isEqualTo("id");

        // a new dataset with an invalid file and block: failed, and no dataset left behind
        JsonNode refused = ingest.publish(Path.of(dir.resolve("exemple-invalide.csv").toString()),
                "{\"tableSchema\":" + schema + ",\"onSchemaError\":\"block\"}", null);
        assertThat(refused.get("status").asString()).isEqualTo("failed");
        assertThat(refused.get("datasetId").isNull()).isTrue();
    }

    @Test
    void hostileFilesFailTheJobWithAPreciseFrenchMessageAndPublishNothing() throws IOException {
        assertRefused("vide.csv", new byte[0], "empty-file", "vide");
        assertRefused("entete.csv", "Nom;Date de pose;Nb places\n".getBytes(StandardCharsets.UTF_8), "empty-table",
                "aucune ligne");
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused("donnees.csv", pdf, "binary-content", "PDF");
        assertRefused("couches.gpkg", "id;nom\n1;a\n".getBytes(StandardCharsets.UTF_8), "geopackage-invalid",
                "SQLite");
        assertRefused("sans-dbf.zip", HostileZips.of("routes.shp", "x", "routes.shx", "x", "routes.prj", "x"),
                "shapefile-missing-dbf", "routes.dbf");
        assertRefused("slip.zip", HostileZips.of("../../etc/evil.shp", "x", "evil.dbf", "y"), "zip-slip", "chemin");
        ByteArrayOutputStream longLine = new ByteArrayOutputStream();
        longLine.write("a,b\n1,2\n3,".getBytes(StandardCharsets.US_ASCII));
        longLine.write("x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
        longLine.write("\n5,6\n".getBytes(StandardCharsets.US_ASCII));
        assertRefused("long.csv", longLine.toByteArray(), "record-too-long", "ligne 3");
        assertRefused("bombe.zip", HostileZips.bomb(), "zip-bomb", "bombe");
        // the server is still fine
        assertThat(ingest.http.get("/api/ingest/jobs", HttpTestClient.ADMIN).statusCode()).isEqualTo(200);
        assertThat(ingest.publish("apres.csv", csv(2), null, null).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void theDryRunShowsTheAnalysisAndPublishesNothing() {
        HttpResponse<String> response = ingest.upload("arceaux.csv", csv(3), "{\"columns\":{\"Nb places\":"
                + "{\"name\":\"places\"}}}", null, HttpTestClient.ADMIN, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode analysis = ingest.http.json(response);
        assertThat(analysis.get("format").asString()).isEqualTo("csv");
        assertThat(analysis.get("delimiter").asString()).isEqualTo(";");
        assertThat(analysis.get("rows").asInt()).isEqualTo(3);
        assertThat(analysis.get("columns").findValuesAsString("name")).contains("places", "date_de_pose");
        assertThat(analysis.get("geometry").get("kind").asString()).isEqualTo("xy");
        HttpResponse<String> bad = ingest.upload("vide.csv", new byte[0], null, null, HttpTestClient.ADMIN, true);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(ingest.http.json(bad).get("code").asString()).isEqualTo("empty-file");
        assertThat(ingest.upload("a.csv", csv(1), "{pas du json", null, HttpTestClient.ADMIN, true).statusCode())
                .isEqualTo(400);
        assertThat(ingest.upload("a.csv", csv(1), "{\"usageCategory\":\"inconnue\"}", null, HttpTestClient.ADMIN,
                false).body()).contains("catégorie d'usage");
    }

    @Test
    void onlyEditorsIngest() {
        assertThat(ingest.upload("a.csv", csv(1), null, null, null, false).statusCode()).isEqualTo(401);
        String reader = HttpTestClient.basic("lecteur-import", "lecteur-secret");
        assertThat(ingest.upload("a.csv", csv(1), null, null, reader, false).statusCode()).isEqualTo(403);
        assertThat(ingest.upload("a.csv", csv(1), null, null, reader, true).statusCode()).isEqualTo(403);
        assertThat(ingest.http.get("/api/ingest/jobs/x").statusCode()).isEqualTo(401);
        assertThat(ingest.http.get("/api/ingest/jobs/x", reader).statusCode()).isEqualTo(403);
        assertThat(ingest.http.get("/api/ingest/jobs/inconnu", HttpTestClient.ADMIN).statusCode()).isEqualTo(404);
        assertThat(ingest.http.sendJson("POST", "/api/ingest/url", "{\"url\":\"http://127.0.0.1/a.csv\"}", null)
                .statusCode()).isEqualTo(401);
    }

    private void assertRefused(String name, byte[] content, String code, String text) {
        JsonNode job = ingest.publish(name, content, null, null);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(message(job, code)).as(job.toString()).contains(text);
        assertThat(job.get("datasetId").isNull()).as("rien de publié pour %s", name).isTrue();
        assertThat(job.get("version").isNull()).isTrue();
    }

    /** "Nom;Date de pose;Nb places;X;Y": n rows of bicycle racks in Lille (lon/lat). */
    static byte[] csv(int rows) {
        StringBuilder text = new StringBuilder("Nom;Date de pose;Nb places;Longitude;Latitude\n");
        for (int i = 1; i <= rows; i++) {
            text.append("Arceau ").append(i).append(";0").append(1 + i % 9).append("/03/2024;").append(i % 12)
                    .append(';').append(String.format(java.util.Locale.ROOT, "%.6f", 3.0 + (i % 1000) / 10000.0))
                    .append(';').append(String.format(java.util.Locale.ROOT, "%.6f", 50.6 + (i % 997) / 10000.0))
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("attendu en vain : " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
