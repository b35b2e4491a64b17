package fr.mel.opale.catalog.api;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.catalog.CatalogTestApplication;
import fr.mel.opale.testing.HttpTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /api/records} contract over a real HTTP server and a real database; run on H2 and on PostGIS by the
 * two subclasses.
 */
@SpringBootTest(classes = CatalogTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RecordApiContract {
    @LocalServerPort
    int port;
    HttpTestClient client;

    @BeforeEach
    void client() {
        client = new HttpTestClient(port);
    }

    @Test
    void createsReadsUpdatesAndDeletesWithOptimisticLocking() {
        String body = """
                {"id":"rec-crud","kind":"DATASET","title":{"fr":"Arbres d'alignement","en":"Street trees"},
                 "description":{"fr":"Les **arbres** des rues."},
                 "keywords":[{"label":{"fr":"arbre"}}],
                 "spatialExtent":{"bbox":{"west":2.9,"south":50.5,"east":3.2,"north":50.8}},
                 "dates":{"revised":"2026-01-02"}}""";
        HttpResponse<String> created = client.sendJson("POST", "/api/records", body, ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/records/rec-crud");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");

        HttpResponse<String> read = client.get("/api/records/rec-crud");
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode record = client.json(read);
        assertThat(record.path("title").path("en").asString()).isEqualTo("Street trees");
        assertThat(record.path("spatialExtent").path("bbox").path("west").asDouble()).isEqualTo(2.9);
        assertThat(record.path("dates").path("revised").asString()).isEqualTo("2026-01-02");

        String changed = body.replace("Arbres d'alignement", "Arbres d'alignement 2026");
        HttpResponse<String> withoutVersion = client.sendJson("PUT", "/api/records/rec-crud", changed, ADMIN);
        assertThat(withoutVersion.statusCode()).isEqualTo(428);
        assertThat(withoutVersion.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> updated = client.sendJson("PUT", "/api/records/rec-crud", changed, ADMIN,
                "If-Match", "\"0\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> stale = client.sendJson("PUT", "/api/records/rec-crud", body, ADMIN, "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(client.json(stale).path("detail").asString()).contains("version 1");
        assertThat(client.json(client.get("/api/records/rec-crud")).path("title").path("fr").asString())
                .isEqualTo("Arbres d'alignement 2026");

        assertThat(client.send("DELETE", "/api/records/rec-crud", null, null, ADMIN).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = client.get("/api/records/rec-crud");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(client.json(gone).path("detail").asString()).contains("Aucune fiche");
    }

    @Test
    void listsWithPagingAndExactTotals() {
        for (int i = 0; i < 5; i++) {
            client.sendJson("POST", "/api/records", "{\"id\":\"page-" + i + "\",\"title\":{\"fr\":\"Parking relais " + i
                    + "\"}}", ADMIN);
        }
        JsonNode page = client.json(client.get("/api/records?q=parking%20relais&size=2&page=1"));
        assertThat(page.path("total").asLong()).isEqualTo(5);
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void writesNeedAnAdministratorAndErrorsAreFrenchProblems() {
        HttpResponse<String> anonymous = client.sendJson("POST", "/api/records", "{\"title\":{\"fr\":\"x\"}}", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> wrongPassword = client.sendJson("POST", "/api/records", "{\"title\":{\"fr\":\"x\"}}",
                HttpTestClient.basic("admin", "nope"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        HttpResponse<String> malformed = client.sendJson("POST", "/api/records", "{oops", ADMIN);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(client.json(malformed).path("detail").asString()).contains("JSON valide");

        HttpResponse<String> noTitle = client.sendJson("POST", "/api/records", "{\"id\":\"sans-titre\"}", ADMIN);
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(client.json(noTitle).path("detail").asString()).contains("titre");

        HttpResponse<String> badBox = client.sendJson("POST", "/api/records",
                "{\"title\":{\"fr\":\"x\"},\"spatialExtent\":{\"bbox\":{\"west\":2,\"south\":95,\"east\":3,\"north\":96}}}",
                ADMIN);
        assertThat(badBox.statusCode()).isEqualTo(400);
        assertThat(client.json(badBox).path("detail").asString()).contains("WGS84");

        String duplicate = "{\"id\":\"dup\",\"title\":{\"fr\":\"x\"}}";
        assertThat(client.sendJson("POST", "/api/records", duplicate, ADMIN).statusCode()).isEqualTo(201);
        assertThat(client.sendJson("POST", "/api/records", duplicate, ADMIN).statusCode()).isEqualTo(409);

        assertThat(client.get("/api/records?size=100000").statusCode()).isEqualTo(400);
    }

    @Test
    void restrictedRecordsAreInvisibleToAnonymousVisitors() {
        client.sendJson("POST", "/api/records?visibility=RESTRICTED",
                "{\"id\":\"secret\",\"title\":{\"fr\":\"Réseau hypersensible\"}}", ADMIN);
        assertThat(client.get("/api/records/secret").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/records/secret", ADMIN).statusCode()).isEqualTo(200);
        assertThat(client.json(client.get("/api/records?q=hypersensible")).path("total").asLong()).isZero();
        assertThat(client.json(client.get("/api/records?q=hypersensible", ADMIN)).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void englishWhenAsked() {
        HttpResponse<String> response = client.sendJson("POST", "/api/records", "{oops", ADMIN,
                "Accept-Language", "en-GB,en;q=0.9");
        assertThat(client.json(response).path("detail").asString()).contains("not valid JSON");
    }
}
