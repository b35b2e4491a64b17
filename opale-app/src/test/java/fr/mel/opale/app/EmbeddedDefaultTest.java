package fr.mel.opale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import fr.mel.opale.testing.HttpTestClient;
import java.nio.file.Files;
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
        // 11 demo records, one restricted: an anonymous visitor counts 10.
        assertThat(records.path("total").asLong()).isEqualTo(10);
        assertThat(client.get("/api/records/demo-ouvrages-assainissement").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/records/demo-stations-vlille").statusCode()).isEqualTo(200);
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
