package fr.mel.opale.search;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.HttpTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Hierarchical usage categories: with a usage-category thesaurus of our own where "Qualité de l'air" sits under
 * "Environnement, énergie" under "Cadre de vie", a parent selects and counts its narrower concepts' records; and
 * replacing the thesaurus re-indexes at once. A context of its own (the replacement changes every record's
 * categories).
 */
@SpringBootTest(classes = SearchTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "opale.test.context=search-categories")
abstract class SearchCategoriesContract {
    static final String CAT = "https://data.lillemetropole.fr/thematique/categories/";

    @LocalServerPort
    int port;

    @Test
    void aParentCategoryIncludesItsNarrowerConcepts() throws IOException {
        HttpTestClient client = new HttpTestClient(port);
        HttpResponse<String> replaced = client.send("PUT", "/api/thesauri/categories", "text/turtle",
                fixture("search/categories-hierarchy.ttl"), ADMIN);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);

        create(client, "cat-air", "Mesures de la qualité de l'air zqv", "qualite_air");
        create(client, "cat-env", "Consommations d'énergie zqv", "environnement_energie");
        create(client, "cat-mob", "Pistes cyclables zqv", "mobilite_transports_deplacement");

        JsonNode top = search(client, "q=zqv&category=" + CAT + "cadre_de_vie");
        assertThat(top.path("total").asLong()).isEqualTo(2);
        JsonNode middle = search(client, "q=zqv&category=" + CAT + "environnement_energie");
        assertThat(middle.path("total").asLong()).isEqualTo(2);
        JsonNode leaf = search(client, "q=zqv&category=" + CAT + "qualite_air");
        assertThat(leaf.path("total").asLong()).isEqualTo(1);

        JsonNode all = search(client, "q=zqv");
        assertThat(SearchApiContract.facet(all, "category")).containsEntry(CAT + "cadre_de_vie", 2L)
                .containsEntry(CAT + "environnement_energie", 2L).containsEntry(CAT + "qualite_air", 1L)
                .containsEntry(CAT + "mobilite_transports_deplacement", 1L);
        assertThat(labels(all)).containsEntry(CAT + "qualite_air", "Qualité de l'air");
        JsonNode air = all.path("results").valueStream().filter(r -> r.path("id").asString().equals("cat-air"))
                .findFirst().orElseThrow();
        assertThat(air.path("categories").get(0).path("uri").asString()).isEqualTo(CAT + "qualite_air");
        assertThat(air.path("categories").get(0).path("label").asString()).isEqualTo("Qualité de l'air");
        JsonNode english = client.json(client.send("GET", "/api/search?q=zqv", null, null, null,
                "Accept-Language", "en"));
        assertThat(labels(english)).containsEntry(CAT + "qualite_air", "Air quality");

        // Moving "Qualité de l'air" under mobility: the index follows the thesaurus at once.
        String moved = new String(fixture("search/categories-hierarchy.ttl"), StandardCharsets.UTF_8)
                .replace("cat:qualite_air a skos:Concept ;\n    skos:inScheme <https://data.lillemetropole.fr/thematique/categories> ;\n    skos:broader cat:environnement_energie",
                        "cat:qualite_air a skos:Concept ;\n    skos:inScheme <https://data.lillemetropole.fr/thematique/categories> ;\n    skos:broader cat:mobilite_transports_deplacement");
        assertThat(moved).contains("skos:broader cat:mobilite_transports_deplacement");
        assertThat(client.send("PUT", "/api/thesauri/categories", "text/turtle",
                moved.getBytes(StandardCharsets.UTF_8), ADMIN).statusCode()).isEqualTo(200);
        assertThat(SearchApiContract.facet(search(client, "q=zqv"), "category"))
                .containsEntry(CAT + "cadre_de_vie", 1L).containsEntry(CAT + "mobilite_transports_deplacement", 2L);
    }

    private static void create(HttpTestClient client, String id, String title, String category) {
        String body = "{\"id\":\"" + id + "\",\"title\":{\"fr\":\"" + title + "\"}}";
        assertThat(client.sendJson("POST", "/api/records", body, ADMIN).statusCode()).isEqualTo(201);
        HttpResponse<String> classified = client.sendJson("PUT", "/api/records/" + id + "/categories",
                "[\"" + category + "\"]", ADMIN);
        assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
    }

    private static JsonNode search(HttpTestClient client, String query) {
        HttpResponse<String> response = client.get("/api/search?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.json(response);
    }

    private static Map<String, String> labels(JsonNode result) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        result.path("facets").path("category").forEach(v -> labels.put(v.path("value").asString(),
                v.path("label").asString()));
        return labels;
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = SearchCategoriesContract.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
