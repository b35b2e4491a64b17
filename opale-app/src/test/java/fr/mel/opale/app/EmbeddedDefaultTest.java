package fr.mel.opale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.Datasets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform on its embedded default, exactly as {@code java -jar opale.jar} starts it: an H2 file under the
 * data directory (created if missing), migrations, demo catalog, health.
 */
@SpringBootTest(classes = OpaleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultTest {
    private static final Path DATA_DIR = createTempDir().resolve("not-yet-there");

    @LocalServerPort
    int port;

    @Autowired
    Datasets datasets;

    @Autowired
    DemoDatasets demo;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        DataDirectory.prepare(new String[] {"--opale.data.dir=" + DATA_DIR});
        registry.add("opale.data.dir", DATA_DIR::toString);
    }

    @Test
    void startsOnH2UnderTheDataDirectoryWithTheDemoCatalog() {
        HttpTestClient client = new HttpTestClient(port);
        JsonNode health = client.json(client.get("/actuator/health"));
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(Files.exists(DATA_DIR.resolve("db/opale.mv.db"))).as("H2 file in the data directory").isTrue();

        JsonNode records = client.json(client.get("/api/records?size=50"));
        // 12 demo records, one restricted: an anonymous visitor counts 11.
        assertThat(records.path("total").asLong()).isEqualTo(11);
        assertThat(client.get("/api/records/demo-ouvrages-assainissement").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/records/demo-stations-vlille").statusCode()).isEqualTo(200);
    }

    @Test
    void publishesTheDemoDatasetsInTheBackgroundOnceOnly() throws InterruptedException {
        HttpTestClient client = new HttpTestClient(port);
        // rows as make_demo_data.py writes them: 3 297 bins, the 95 communes, 4 stations x 731 days (2024-2025)
        Dataset bins = served("demo-points-verre", 3297);
        Dataset communes = served("demo-communes-mel", 95);
        Dataset air = served("demo-qualite-air", 4 * 731);

        JsonNode items = client.json(client.get("/ogcapi/collections/" + bins.slug() + "/items?limit=2"));
        assertThat(items.path("numberMatched").asLong()).isEqualTo(3297);
        assertThat(items.path("features").get(0).path("geometry").path("type").asString()).isEqualTo("Point");
        JsonNode polygons = client.json(client.get("/ogcapi/collections/" + communes.slug()
                + "/items?limit=1&filter=" + java.net.URLEncoder.encode("code_insee='59350'",
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(polygons.path("numberMatched").asLong()).isEqualTo(1);
        assertThat(polygons.path("features").get(0).path("properties").path("nom").asString()).isEqualTo("Lille");
        assertThat(polygons.path("features").get(0).path("geometry").path("type").asString())
                .isEqualTo("MultiPolygon");

        JsonNode perCommune = client.json(client.get("/api/datasets/" + bins.id()
                + "/aggregate?groupBy=commune&limit=100"));
        assertThat(perCommune.path("rows").asLong()).isEqualTo(3297);
        assertThat(perCommune.path("groupCount").asLong()).isEqualTo(95);
        JsonNode perMonth = client.json(client.get("/api/datasets/" + air.id()
                + "/aggregate?groupBy=date&period=month&measure=avg(no2_ug_m3)&limit=100"));
        assertThat(perMonth.path("groupCount").asLong()).isEqualTo(24);
        assertThat(perMonth.path("groups").get(0).path("rows").asLong()).isEqualTo(31 * 4);

        // a second pass (a restart) publishes nothing: every record already serves version 1
        demo.publishMissing();
        Thread.sleep(1500);
        for (String record : List.of("demo-points-verre", "demo-communes-mel", "demo-qualite-air")) {
            Dataset dataset = datasets.findByRecord(record).orElseThrow();
            assertThat(dataset.currentVersion()).as(record).isEqualTo(1);
            assertThat(datasets.versions(dataset.id())).as(record).hasSize(1);
        }
    }

    @Test
    void servesTheDemoImagesItself() {
        HttpTestClient client = new HttpTestClient(port);
        JsonNode record = client.json(client.get("/api/records/demo-carte-decheteries"));
        String url = record.path("overviews").get(0).path("url").asString();
        // the configured public address (here the random port's "localhost:0"), never an external host
        assertThat(url).startsWith("http://localhost:").endsWith("/demo/decheteries.svg");
        HttpResponse<String> image = client.get("/demo/decheteries.svg");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(image.body()).startsWith("<svg");
    }

    /** Waits (at most 3 minutes: two cores shared by several builds) until the record's dataset serves its rows. */
    private Dataset served(String recordId, long rows) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            Optional<Dataset> dataset = datasets.findByRecord(recordId);
            if (dataset.isPresent() && dataset.get().currentVersion() != null) {
                assertThat(datasets.currentVersion(dataset.get().id()).orElseThrow().rowCount()).as(recordId)
                        .isEqualTo(rows);
                return dataset.get();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Le jeu de démonstration de " + recordId + " n'est pas publié après 3 minutes");
    }

    @Test
    void documentsTheApiInOpenApi() {
        HttpTestClient client = new HttpTestClient(port);
        HttpResponse<String> response = client.get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode openapi = client.json(response);
        assertThat(openapi.path("info").path("title").asString()).isEqualTo("API Opale");
        assertThat(openapi.path("paths").has("/api/records/{id}")).isTrue();
        assertThat(openapi.path("paths").has("/api/tokens")).isTrue();
        assertThat(openapi.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        // one document whatever the request's language (springdoc caches one per language: OpenApiWarmUp.French)
        HttpResponse<String> english = client.send("GET", "/api/openapi.json", null, null, null,
                "Accept-Language", "en-US,en;q=0.9");
        assertThat(client.json(english).path("paths").size()).isEqualTo(openapi.path("paths").size());
        assertThat(client.json(english).path("info").path("title").asString()).isEqualTo("API Opale");
    }

    @Test
    void servesTheOgcApiWithItsBuildingBlocks() {
        HttpTestClient client = new HttpTestClient(port);
        JsonNode conformance = client.json(client.get("/ogcapi/conformance"));
        assertThat(conformance.path("conformsTo").toString()).contains("ogcapi-features-1/1.0/conf/core",
                "ogcapi-features-2/1.0/conf/crs", "cql2/1.0/conf/cql2-text");
        assertThat(client.get("/ogcapi/collections").statusCode()).isEqualTo(200);
        HttpResponse<String> cors = client.send("GET", "/ogcapi/collections", null, null, null,
                "Origin", "https://example.org");
        assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(client.get("/ogcapi/api").statusCode()).isEqualTo(200);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("opale-embedded");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
