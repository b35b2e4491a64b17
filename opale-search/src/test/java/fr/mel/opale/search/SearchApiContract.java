package fr.mel.opale.search;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.quality.QualityBand;
import fr.mel.opale.search.internal.IndexFollower;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.testing.SharedTestData;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/search} over HTTP on the real shared ISO records, imported once as a ZIP through the catalog API.
 * Expected counts are computed independently from each record's {@code /api/records/{id}} JSON, so facets are
 * checked against the catalog, not against the index itself.
 */
@SpringBootTest(classes = SearchTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchApiContract {
    static final String TRI_LILLE = "n_tri_lill_inondable_s_059";
    static final String CATEGORIES = "https://data.lillemetropole.fr/thematique/categories";
    static final String ENVIRONMENT = CATEGORIES + "/environnement_energie";

    @LocalServerPort
    int port;

    @Autowired
    SearchEngine engine;

    @Autowired
    IndexFollower follower;

    HttpTestClient client;
    /** Every public record's JSON, by id, as the catalog API gives it. */
    Map<String, JsonNode> records;

    @BeforeAll
    void importSharedRecords() {
        client = new HttpTestClient(port);
        byte[] zip = SharedTestData.isoRecordsZip();
        HttpResponse<String> imported = client.send("POST", "/api/records/import", "application/zip", zip, ADMIN);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @BeforeEach
    void readCatalog() {
        client = new HttpTestClient(port);
        records = new LinkedHashMap<>();
        JsonNode list = json(client.get("/api/records?size=500"));
        for (JsonNode item : list.path("items")) {
            String id = item.path("id").asString();
            records.put(id, json(client.get("/api/records/" + encode(id))));
        }
        assertThat(records).containsKey(TRI_LILLE);
    }

    @Test
    void findsInFrenchOnRealRecords() {
        // The TRI Lille record says "Zone inondable"; stemming conflates it with "inondation".
        assertThat(ids("inondation")).contains(TRI_LILLE);
        assertThat(ids("INONDABLES")).contains(TRI_LILLE);
        // "cours d'eau" (elision) and "l'eau épurée" (SPGE stations) are found by "eau".
        assertThat(ids("eau")).contains(TRI_LILLE).anyMatch(id -> title(id).contains("Stations d'épuration"));
        // Accents and case: "debordement" finds "débordement", "aléa" finds "Aléa".
        assertThat(ids("DEBORDEMENT lys")).contains(TRI_LILLE);
        assertThat(ids("\"cours d'eau de la Lys\"")).contains(TRI_LILLE);
        assertThat(ids("\"Lys cours d'eau\"")).doesNotContain(TRI_LILLE);
        assertThat(ids("velo")).anyMatch(id -> title(id).equals("Accroches vélos MEL"));
        // MEL's waste collection record is in "Environnement, énergie": typed without accent, found.
        assertThat(ids("energie")).anyMatch(id -> title(id).startsWith("Zones de collecte de déchets"));
        assertThat(ids("urbanisme")).allMatch(id -> records.containsKey(id)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void neverFailsOnQuerySyntax() {
        for (String q : List.of("title:(a OR \"b", "\"", "*", "((", "-", "AND OR NOT", "\\", "~", "[1 TO *]",
                "{", "!", "/regex/", "a:b:c", "&&||", "💧 eau")) {
            HttpResponse<String> response = client.get("/api/search?q=" + encode(q));
            assertThat(response.statusCode()).as(q + ": " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void countsEveryFacetExactlyAsTheCatalogSays() {
        JsonNode result = search("size=1");
        assertThat(result.path("total").asLong()).isEqualTo(records.size());
        assertFacet(result, "kind", r -> List.of(r.path("kind").asString().toLowerCase(Locale.ROOT)));
        assertFacet(result, "keyword", SearchApiContract::keywords);
        assertFacet(result, "org", r -> optional(organisation(r)));
        assertFacet(result, "geo", r -> List.of(Boolean.toString(geographic(r))));
        assertFacet(result, "frequency", r -> optional(text(r.path("updateFrequency"))));
        // MEL's usage categories are flat: a record's categories are its keywords bound to their concepts.
        assertFacet(result, "category", SearchApiContract::categories);
        assertThat(facet(result, "category")).isNotEmpty();
        assertThat(labels(result, "category")).containsEntry(ENVIRONMENT, "Environnement, énergie");
        // Formats and licences are normalised by search: each count is what filtering on it returns.
        for (String facet : List.of("format", "license", "thesaurus")) {
            for (JsonNode value : result.path("facets").path(facet)) {
                JsonNode filtered = search(facet + "=" + encode(value.path("value").asString()) + "&size=1");
                assertThat(filtered.path("total").asLong()).as(facet + " " + value).isEqualTo(value.path("count").asLong());
            }
            assertThat(result.path("facets").path(facet)).as(facet).isNotEmpty();
        }
    }

    @Test
    void facetsAndSortsByQualityScore() {
        Map<String, Integer> scores = new HashMap<>();
        for (String id : records.keySet()) {
            HttpResponse<String> quality = client.get("/api/records/" + encode(id) + "/quality");
            if (quality.statusCode() == 200) {
                scores.put(id, json(quality).path("score").asInt());
            }
        }
        assertThat(scores).as("the shared records are scored").isNotEmpty();
        Map<String, Long> bands = new HashMap<>();
        scores.values().forEach(score -> bands.merge(QualityBand.of(score).name().toLowerCase(Locale.ROOT), 1L,
                Long::sum));
        JsonNode result = search("size=100&sort=score");
        assertThat(facet(result, "quality")).isEqualTo(bands);
        assertThat(labels(result, "quality")).containsValue("Bonne").doesNotContainValue("good");
        List<Integer> ordered = results(result).stream().filter(r -> r.path("score").isNumber())
                .map(r -> r.path("score").asInt()).toList();
        assertThat(ordered).hasSize(scores.size()).isSortedAccordingTo((x, y) -> y - x);
        results(result).stream().filter(r -> r.path("score").isNumber()).forEach(r -> {
            assertThat(r.path("score").asInt()).isEqualTo(scores.get(r.path("id").asString()));
            assertThat(r.path("band").asString()).isEqualTo(QualityBand.of(r.path("score").asInt()).name()
                    .toLowerCase(Locale.ROOT));
        });
        String band = bands.keySet().iterator().next();
        assertThat(search("quality=" + band + "&size=1").path("total").asLong()).isEqualTo(bands.get(band));
    }

    @Test
    void orWithinAFacetAndAcrossFacetsWithMultiSelectCounts() {
        Map<String, Long> byOrg = expected(r -> optional(organisation(r)));
        List<String> orgs = byOrg.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(2).map(Map.Entry::getKey).toList();
        String a = orgs.get(0);
        String b = orgs.get(1);
        JsonNode one = search("org=" + encode(a));
        assertThat(one.path("total").asLong()).isEqualTo(byOrg.get(a));
        // Its own facet ignores its selection: B still counts what choosing it too would add.
        assertThat(facet(one, "org")).containsEntry(b, byOrg.get(b)).containsEntry(a, byOrg.get(a));
        assertThat(facet(one, "kind")).isEqualTo(expected(r -> a.equals(organisation(r))
                ? List.of(kind(r)) : List.of()));

        JsonNode both = search("org=" + encode(a) + "&org=" + encode(b));
        assertThat(both.path("total").asLong()).isEqualTo(byOrg.get(a) + byOrg.get(b));

        Map<String, Long> kindsOfBoth = expected(r -> orgs.contains(organisation(r)) ? List.of(kind(r)) : List.of());
        String kind = kindsOfBoth.keySet().iterator().next();
        JsonNode and = search("org=" + encode(a) + "&org=" + encode(b) + "&kind=" + kind);
        assertThat(and.path("total").asLong()).isEqualTo(kindsOfBoth.get(kind));
        assertThat(facet(and, "kind")).isEqualTo(kindsOfBoth);
        assertThat(facet(and, "org")).containsEntry(a, count(r -> a.equals(organisation(r)) && kind.equals(kind(r))));
    }

    @Test
    void filtersByBox() {
        Set<String> lille = intersecting(2.9, 50.5, 3.3, 50.8);
        assertThat(lille).as("shared records around Lille").isNotEmpty();
        assertThat(allIds("bbox=2.9,50.5,3.3,50.8")).containsExactlyInAnyOrderElementsOf(lille);
        Set<String> atlantic = intersecting(-30, -10, -29, -9);
        assertThat(atlantic).hasSizeLessThan(lille.size());
        assertThat(allIds("bbox=-30,-10,-29,-9")).containsExactlyInAnyOrderElementsOf(atlantic);
    }

    /** Records whose box (from the catalog JSON; none crosses the antimeridian) intersects this one. */
    private Set<String> intersecting(double west, double south, double east, double north) {
        Set<String> expected = new HashSet<>();
        records.forEach((id, r) -> {
            JsonNode box = r.path("spatialExtent").path("bbox");
            if (box.isObject() && box.path("west").asDouble() <= east && box.path("east").asDouble() >= west
                    && box.path("south").asDouble() <= north && box.path("north").asDouble() >= south) {
                expected.add(id);
            }
        });
        return expected;
    }

    @Test
    void sortsAndPagesWithExactTotals() {
        List<JsonNode> byTitle = results(search("sort=title&size=100"));
        List<String> titles = byTitle.stream().map(r -> fold(r.path("title").asString())).toList();
        assertThat(titles).isSortedAccordingTo(String::compareTo);

        List<JsonNode> byModified = results(search("size=100"));
        List<Instant> modified = byModified.stream().map(r -> Instant.parse(r.path("modified").asString())).toList();
        assertThat(modified).isSortedAccordingTo((x, y) -> y.compareTo(x));

        Set<String> seen = new HashSet<>();
        for (int page = 0; page * 7 < records.size(); page++) {
            JsonNode result = search("size=7&sort=title&page=" + page);
            assertThat(result.path("total").asLong()).isEqualTo(records.size());
            results(result).forEach(r -> assertThat(seen.add(r.path("id").asString())).isTrue());
        }
        assertThat(seen).isEqualTo(records.keySet());
        assertThat(results(search("size=7&page=1000"))).isEmpty();
    }

    @Test
    void hidesClosedRecordsFromAnonymousTotalsAndFacets() {
        String body = """
                {"id":"search-secret-zqxw","title":{"fr":"Fiche confidentielle zqxw"},
                 "keywords":[{"label":{"fr":"MotCléSecretZqxw"}}],
                 "publisher":{"name":"Organisation secrète Zqxw"}}""";
        assertThat(client.sendJson("POST", "/api/records?visibility=RESTRICTED", body, ADMIN).statusCode())
                .isEqualTo(201);
        try {
            JsonNode anonymous = search("size=1");
            assertThat(anonymous.path("total").asLong()).isEqualTo(records.size());
            assertThat(facet(anonymous, "keyword")).doesNotContainKey("MotCléSecretZqxw");
            assertThat(facet(anonymous, "org")).doesNotContainKey("Organisation secrète Zqxw");
            assertThat(search("q=zqxw").path("total").asLong()).isZero();
            assertThat(search("org=" + encode("Organisation secrète Zqxw")).path("total").asLong()).isZero();
            assertThat(json(client.get("/api/search/suggest?q=confidentielle")).toString()).doesNotContain("zqxw");

            JsonNode admin = json(client.get("/api/search?size=1", ADMIN));
            assertThat(admin.path("total").asLong()).isEqualTo(records.size() + 1);
            assertThat(facet(admin, "org")).containsEntry("Organisation secrète Zqxw", 1L);
            assertThat(json(client.get("/api/search?q=zqxw", ADMIN)).path("total").asLong()).isEqualTo(1);
        } finally {
            client.send("DELETE", "/api/records/search-secret-zqxw", null, null, ADMIN);
        }
    }

    @Test
    void followsCreateUpdateDeleteAndImportAtOnce() {
        String body = "{\"id\":\"search-follow-1\",\"title\":{\"fr\":\"Piscines municipales kwyx\"}}";
        HttpResponse<String> created = client.sendJson("POST", "/api/records", body, ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(ids("kwyx")).containsExactly("search-follow-1");

        String etag = created.headers().firstValue("ETag").orElseThrow();
        String changed = "{\"id\":\"search-follow-1\",\"title\":{\"fr\":\"Patinoires métropolitaines kwyx\"}}";
        assertThat(client.sendJson("PUT", "/api/records/search-follow-1", changed, ADMIN, "If-Match", etag)
                .statusCode()).isEqualTo(200);
        assertThat(ids("piscine kwyx")).isEmpty();
        assertThat(ids("patinoire kwyx")).containsExactly("search-follow-1");

        assertThat(client.send("DELETE", "/api/records/search-follow-1", null, null, ADMIN).statusCode())
                .isEqualTo(204);
        assertThat(ids("kwyx")).isEmpty();

        String iso = """
                <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">
                  <gmd:fileIdentifier><gco:CharacterString>search-import-kwyx</gco:CharacterString></gmd:fileIdentifier>
                  <gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>
                    <gmd:title><gco:CharacterString>Bornes de recharge kwyx</gco:CharacterString></gmd:title>
                  </gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>
                </gmd:MD_Metadata>""";
        assertThat(client.send("POST", "/api/records/import", "application/xml",
                iso.getBytes(StandardCharsets.UTF_8), ADMIN).statusCode()).isEqualTo(200);
        try {
            assertThat(ids("borne recharge kwyx")).containsExactly("search-import-kwyx");
        } finally {
            client.send("DELETE", "/api/records/search-import-kwyx", null, null, ADMIN);
        }
        assertThat(ids("kwyx")).isEmpty();
    }

    @Test
    void rebuildsOnRequestAtStartWhenTheIndexLagsAndAfterRescoring() {
        assertThat(client.send("POST", "/api/search/reindex", null, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> rebuilt = client.send("POST", "/api/search/reindex", null, null, ADMIN);
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(json(rebuilt).path("indexed").asLong()).isEqualTo(records.size());

        engine.clear();
        assertThat(search("size=1").path("total").asLong()).isZero();
        follower.synchronizeAtStart();
        assertThat(search("size=1").path("total").asLong()).isEqualTo(records.size());
        assertThat(ids("inondation")).contains(TRI_LILLE);
        assertThat(json(client.get("/actuator/health")).path("status").asString()).isEqualTo("UP");

        // Re-scoring every record re-indexes everything (QualityRescored).
        engine.clear();
        HttpResponse<String> rescored = client.send("POST", "/api/quality/rescore", null, null, ADMIN);
        assertThat(rescored.statusCode()).as(rescored.body()).isEqualTo(200);
        assertThat(search("size=1").path("total").asLong()).isEqualTo(records.size());
    }

    @Test
    void unknownFilterValuesGiveEmptyResults() {
        for (String filter : List.of("category=https://nulle.part/x", "keyword=inexistant", "org=Personne",
                "kind=licorne", "format=XYZ", "license=aucune", "geo=peut-etre", "frequency=jamais",
                "quality=parfaite", "thesaurus=x|y")) {
            HttpResponse<String> response = client.get("/api/search?" + filter.replace("|", "%7C"));
            assertThat(response.statusCode()).as(filter).isEqualTo(200);
            assertThat(json(response).path("total").asLong()).as(filter).isZero();
        }
    }

    @Test
    void refusesMalformedParametersWithAFrenchProblem() {
        for (String query : List.of("bbox=a,b,c,d", "bbox=1,2,3", "bbox=0,60,1,50", "bbox=0,0,200,1",
                "bbox=NaN,0,1,1", "page=-1", "page=x", "size=0", "size=101", "size=dix", "sort=hasard")) {
            HttpResponse<String> response = client.get("/api/search?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(json(response).path("detail").asString()).as(query).isNotBlank()
                    .containsAnyOf("emprise", "page", "Ordre", "taille");
        }
    }

    @Test
    void suggestsTitlesAndKeywords() {
        JsonNode suggestions = json(client.get("/api/search/suggest?q=" + encode("accroch")));
        assertThat(suggestions).anySatisfy(s -> assertThat(s.path("text").asString()).isEqualTo("Accroches vélos MEL"));
        assertThat(json(client.get("/api/search/suggest?q=" + encode("zones de col"))))
                .anySatisfy(s -> assertThat(s.path("text").asString()).startsWith("Zones de collecte"));
        assertThat(json(client.get("/api/search/suggest?q=a")).size()).isLessThanOrEqualTo(10);
    }

    @Test
    void labelsInFrenchOrEnglish() {
        JsonNode french = search("size=1");
        assertThat(labels(french, "kind")).containsEntry("dataset", "Jeu de données");
        assertThat(labels(french, "geo")).containsEntry("true", "Géographique");
        JsonNode english = json(client.send("GET", "/api/search?size=1", null, null, null, "Accept-Language", "en"));
        assertThat(labels(english, "kind")).containsEntry("dataset", "Dataset");
        assertThat(results(search("q=" + encode("inondation")))).anySatisfy(r -> {
            assertThat(r.path("id").asString()).isEqualTo(TRI_LILLE);
            assertThat(r.path("kindLabel").asString()).isEqualTo("Jeu de données");
            assertThat(r.path("description").asString()).hasSizeLessThanOrEqualTo(301).doesNotContain("**");
        });
    }

    @Test
    void documentsTheApi() {
        JsonNode openapi = json(client.get("/v3/api-docs"));
        JsonNode parameters = openapi.path("paths").path("/api/search").path("get").path("parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> {
            names.add(p.path("name").asString());
            assertThat(p.path("description").asString()).isNotBlank();
        });
        assertThat(names).contains("q", "category", "keyword", "org", "kind", "format", "license", "geo", "bbox",
                "quality", "sort", "page", "size");
    }

    // --- expectations computed from the catalog's JSON ----------------------------------------------------------

    private void assertFacet(JsonNode result, String facet, Function<JsonNode, List<String>> values) {
        Map<String, Long> expected = expected(values);
        Map<String, Long> actual = facet(result, facet);
        actual.forEach((value, count) -> assertThat(count).as(facet + " « " + value + " »").isEqualTo(expected.get(value)));
        int max = Facet.ofParameter(facet).orElseThrow().maxValues();
        assertThat(actual).as(facet).hasSize(Math.min(max, expected.size()));
    }

    private Map<String, Long> expected(Function<JsonNode, List<String>> values) {
        Map<String, Long> counts = new HashMap<>();
        records.values().forEach(r -> new HashSet<>(values.apply(r)).forEach(v -> counts.merge(v, 1L, Long::sum)));
        return counts;
    }

    private long count(java.util.function.Predicate<JsonNode> test) {
        return records.values().stream().filter(test).count();
    }

    private static List<String> keywords(JsonNode record) {
        List<String> labels = new ArrayList<>();
        for (JsonNode keyword : record.path("keywords")) {
            var fields = keyword.path("label").properties().iterator();
            if (fields.hasNext()) {
                String label = fields.next().getValue().asString().strip().replaceAll("\\s+", " ");
                labels.add(label.length() > 200 ? label.substring(0, 200) : label);
            }
        }
        return labels;
    }

    private static List<String> categories(JsonNode record) {
        List<String> categories = new ArrayList<>();
        for (JsonNode keyword : record.path("keywords")) {
            // Concept URIs of the scheme, however the record cites the thesaurus (MEL's records cite its registry).
            if (keyword.path("uri").asString("").startsWith(CATEGORIES + "/")) {
                categories.add(keyword.path("uri").asString());
            }
        }
        return categories;
    }

    private static String organisation(JsonNode record) {
        String publisher = text(record.path("publisher").path("name"));
        if (publisher != null) {
            return publisher;
        }
        for (JsonNode contact : record.path("contacts")) {
            String name = text(contact.path("organisationName"));
            if ("RESOURCE".equals(contact.path("scope").asString()) && name != null) {
                return name;
            }
        }
        return null;
    }

    private static boolean geographic(JsonNode record) {
        return record.path("spatialExtent").path("bbox").isObject()
                || text(record.path("spatialExtent").path("geometry")) != null;
    }

    private static String kind(JsonNode record) {
        return record.path("kind").asString().toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString().strip().replaceAll("\\s+", " ") : null;
    }

    private static List<String> optional(String value) {
        return value == null ? List.of() : List.of(value);
    }

    // --- HTTP helpers -----------------------------------------------------------------------------------------

    private JsonNode search(String query) {
        HttpResponse<String> response = client.get("/api/search?" + query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    private List<String> ids(String q) {
        return results(search("size=100&q=" + encode(q))).stream().map(r -> r.path("id").asString()).toList();
    }

    private Set<String> allIds(String query) {
        return new HashSet<>(results(search("size=100&" + query)).stream().map(r -> r.path("id").asString()).toList());
    }

    private String title(String id) {
        JsonNode record = records.get(id);
        return record == null ? "" : record.path("title").properties().iterator().next().getValue().asString();
    }

    private static List<JsonNode> results(JsonNode result) {
        List<JsonNode> list = new ArrayList<>();
        result.path("results").forEach(list::add);
        return list;
    }

    static Map<String, Long> facet(JsonNode result, String facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        result.path("facets").path(facet).forEach(v -> counts.put(v.path("value").asString(), v.path("count").asLong()));
        return counts;
    }

    private static Map<String, String> labels(JsonNode result, String facet) {
        Map<String, String> labels = new LinkedHashMap<>();
        result.path("facets").path(facet).forEach(v -> labels.put(v.path("value").asString(), v.path("label").asString()));
        return labels;
    }

    private static String fold(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return folded.length() > 200 ? folded.substring(0, 200) : folded;
    }

    JsonNode json(HttpResponse<String> response) {
        return client.json(response);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
