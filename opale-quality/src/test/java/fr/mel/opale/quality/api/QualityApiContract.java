package fr.mel.opale.quality.api;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.quality.QualityRescored;
import fr.mel.opale.quality.QualityScores;
import fr.mel.opale.quality.QualityTestApplication;
import fr.mel.opale.quality.RealRecords;
import fr.mel.opale.testing.HttpTestClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;

/**
 * The quality API over a real HTTP server and a real database (H2 and PostGIS subclasses): scores computed on
 * import, create, update and delete; labels in the request's language; hidden records; the dashboard; re-score.
 * Organisation names and record ids are unique to this class (contexts, hence databases, are shared).
 */
@SpringBootTest(classes = QualityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(QualityApiContract.Rescores.class)
abstract class QualityApiContract {
    static final String NO_LINK = "geonetwork-db-dump/record-with-no-link.iso19139.xml";
    static final String ORG = "Organisation du test qualité";

    @LocalServerPort
    int port;
    @Autowired
    QualityScores scores;
    @Autowired
    Rescores rescores;
    HttpTestClient client;

    @BeforeEach
    void client() {
        client = new HttpTestClient(port);
    }

    @Test
    void anImportedRealRecordIsScoredWithFrenchCriteriaAndHints() {
        String id = importFile(NO_LINK);
        HttpResponse<String> response = client.get("/api/records/" + id + "/quality");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode quality = client.json(response);
        assertThat(quality.path("score").asInt()).isEqualTo(41);
        assertThat(quality.path("bandLabel").asString()).isEqualTo("Passable");
        JsonNode criteria = quality.path("criteria");
        assertThat(criteria).hasSize(17);
        JsonNode description = criteria.get(1);
        assertThat(description.path("id").asString()).isEqualTo("description");
        assertThat(description.path("label").asString()).isEqualTo("Description d'au moins 100 caractères");
        assertThat(description.path("met").asBoolean()).isFalse();
        assertThat(description.path("weight").asDouble()).isEqualTo(10.0);
        assertThat(description.path("hint").asString()).startsWith("Décrivez le contenu");
        assertThat(criteria.get(0).path("met").asBoolean()).isTrue();
        List<String> missed = new ArrayList<>();
        criteria.forEach(c -> {
            if (!c.path("met").asBoolean()) {
                missed.add(c.path("id").asString());
            }
        });
        assertThat(missed).containsExactly("description", "usage-category", "open-licence", "contact-email",
                "organisation", "temporal-extent", "data-access", "open-format", "documentation", "preview");
    }

    @Test
    void englishWithAcceptLanguage() {
        String id = importFile(NO_LINK);
        JsonNode quality = client.json(client.send("GET", "/api/records/" + id + "/quality", null, null, null,
                "Accept-Language", "en-GB,en;q=0.9"));
        assertThat(quality.path("bandLabel").asString()).isEqualTo("Fair");
        assertThat(quality.path("criteria").get(1).path("label").asString()).isEqualTo("Description of at least 100 characters");
        assertThat(quality.path("criteria").get(1).path("hint").asString()).startsWith("Describe the content");
    }

    @Test
    void hiddenAndUnknownRecordsAre404ButAdministratorsSeeTheScore() {
        client.sendJson("POST", "/api/records?visibility=RESTRICTED", """
                {"id":"quality-secret","title":{"fr":"Réseau sensible (qualité)"}}""", ADMIN);
        for (String id : List.of("quality-secret", "quality-nope")) {
            HttpResponse<String> response = client.get("/api/records/" + id + "/quality");
            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(client.json(response).path("detail").asString()).contains("Aucune fiche");
        }
        HttpResponse<String> asAdmin = client.get("/api/records/quality-secret/quality", ADMIN);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(client.json(asAdmin).path("score").asInt()).isBetween(0, 30);
    }

    @Test
    void theScoreFollowsEveryChangeAndGoesWithTheRecord() {
        String body = """
                {"id":"quality-velo","kind":"DATASET","title":{"fr":"Stations vélo (qualité)"},
                 "publisher":{"name":"%s"}}""".formatted(ORG);
        assertThat(client.sendJson("POST", "/api/records", body, ADMIN).statusCode()).isEqualTo(201);
        // scored in the same transaction as the record: there as soon as the write answered
        int before = scores.report("quality-velo").orElseThrow().score();
        assertThat(before).isEqualTo(13); // title 8 + organisation 5

        String richer = body.replace("\"publisher\"", """
                "description":{"fr":"%s"},"keywords":[{"label":{"fr":"vélo"}}],"publisher\"""".formatted("x".repeat(120)));
        assertThat(client.sendJson("PUT", "/api/records/quality-velo", richer, ADMIN, "If-Match", "\"0\"")
                .statusCode()).isEqualTo(200);
        assertThat(scores.report("quality-velo").orElseThrow().score()).isEqualTo(33); // + description 10 + keywords 10

        assertThat(client.send("DELETE", "/api/records/quality-velo", null, null, ADMIN).statusCode()).isEqualTo(204);
        assertThat(scores.report("quality-velo")).isEmpty();
    }

    @Test
    void dashboardPerOrganisationOnlyCountsVisibleRecords() {
        for (int i = 1; i <= 3; i++) {
            String description = i == 3 ? ",\"description\":{\"fr\":\"" + "d".repeat(150) + "\"}" : "";
            client.sendJson("POST", "/api/records", """
                    {"id":"quality-org-%d","title":{"fr":"Fiche d'organisation %d"},"publisher":{"name":"%s"}%s}"""
                    .formatted(i, i, ORG, description), ADMIN);
        }
        client.sendJson("POST", "/api/records?visibility=RESTRICTED", """
                {"id":"quality-org-hidden","title":{"fr":"Fiche cachée"},"publisher":{"name":"%s"}}""".formatted(ORG),
                ADMIN);
        String slug = "organisation-du-test-qualite";

        JsonNode list = client.json(client.get("/api/quality/organisations"));
        JsonNode mine = null;
        for (JsonNode organisation : list) {
            if (slug.equals(organisation.path("slug").asString())) {
                mine = organisation;
            }
        }
        assertThat(mine).as("organisation listed").isNotNull();
        assertThat(mine.path("name").asString()).isEqualTo(ORG);
        assertThat(mine.path("records").asInt()).isEqualTo(3);
        assertThat(mine.path("averageScore").asInt()).isEqualTo(16); // 13, 13 and 23
        assertThat(mine.path("distribution").path("INSUFFICIENT").asInt()).isEqualTo(3);
        assertThat(mine.path("distribution").path("EXCELLENT").asInt()).isZero();

        JsonNode detail = client.json(client.get("/api/quality/organisations/" + slug));
        assertThat(detail.path("lowest")).hasSize(3);
        assertThat(detail.path("lowest").get(0).path("id").asString()).isEqualTo("quality-org-1");
        assertThat(detail.path("lowest").get(2).path("score").asInt()).isEqualTo(23);
        assertThat(detail.path("mostMissed").get(0).path("count").asInt()).isEqualTo(3);
        assertThat(detail.path("mostMissed").get(0).path("id").asString()).isEqualTo("keywords");
        assertThat(detail.path("mostMissed").get(0).path("label").asString()).isEqualTo("Mots-clés");
        assertThat(detail.toString()).doesNotContain("quality-org-hidden");

        JsonNode asAdmin = client.json(client.get("/api/quality/organisations/" + slug, ADMIN));
        assertThat(asAdmin.path("records").asInt()).isEqualTo(4);

        HttpResponse<String> unknown = client.get("/api/quality/organisations/personne");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(client.json(unknown).path("detail").asString()).contains("Aucune fiche visible");
    }

    @Test
    void rescoreIsForAdministratorsAndAnnouncesItself() {
        importFile(NO_LINK);
        HttpResponse<String> anonymous = client.send("POST", "/api/quality/rescore", null, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        rescores.events.clear();
        HttpResponse<String> done = client.send("POST", "/api/quality/rescore", null, null, ADMIN);
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode result = client.json(done);
        assertThat(result.path("records").asInt()).isPositive();
        assertThat(result.path("rules").asString()).isEqualTo("classpath:quality/default-rules.yml");
        assertThat(rescores.events).hasSize(1);
    }

    private String importFile(String file) {
        HttpResponse<String> imported = client.send("POST", "/api/records/import", "application/xml",
                RealRecords.bytes(file), ADMIN);
        assertThat(imported.statusCode()).as(imported.body()).isIn(200, 201);
        JsonNode body = client.json(imported);
        JsonNode ids = body.path("created").isEmpty() ? body.path("updated") : body.path("created");
        String id = ids.get(0).asString();
        assertThat(id).isNotBlank();
        return id;
    }

    /** Collects {@link QualityRescored}, published on the server's request thread. */
    static class Rescores {
        final List<QualityRescored> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(QualityRescored event) {
            events.add(event);
        }
    }
}
