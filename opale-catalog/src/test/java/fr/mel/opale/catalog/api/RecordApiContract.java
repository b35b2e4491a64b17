package fr.mel.opale.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.catalog.CatalogTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /api/records} contract over a real HTTP server and a real database; run on H2 and on PostGIS by the
 * two subclasses.
 */
@SpringBootTest(classes = CatalogTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RecordApiContract {
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void createsReadsUpdatesAndDeletesWithOptimisticLocking() throws Exception {
        String body = """
                {"id":"rec-crud","kind":"DATASET","title":{"fr":"Arbres d'alignement","en":"Street trees"},
                 "description":{"fr":"Les **arbres** des rues."},
                 "keywords":[{"label":{"fr":"arbre"}}],
                 "spatialExtent":{"bbox":{"west":2.9,"south":50.5,"east":3.2,"north":50.8}},
                 "dates":{"revised":"2026-01-02"}}""";
        HttpResponse<String> created = send("POST", "/api/records", body, ADMIN, null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/records/rec-crud");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");

        HttpResponse<String> read = send("GET", "/api/records/rec-crud", null, null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode record = json.readTree(read.body());
        assertThat(record.path("title").path("en").asString()).isEqualTo("Street trees");
        assertThat(record.path("spatialExtent").path("bbox").path("west").asDouble()).isEqualTo(2.9);
        assertThat(record.path("dates").path("revised").asString()).isEqualTo("2026-01-02");

        String changed = body.replace("Arbres d'alignement", "Arbres d'alignement 2026");
        HttpResponse<String> withoutVersion = send("PUT", "/api/records/rec-crud", changed, ADMIN, null);
        assertThat(withoutVersion.statusCode()).isEqualTo(428);
        assertThat(withoutVersion.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> updated = send("PUT", "/api/records/rec-crud", changed, ADMIN, "\"0\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> stale = send("PUT", "/api/records/rec-crud", body, ADMIN, "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json.readTree(stale.body()).path("detail").asString()).contains("version 1");
        assertThat(json.readTree(send("GET", "/api/records/rec-crud", null, null, null).body())
                .path("title").path("fr").asString()).isEqualTo("Arbres d'alignement 2026");

        assertThat(send("DELETE", "/api/records/rec-crud", null, ADMIN, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = send("GET", "/api/records/rec-crud", null, null, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json.readTree(gone.body()).path("detail").asString()).contains("Aucune fiche");
    }

    @Test
    void listsWithPagingAndExactTotals() throws Exception {
        for (int i = 0; i < 5; i++) {
            send("POST", "/api/records", "{\"id\":\"page-" + i + "\",\"title\":{\"fr\":\"Parking relais " + i + "\"}}",
                    ADMIN, null);
        }
        JsonNode page = json.readTree(send("GET", "/api/records?q=parking%20relais&size=2&page=1", null, null, null).body());
        assertThat(page.path("total").asLong()).isEqualTo(5);
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void writesNeedAnAdministratorAndErrorsAreFrenchProblems() throws Exception {
        HttpResponse<String> anonymous = send("POST", "/api/records", "{\"title\":{\"fr\":\"x\"}}", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> wrongPassword = send("POST", "/api/records", "{\"title\":{\"fr\":\"x\"}}",
                "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        HttpResponse<String> malformed = send("POST", "/api/records", "{oops", ADMIN, null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).path("detail").asString()).contains("JSON valide");

        HttpResponse<String> noTitle = send("POST", "/api/records", "{\"id\":\"sans-titre\"}", ADMIN, null);
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noTitle.body()).path("detail").asString()).contains("titre");

        HttpResponse<String> badBox = send("POST", "/api/records",
                "{\"title\":{\"fr\":\"x\"},\"spatialExtent\":{\"bbox\":{\"west\":2,\"south\":95,\"east\":3,\"north\":96}}}",
                ADMIN, null);
        assertThat(badBox.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badBox.body()).path("detail").asString()).contains("WGS84");

        HttpResponse<String> duplicate = send("POST", "/api/records", "{\"id\":\"dup\",\"title\":{\"fr\":\"x\"}}", ADMIN, null);
        assertThat(duplicate.statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/records", "{\"id\":\"dup\",\"title\":{\"fr\":\"x\"}}", ADMIN, null).statusCode())
                .isEqualTo(409);

        HttpResponse<String> badSize = send("GET", "/api/records?size=100000", null, null, null);
        assertThat(badSize.statusCode()).isEqualTo(400);
    }

    @Test
    void restrictedRecordsAreInvisibleToAnonymousVisitors() throws Exception {
        send("POST", "/api/records?visibility=RESTRICTED", "{\"id\":\"secret\",\"title\":{\"fr\":\"Réseau sensible\"}}",
                ADMIN, null);
        assertThat(send("GET", "/api/records/secret", null, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/records/secret", null, ADMIN, null).statusCode()).isEqualTo(200);
        JsonNode anonymousList = json.readTree(send("GET", "/api/records?q=sensible", null, null, null).body());
        assertThat(anonymousList.path("total").asLong()).isZero();
        JsonNode adminList = json.readTree(send("GET", "/api/records?q=sensible", null, ADMIN, null).body());
        assertThat(adminList.path("total").asLong()).isEqualTo(1);
    }

    @Test
    void englishWhenAsked() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/records"))
                .header("Content-Type", "application/json").header("Authorization", ADMIN)
                .header("Accept-Language", "en-GB,en;q=0.9").POST(HttpRequest.BodyPublishers.ofString("{oops")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(response.body()).path("detail").asString()).contains("not valid JSON");
    }

    HttpResponse<String> send(String method, String path, String body, String authorization, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
