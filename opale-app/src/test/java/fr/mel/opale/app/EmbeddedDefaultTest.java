package fr.mel.opale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform on its embedded default, exactly as {@code java -jar opale.jar} starts it: an H2 file under the
 * data directory (created if missing), migrations, demo catalog, health.
 */
@SpringBootTest(classes = OpaleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultTest {
    private static final Path DATA_DIR = createTempDir().resolve("not-yet-there");
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        DataDirectory.prepare(new String[] {"--opale.data.dir=" + DATA_DIR});
        registry.add("opale.data.dir", DATA_DIR::toString);
    }

    @Test
    void startsOnH2UnderTheDataDirectoryWithTheDemoCatalog() throws Exception {
        JsonNode health = json.readTree(get("/actuator/health").body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(Files.exists(DATA_DIR.resolve("db/opale.mv.db"))).as("H2 file in the data directory").isTrue();

        JsonNode records = json.readTree(get("/api/records?size=50").body());
        // 11 demo records, one restricted: an anonymous visitor counts 10.
        assertThat(records.path("total").asLong()).isEqualTo(10);
        assertThat(get("/api/records/demo-ouvrages-assainissement").statusCode()).isEqualTo(404);
        assertThat(get("/api/records/demo-stations-vlille").statusCode()).isEqualTo(200);
    }

    @Test
    void documentsTheApiInOpenApi() throws Exception {
        HttpResponse<String> response = get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode openapi = json.readTree(response.body());
        assertThat(openapi.path("info").path("title").asString()).isEqualTo("API Opale");
        assertThat(openapi.path("paths").has("/api/records/{id}")).isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("opale-embedded");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
