package fr.mel.opale.thesaurus.api;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.testing.SharedTestData;
import fr.mel.opale.thesaurus.SkosExpectations;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.thesaurus.ThesaurusChanged;
import fr.mel.opale.thesaurus.ThesaurusTestApplication;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /api/thesauri} contract over real HTTP and a real database (H2 and PostGIS subclasses). Contexts, hence
 * databases, are shared between test classes: each test imports under its own ids and deletes what it imported.
 */
@SpringBootTest(classes = {ThesaurusTestApplication.class, ThesaurusApiContract.Listener.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ThesaurusApiContract {
    static final String CATEGORIES = "https://data.lillemetropole.fr/thematique/categories/";
    static final String SMALL = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <http://ex.org/%1$s> a skos:ConceptScheme ; skos:prefLabel "Essai %1$s"@fr .
            <http://ex.org/%1$s/a> a skos:Concept ; skos:inScheme <http://ex.org/%1$s> ; skos:prefLabel "Alpha"@fr ;
                skos:topConceptOf <http://ex.org/%1$s> .
            <http://ex.org/%1$s/b> a skos:Concept ; skos:inScheme <http://ex.org/%1$s> ; skos:prefLabel "Bêta"@fr ;
                skos:broader <http://ex.org/%1$s/a> .
            """;

    @LocalServerPort
    int port;
    HttpTestClient client;
    @Autowired
    Listener listener;
    @Autowired
    Thesauri thesauri;
    @Autowired
    fr.mel.opale.access.AccessPolicy policy;

    /** Records, for each ThesaurusChanged seen after commit, the concept count {@link Thesauri} reports then. */
    @TestConfiguration
    static class Listener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        @Autowired
        Thesauri thesauri;

        @TransactionalEventListener
        void on(ThesaurusChanged event) {
            seen.add(event.thesaurusId() + "=" + thesauri.find(event.thesaurusId()).map(s -> s.conceptCount())
                    .orElse(-1));
        }
    }

    @BeforeEach
    void client() {
        client = new HttpTestClient(port);
    }

    @Test
    void shipsMelUsageCategoriesByDefault() {
        JsonNode list = client.json(client.get("/api/thesauri"));
        JsonNode first = list.get(0);
        assertThat(first.path("id").asString()).isEqualTo("categories");
        assertThat(first.path("usageCategories").asBoolean()).isTrue();
        assertThat(first.path("schemeUri").asString()).isEqualTo(Thesauri.USAGE_CATEGORIES_SCHEME);
        assertThat(first.path("titles").path("fr").asString()).isEqualTo("Catégories d'usage");
        assertThat(first.path("titles").path("en").asString()).isEqualTo("Usage categories");
        assertThat(first.path("conceptCount").asInt()).isEqualTo(11);

        HttpResponse<String> response = client.get("/api/thesauri/categories/concepts");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode concepts = client.json(response);
        assertThat(concepts).hasSize(11);
        List<String> uris = new ArrayList<>();
        concepts.forEach(c -> uris.add(c.path("uri").asString()));
        assertThat(uris).containsExactlyInAnyOrder(
                CATEGORIES + "administration_action_publique", CATEGORIES + "amenagement_urbanisme_foncier",
                CATEGORIES + "culture_tourisme_sport", CATEGORIES + "economie_emploi",
                CATEGORIES + "education_formation_enseignement", CATEGORIES + "environnement_energie",
                CATEGORIES + "espace_public", CATEGORIES + "habitat_logement",
                CATEGORIES + "mobilite_transports_deplacement", CATEGORIES + "participation_citoyenne_democratie_locale",
                CATEGORIES + "services_social_sante");
        JsonNode economy = find(concepts, CATEGORIES + "economie_emploi");
        assertThat(economy.path("prefLabels").path("fr").asString()).isEqualTo("Économie, emploi");
        assertThat(economy.path("prefLabels").path("en").asString()).isEqualTo("Economy, employment");
        assertThat(economy.path("notation").asString()).isEqualTo("economie_emploi");
        assertThat(economy.path("narrowerCount").asInt()).isZero();
        assertThat(find(concepts, CATEGORIES + "amenagement_urbanisme_foncier").path("prefLabels").path("fr")
                .asString()).isEqualTo("Aménagement, urbanisme, foncier");
        // French alphabetical order: "Économie" sorts with the E's, after "Culture"
        assertThat(concepts.get(0).path("prefLabels").path("fr").asString()).isEqualTo("Administration, action publique");
        assertThat(concepts.get(3).path("prefLabels").path("fr").asString()).isEqualTo("Économie, emploi");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "eu-data-theme-skos.rdf, http://publications.europa.eu/resource/authority/data-theme, t-eu",
            "gemet-theme.rdf, http://geonetwork-opensource.org/gemet-theme, t-gemet",
            "inspire-theme.rdf, http://inspire.ec.europa.eu/theme, t-inspire",
            "themes-ecospheres.rdf, http://registre/ecospheres/themes-ecospheres, t-ecospheres"})
    void importsEverySharedThesaurusAndBrowsesItsHierarchy(String name, String scheme, String id) throws IOException {
        Path file = SharedTestData.file("thesauri/" + name);
        SkosExpectations expected = SkosExpectations.of(file, scheme);
        HttpResponse<String> created = client.send("POST", "/api/thesauri?id=" + id, "application/rdf+xml",
                Files.readAllBytes(file), ADMIN);
        try {
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).hasValue("/api/thesauri/" + id);
            JsonNode summary = client.json(created);
            assertThat(summary.path("schemeUri").asString()).isEqualTo(scheme);
            assertThat(summary.path("conceptCount").asInt()).isEqualTo(expected.concepts.size());
            assertThat(summary.path("format").asString()).isEqualTo("rdfxml");

            // Walk the whole tree through the API: every concept reached once, every broader link seen.
            Set<String> reached = new HashSet<>();
            Set<String> pairs = new HashSet<>();
            walk(id, null, reached, pairs);
            assertThat(reached).isEqualTo(expected.concepts);
            assertThat(pairs).isEqualTo(expected.broaderPairs);
        } finally {
            client.send("DELETE", "/api/thesauri/" + id, null, null, ADMIN);
        }
        assertThat(client.get("/api/thesauri/" + id).statusCode()).isEqualTo(404);
    }

    private void walk(String id, String parent, Set<String> reached, Set<String> pairs) {
        String path = "/api/thesauri/" + id + "/concepts"
                + (parent == null ? "" : "?parent=" + URLEncoder.encode(parent, StandardCharsets.UTF_8));
        for (JsonNode concept : client.json(client.get(path))) {
            String uri = concept.path("uri").asString();
            if (parent != null) {
                pairs.add(uri + ">" + parent);
            }
            assertThat(concept.path("narrowerCount").asInt()).isEqualTo(concept.path("narrower").size());
            if (reached.add(uri) || parent != null) {
                if (concept.path("narrowerCount").asInt() > 0) {
                    walk(id, uri, reached, pairs);
                }
            }
        }
    }

    @Test
    void replacesAtomicallyAndRefusesBadFilesLeavingTheThesaurusUntouched() {
        String id = "t-replace";
        assertThat(post(id, SMALL.formatted(id)).statusCode()).isEqualTo(201);
        try {
            HttpResponse<String> notSkos = put(id, "text/turtle",
                    "<http://ex.org/x> <http://purl.org/dc/terms/title> \"Pas un thésaurus\" .");
            assertThat(notSkos.statusCode()).isEqualTo(400);
            assertThat(notSkos.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(client.json(notSkos).path("detail").asString()).contains("aucun concept SKOS");

            HttpResponse<String> malformed = put(id, "text/turtle", "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                    + "<http://ex.org/a> a skos:Concept ;\n  skos:prefLabel \"x\"@fr ,, .");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(client.json(malformed).path("detail").asString()).contains("Turtle mal formé").contains("ligne 3");

            HttpResponse<String> xxe = put(id, "application/rdf+xml", """
                    <?xml version="1.0"?>
                    <!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                             xmlns:skos="http://www.w3.org/2004/02/skos/core#">
                      <skos:Concept rdf:about="http://ex.org/z"><skos:prefLabel>&xxe;</skos:prefLabel></skos:Concept>
                    </rdf:RDF>""");
            assertThat(xxe.statusCode()).isEqualTo(400);
            assertThat(client.json(xxe).path("detail").asString()).contains("entités").doesNotContain("root:");

            JsonNode untouched = client.json(client.get("/api/thesauri/" + id));
            assertThat(untouched.path("conceptCount").asInt()).isEqualTo(2);
            assertThat(client.json(client.get("/api/thesauri/" + id + "/concepts"))).hasSize(1);

            listener.seen.clear();
            String bigger = SMALL.formatted(id) + "<http://ex.org/" + id + "/c> a <http://www.w3.org/2004/02/skos/core#Concept> ;"
                    + " <http://www.w3.org/2004/02/skos/core#prefLabel> \"Gamma\"@fr .";
            HttpResponse<String> replaced = put(id, "text/turtle", bigger);
            assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            assertThat(client.json(replaced).path("conceptCount").asInt()).isEqualTo(3);
            // After-commit listeners already see the new content
            assertThat(listener.seen).containsExactly(id + "=3");
            JsonNode top = client.json(client.get("/api/thesauri/" + id + "/concepts"));
            assertThat(top).extracting(c -> c.path("prefLabels").path("fr").asString()).containsExactly("Alpha", "Gamma");
            JsonNode children = client.json(client.get("/api/thesauri/" + id + "/concepts?parent="
                    + URLEncoder.encode("http://ex.org/" + id + "/a", StandardCharsets.UTF_8)));
            assertThat(children).extracting(c -> c.path("prefLabels").path("fr").asString()).containsExactly("Bêta");
            JsonNode concept = client.json(client.get("/api/thesauri/" + id + "/concept?uri="
                    + URLEncoder.encode("http://ex.org/" + id + "/b", StandardCharsets.UTF_8)));
            assertThat(concept.path("broader").get(0).asString()).isEqualTo("http://ex.org/" + id + "/a");
        } finally {
            client.send("DELETE", "/api/thesauri/" + id, null, null, ADMIN);
        }
    }

    @Test
    void theJavaApiAnswersHierarchyAndUsageCategoryQuestions() throws IOException {
        Path file = SharedTestData.file("thesauri/themes-ecospheres.rdf");
        SkosExpectations expected = SkosExpectations.of(file, "http://registre/ecospheres/themes-ecospheres");
        policy.asPlatform(() -> thesauri.create(read(file), fr.mel.opale.thesaurus.SkosFormat.RDF_XML, "t-java"));
        try {
            java.util.Map<String, Set<String>> parents = new java.util.HashMap<>();
            expected.broaderPairs.forEach(p -> parents.computeIfAbsent(p.substring(0, p.indexOf('>')),
                    k -> new HashSet<>()).add(p.substring(p.indexOf('>') + 1)));
            int deepest = 0;
            for (String uri : expected.concepts) {
                Set<String> ancestors = new HashSet<>();
                java.util.Deque<String> todo = new java.util.ArrayDeque<>(parents.getOrDefault(uri, Set.of()));
                while (!todo.isEmpty()) {
                    String next = todo.pop();
                    if (ancestors.add(next)) {
                        todo.addAll(parents.getOrDefault(next, Set.of()));
                    }
                }
                List<String> actual = thesauri.broaderTransitive(uri);
                assertThat(actual).as(uri).containsExactlyInAnyOrderElementsOf(ancestors);
                if (!actual.isEmpty()) {
                    assertThat(parents.get(uri)).contains(actual.get(0)); // nearest first
                }
                deepest = Math.max(deepest, actual.size());
            }
            assertThat(deepest).isGreaterThanOrEqualTo(1);
            assertThat(thesauri.broaderTransitive("http://ex.org/unknown")).isEmpty();
            fr.mel.opale.thesaurus.Concept change = thesauri.concept(
                    "http://registre/ecospheres/themes-ecospheres/changement-climatique").orElseThrow();
            assertThat(change.thesaurusId()).isEqualTo("t-java");
            assertThat(change.label("de")).isEqualTo("Changement climatique"); // falls back to French
            assertThat(thesauri.isUsageCategory(change.uri())).isFalse();
        } finally {
            policy.asPlatform(() -> {
                thesauri.delete("t-java");
                return null;
            });
        }
        assertThat(thesauri.concept("http://registre/ecospheres/themes-ecospheres/changement-climatique")).isEmpty();

        List<fr.mel.opale.thesaurus.Concept> usage = thesauri.usageCategories();
        assertThat(usage).hasSize(11).allMatch(c -> thesauri.isUsageCategory(c.uri()));
        assertThat(usage.get(0).label("fr")).isEqualTo("Administration, action publique");
        assertThat(usage.get(usage.size() - 1).label("en")).isEqualTo("Services, social affairs, health");
        assertThat(thesauri.isUsageCategory(CATEGORIES + "espace_public")).isTrue();
        assertThat(thesauri.usageCategory("espace_public")).map(c -> c.uri()).hasValue(CATEGORIES + "espace_public");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void writesNeedAnAdministrator() {
        byte[] body = SMALL.formatted("t-anon").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> post = client.send("POST", "/api/thesauri", "text/turtle", body, null);
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(client.send("PUT", "/api/thesauri/categories", "text/turtle", body, null).statusCode()).isEqualTo(401);
        assertThat(client.send("DELETE", "/api/thesauri/categories", null, null, null).statusCode()).isEqualTo(401);
        assertThat(client.get("/api/thesauri/t-anon").statusCode()).isEqualTo(404);
    }

    @Test
    void theUsageCategoriesCannotBeDeletedAndDuplicatesAreRefused() {
        HttpResponse<String> delete = client.send("DELETE", "/api/thesauri/categories", null, null, ADMIN);
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(client.json(delete).path("detail").asString()).contains("catégories d'usage");
        assertThat(client.json(client.get("/api/thesauri/categories")).path("conceptCount").asInt()).isEqualTo(11);

        assertThat(post("t-dup", SMALL.formatted("t-dup")).statusCode()).isEqualTo(201);
        try {
            assertThat(post("t-dup", SMALL.formatted("t-dup2")).statusCode()).isEqualTo(409);
            HttpResponse<String> sameScheme = post("t-dup3", SMALL.formatted("t-dup"));
            assertThat(sameScheme.statusCode()).isEqualTo(409);
            assertThat(client.json(sameScheme).path("detail").asString()).contains("t-dup");
            assertThat(post("Pas Un Slug", SMALL.formatted("t-slug")).statusCode()).isEqualTo(400);
        } finally {
            client.send("DELETE", "/api/thesauri/t-dup", null, null, ADMIN);
        }
        HttpResponse<String> wrongType = client.send("POST", "/api/thesauri", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(client.get("/api/thesauri/nope").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/thesauri/categories/concepts?parent=http://ex.org/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void derivesTheIdFromTheSchemeWhenNoneIsGiven() {
        HttpResponse<String> created = client.send("POST", "/api/thesauri", "text/turtle",
                SMALL.formatted("t-derived").getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(client.json(created).path("id").asString()).isEqualTo("t-derived");
        client.send("DELETE", "/api/thesauri/t-derived", null, null, ADMIN);
    }

    private HttpResponse<String> post(String id, String turtle) {
        return client.send("POST", "/api/thesauri?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8), "text/turtle",
                turtle.getBytes(StandardCharsets.UTF_8), ADMIN);
    }

    private HttpResponse<String> put(String id, String type, String body) {
        return client.send("PUT", "/api/thesauri/" + id, type, body.getBytes(StandardCharsets.UTF_8), ADMIN);
    }

    private static JsonNode find(JsonNode concepts, String uri) {
        for (JsonNode c : concepts) {
            if (c.path("uri").asString().equals(uri)) {
                return c;
            }
        }
        throw new AssertionError("absent : " + uri);
    }
}
