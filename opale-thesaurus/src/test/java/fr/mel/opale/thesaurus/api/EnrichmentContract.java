package fr.mel.opale.thesaurus.api;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.catalog.RecordEnricher;
import fr.mel.opale.catalog.iso.IsoReader;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.testing.SharedTestData;
import fr.mel.opale.thesaurus.ThesaurusTestApplication;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Records bound to concepts on the catalog's writes (ISO import, JSON API) and usage categories set by editors, over
 * real HTTP and a real database, on the real records of {@code ../shared/data/iso-metadata}.
 */
@SpringBootTest(classes = ThesaurusTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EnrichmentContract {
    static final String CATEGORIES = "https://data.lillemetropole.fr/thematique/categories/";
    static final String MEL = "geonetwork-db-dump/mel-zones-collecte-dechets.iso19139.xml";
    static final String OFB = "geonetwork-db-dump/ofb-ongules.iso19139.xml";

    @LocalServerPort
    int port;
    HttpTestClient client;
    @Autowired
    List<RecordEnricher> enrichers;

    @BeforeEach
    void client() {
        client = new HttpTestClient(port);
    }

    @Test
    void theMelRecordsCategoryKeywordIsBoundToTheUsageCategory() throws IOException {
        JsonNode record = importIso(MEL);
        JsonNode keyword = keywordLabelled(record, "Environnement, énergie");
        assertThat(keyword.path("uri").asString()).isEqualTo(CATEGORIES + "environnement_energie");
        // the citation stays as MEL's GeoNetwork wrote it
        assertThat(keyword.path("thesaurus").path("title").asString()).isEqualTo("Catégories");
        // it has its category: the mapping adds nothing
        assertThat(categoryUris(record)).containsExactly(CATEGORIES + "environnement_energie");

        JsonNode again = importIso(MEL);
        assertThat(again.path("keywords")).isEqualTo(record.path("keywords"));
    }

    @Test
    void aRecordCitingInspireThemesByLabelOnlyGetsTheMappedCategory() throws IOException {
        JsonNode record = importIso(OFB);
        assertThat(record.path("topicCategories")).isEmpty();
        // "Répartition des espèces" (sd) and "Unités administratives" (au), cited by label in an INSPIRE block
        assertThat(categoryUris(record)).containsExactlyInAnyOrder(CATEGORIES + "environnement_energie",
                CATEGORIES + "administration_action_publique");
        JsonNode added = keywordWithUri(record, CATEGORIES + "environnement_energie");
        assertThat(added.path("label").path("fr").asString()).isEqualTo("Environnement, énergie");
        assertThat(added.path("label").path("en").asString()).isEqualTo("Environment, energy");
        assertThat(added.path("thesaurus").path("title").asString()).isEqualTo("Catégories d'usage");
        assertThat(added.path("thesaurus").path("uri").asString())
                .isEqualTo("https://data.lillemetropole.fr/thematique/categories");
        assertThat(added.path("type").asString()).isEqualTo("theme");

        JsonNode again = importIso(OFB);
        assertThat(again.path("keywords")).isEqualTo(record.path("keywords"));
    }

    @Test
    void aRecordWithOnlyAnIsoTopicCategoryGetsOneAndUpdatesKeepItOnce() {
        HttpResponse<String> created = client.sendJson("POST", "/api/records", """
                {"id":"enrich-topic","title":{"fr":"Lignes de bus"},"topicCategories":["transportation"]}""", ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode record = client.json(created);
        assertThat(categoryUris(record)).containsExactly(CATEGORIES + "mobilite_transports_deplacement");

        HttpResponse<String> updated = client.sendJson("PUT", "/api/records/enrich-topic", created.body(), ADMIN,
                "If-Match", "\"0\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(client.json(updated).path("keywords")).isEqualTo(record.path("keywords"));
    }

    @Test
    void aKeywordAnchoredOnAConceptUriIsBoundAndLabelled() {
        JsonNode record = client.json(client.sendJson("POST", "/api/records", """
                {"id":"enrich-anchor","title":{"fr":"Logements sociaux"},
                 "keywords":[{"uri":"http://data.lillemetropole.fr/thematique/categories/habitat_logement/"},
                             {"label":{"fr":"Logement"}}],
                 "topicCategories":["transportation"]}""", ADMIN));
        JsonNode bound = keywordWithUri(record, CATEGORIES + "habitat_logement");
        assertThat(bound.path("label").path("fr").asString()).isEqualTo("Habitat, logement");
        assertThat(bound.path("thesaurus").path("title").asString()).isEqualTo("Catégories d'usage");
        // it has a category of its own: the topic category mapping does not apply
        assertThat(categoryUris(record)).containsExactly(CATEGORIES + "habitat_logement");
    }

    @Test
    void enrichmentIsIdempotentOnEveryRealRecord() throws IOException {
        IsoReader reader = new IsoReader();
        int checked = 0;
        for (Path file : SharedTestData.isoRecords()) {
            CatalogRecord record;
            try {
                record = reader.read(Files.readAllBytes(file), file.getFileName().toString());
            } catch (RuntimeException unreadable) {
                continue; // the catalog's tests cover unreadable records
            }
            CatalogRecord once = enrich(record);
            assertThat(enrich(once)).as(file.toString()).isEqualTo(once);
            assertThat(once.keywords().stream().filter(k -> k.uri() != null).map(k -> k.uri() + "|" + k.label()))
                    .as(file.toString()).doesNotHaveDuplicates();
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void editorsSetCategoriesThroughTheApi() throws IOException {
        JsonNode record = importIso(MEL);
        String id = record.path("id").asString();
        int otherKeywords = record.path("keywords").size() - 1;
        String path = "/api/records/" + id + "/categories";

        HttpResponse<String> anonymous = client.sendJson("PUT", path, "[\"espace_public\"]", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> bad = client.sendJson("PUT", path, "[\"espace_public\",\"pas_une_categorie\"]", ADMIN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(client.json(bad).path("detail").asString()).contains("pas_une_categorie");
        assertThat(client.sendJson("PUT", path, "{\"a\":1}", ADMIN).statusCode()).isEqualTo(400);

        HttpResponse<String> set = client.sendJson("PUT", path,
                "[\"espace_public\",\"" + CATEGORIES + "habitat_logement\",\"espace_public\"]", ADMIN);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode changed = client.json(set);
        assertThat(categoryUris(changed)).containsExactly(CATEGORIES + "espace_public", CATEGORIES + "habitat_logement");
        assertThat(changed.path("keywords").size()).isEqualTo(otherKeywords + 2);
        String etag = set.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> stale = client.sendJson("PUT", path, "[\"economie_emploi\"]", ADMIN, "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        HttpResponse<String> current = client.sendJson("PUT", path, "[\"economie_emploi\"]", ADMIN, "If-Match", etag);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(categoryUris(client.json(client.get("/api/records/" + id))))
                .containsExactly(CATEGORIES + "economie_emploi");
        assertThat(client.sendJson("PUT", "/api/records/absent/categories", "[]", ADMIN).statusCode()).isEqualTo(404);
    }

    private CatalogRecord enrich(CatalogRecord record) {
        CatalogRecord result = record;
        for (RecordEnricher enricher : enrichers) {
            result = enricher.enrich(result);
        }
        return result;
    }

    private JsonNode importIso(String relative) throws IOException {
        byte[] xml = Files.readAllBytes(SharedTestData.file("iso-metadata/" + relative));
        HttpResponse<String> response = client.send("POST", "/api/records/import", "application/xml", xml, ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = client.json(response);
        String id = report.path("created").size() > 0 ? report.path("created").get(0).asString()
                : report.path("updated").get(0).asString();
        return client.json(client.get("/api/records/" + id));
    }

    private static List<String> categoryUris(JsonNode record) {
        List<String> uris = new ArrayList<>();
        record.path("keywords").forEach(k -> {
            if (k.path("uri").asString("").startsWith(CATEGORIES)) {
                uris.add(k.path("uri").asString());
            }
        });
        return uris;
    }

    private static JsonNode keywordLabelled(JsonNode record, String label) {
        for (JsonNode k : record.path("keywords")) {
            if (k.path("label").toString().contains(label)) {
                return k;
            }
        }
        throw new AssertionError("pas de mot-clé « " + label + " » : " + record.path("keywords"));
    }

    private static JsonNode keywordWithUri(JsonNode record, String uri) {
        for (JsonNode k : record.path("keywords")) {
            if (uri.equals(k.path("uri").asString(""))) {
                return k;
            }
        }
        throw new AssertionError("pas de mot-clé " + uri + " : " + record.path("keywords"));
    }
}
