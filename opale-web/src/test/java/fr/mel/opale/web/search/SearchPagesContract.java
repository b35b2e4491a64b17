package fr.mel.opale.web.search;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.testing.SharedTestData;
import fr.mel.opale.web.WebTestApplication;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The search pages over HTTP, on the real shared ISO records (imported as a ZIP through the catalog API) and the
 * default usage categories. Every count a page shows is checked against {@code /api/search}, which
 * opale-search's own tests check against the catalog. Plain GETs: this is also the path without JavaScript.
 *
 * <p>A context of its own ({@code properties}): the imported records would change the totals other page tests
 * assert. {@link SearchBrowserTest} shares it.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = SearchPagesContract.CONTEXT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchPagesContract {
    static final String CONTEXT = "opale.test.context=search-pages";
    static final String CATEGORIES = "https://data.lillemetropole.fr/thematique/categories";
    /** A facet checkbox and its label: name, value, checked, count. */
    private static final Pattern CHECKBOX = Pattern.compile("<input type=\"checkbox\" class=\"facet-input\" "
            + "id=\"[^\"]+\" name=\"([^\"]+)\" value=\"([^\"]*)\"( checked)?>\\s*<label for=\"[^\"]+\"><a href=\"[^\"]*\" "
            + "tabindex=\"-1\">[^<]*</a> <span class=\"facet-count\">\\((\\d+)\\)</span></label>");
    private static final Pattern TOTAL = Pattern.compile(
            "<h2 id=\"results-heading\" class=\"results-count\" tabindex=\"-1\">([^<]*)</h2>");
    private static final Pattern CARD_LINK = Pattern.compile("<h3 class=\"card-title\"><a href=\"/catalogue/([^\"]+)\">");
    private static final Pattern FILTER_LINK = Pattern.compile(
            "href=\"(/catalogue\\?(category|keyword|org|format)=[^\"&]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    HttpTestClient client;

    @BeforeAll
    void importSharedRecords() {
        client = new HttpTestClient(port);
        importOnce(client);
    }

    /** Imports the shared records unless this context already has them ({@link SearchBrowserTest} shares it). */
    static void importOnce(HttpTestClient client) {
        if (client.json(client.get("/api/search?size=1")).path("total").asLong() > 0) {
            return;
        }
        HttpResponse<String> imported = client.send("POST", "/api/records/import", "application/zip",
                SharedTestData.isoRecordsZip(), ADMIN);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void facetPanelShowsEveryFacetWithTheCountsOfTheApi() {
        String html = page("/catalogue");
        JsonNode api = api("size=1");
        assertThat(total(html)).isEqualTo(api.path("total").asLong()).isPositive();
        Map<String, Map<String, Long>> shown = checkboxes(html);
        for (String facet : List.of("category", "keyword", "org", "kind", "format", "license", "geo", "frequency",
                "quality")) {
            assertThat(shown.get(facet)).as(facet + " in the panel").isEqualTo(counts(api, facet)).isNotEmpty();
        }
        // thesauri other than the usage categories, one group each; the counts are the API's
        Map<String, Long> thesauri = counts(api, "thesaurus");
        assertThat(shown.get("thesaurus")).isNotEmpty();
        shown.get("thesaurus").forEach((value, count) -> assertThat(thesauri).containsEntry(value, count));
        assertThat(shown.get("thesaurus").keySet()).noneMatch(value -> value.startsWith(CATEGORIES + "|"));
        assertThat(html).contains("<legend>Catégorie d’usage</legend>", "<legend>Mot-clé</legend>",
                "<legend>Qualité des métadonnées</legend>", "<h3 class=\"facets-subheading\">Mots-clés par thésaurus</h3>",
                "<legend class=\"visually-hidden\">Thésaurus : ", "<p class=\"to-results\"><a href=\"#results-heading\">",
                "<button type=\"submit\" class=\"button facets-submit\">Filtrer</button>",
                "<summary>Voir plus (", "<fieldset class=\"facet\"", "<option value=\"score\">Qualité des métadonnées</option>",
                "<option value=\"modified\" selected>Date de modification</option>",
                "<option value=\"20\" selected>20</option>");
    }

    @Test
    void oneValueFiltersTwoValuesOfAFacetAddUpTwoFacetsNarrowDown() {
        List<Map.Entry<String, Long>> categories = new ArrayList<>(counts(api("size=1"), "category").entrySet());
        assertThat(categories).hasSizeGreaterThanOrEqualTo(2);
        String first = categories.get(0).getKey();
        String second = categories.get(1).getKey();

        String one = page("/catalogue?category=" + encode(first));
        assertThat(total(one)).isEqualTo(categories.get(0).getValue()).isPositive();
        assertThat(checkboxes(one).get("category")).containsEntry(first, categories.get(0).getValue());
        assertThat(one).containsPattern("value=\"" + Pattern.quote(first) + "\" checked>");

        String query = "category=" + encode(first) + "&category=" + encode(second);
        long either = total(page("/catalogue?" + query));
        assertThat(either).as("OR within a facet").isEqualTo(api(query).path("total").asLong())
                .isGreaterThanOrEqualTo(Math.max(categories.get(0).getValue(), categories.get(1).getValue()));

        String org = counts(api("category=" + encode(first)), "org").keySet().iterator().next();
        String both = "category=" + encode(first) + "&org=" + encode(org);
        long narrowed = total(page("/catalogue?" + both));
        assertThat(narrowed).as("AND across facets").isEqualTo(api(both).path("total").asLong()).isPositive()
                .isLessThanOrEqualTo(categories.get(0).getValue());

        // the other facets' counts follow the filter (multi-select: the category facet keeps its own counts)
        assertThat(checkboxes(one).get("org")).isEqualTo(counts(api("category=" + encode(first)), "org"));
    }

    @Test
    void activeFiltersAreChipsWhoseRemovalKeepsTheOthers() {
        JsonNode all = api("size=1");
        String category = counts(all, "category").keySet().iterator().next();
        String categoryLabel = label(all, "category", category);
        String keyword = counts(api("category=" + encode(category)), "keyword").keySet().iterator().next();
        String html = page("/catalogue?category=" + encode(category) + "&keyword=" + encode(keyword) + "&sort=title");

        assertThat(html).contains(">Catégorie : " + escape(categoryLabel) + " <span class=\"chip-x\" aria-hidden=\"true\">✕</span></a>",
                "aria-label=\"Retirer le filtre Catégorie : " + escape(categoryLabel) + "\"",
                "aria-label=\"Retirer le filtre Mot-clé : " + escape(keyword) + "\"",
                "<a class=\"chip-clear\" href=\"/catalogue?sort=title\">Tout effacer</a>");
        String removeCategory = href(html, "Retirer le filtre Catégorie : " + escape(categoryLabel));
        assertThat(removeCategory).isEqualTo("/catalogue?keyword=" + encode(keyword) + "&sort=title");
        String rest = page(removeCategory);
        assertThat(total(rest)).isEqualTo(api("keyword=" + encode(keyword)).path("total").asLong());
        assertThat(rest).contains("aria-label=\"Retirer le filtre Mot-clé : " + escape(keyword) + "\"")
                .doesNotContain("Retirer le filtre Catégorie");
        assertThat(href(html, "Retirer le filtre Mot-clé : " + escape(keyword)))
                .isEqualTo("/catalogue?category=" + encode(category) + "&sort=title");
    }

    @Test
    void cardAndRecordPageLinksFilterOnTheirValueAndFindTheRecord() {
        // cards: the first result page of everything
        String list = page("/catalogue?size=100");
        Set<String> ids = new LinkedHashSet<>();
        CARD_LINK.matcher(list).results().forEach(m -> ids.add(decode(m.group(1))));
        assertThat(ids).hasSizeGreaterThan(10);
        Map<String, Set<String>> found = new LinkedHashMap<>();
        int checked = 0;
        for (String id : ids) {
            String record = page("/catalogue/" + encode(id));
            for (String link : filterLinks(record)) {
                Set<String> result = found.computeIfAbsent(link, l -> resultIds(page(l + "&size=100")));
                assertThat(result).as(link + " from the page of " + id).contains(id);
                checked++;
            }
        }
        assertThat(checked).as("record pages link their categories, keywords, organisations, formats")
                .isGreaterThan(50);
        assertThat(found.keySet()).anyMatch(l -> l.startsWith("/catalogue?category="))
                .anyMatch(l -> l.startsWith("/catalogue?keyword=")).anyMatch(l -> l.startsWith("/catalogue?org="))
                .anyMatch(l -> l.startsWith("/catalogue?format="));

        // a card's keyword link: a fresh search on that keyword, whose results hold the card's record
        Matcher card = Pattern.compile("<article class=\"card\">.*?<h3 class=\"card-title\"><a href=\"/catalogue/([^\"]+)\">"
                + ".*?<a class=\"tag-link\" href=\"(/catalogue\\?keyword=[^\"]+)\">", Pattern.DOTALL).matcher(list);
        assertThat(card.find()).isTrue();
        assertThat(resultIds(page(card.group(2) + "&size=100"))).contains(decode(card.group(1)));
        assertThat(list).containsPattern("class=\"tag-link tag-category\" href=\"/catalogue\\?category=")
                .containsPattern("<p class=\"card-org\" hx-boost=\"true\">Organisation : <a href=\"/catalogue\\?org=");
    }

    @Test
    void homeTilesShowEveryUsageCategoryWithItsCount() {
        String home = page("/");
        Map<String, Long> counts = counts(api("size=1"), "category");
        Matcher tiles = Pattern.compile("<li>\\s*<a class=\"tile\" href=\"/catalogue\\?category=([^\"]+)\"><span "
                + "class=\"tile-label\">([^<]+)</span> <span class=\"tile-count\">(\\d+) fiches?</span></a>").matcher(home);
        Map<String, Long> shown = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        while (tiles.find()) {
            shown.put(decode(tiles.group(1)), Long.parseLong(tiles.group(3)));
            labels.add(tiles.group(2));
        }
        Matcher empty = Pattern.compile("<span class=\"tile tile-empty\"><span class=\"tile-label\">([^<]+)</span> "
                + "<span class=\"tile-count\">0 fiche</span></span>").matcher(home);
        int emptyTiles = 0;
        while (empty.find()) {
            emptyTiles++;
        }
        assertThat(shown.size() + emptyTiles).as("the 11 default usage categories").isEqualTo(11);
        shown.forEach((uri, count) -> assertThat(counts).containsEntry(uri, count));
        assertThat(shown).isNotEmpty();
        assertThat(home).contains("<h2 id=\"categories-heading\">Parcourir par catégorie d’usage</h2>",
                "<h2 id=\"latest-heading\">Dernières fiches mises à jour</h2>");
        assertThat(home.indexOf("Administration, action publique") < home.indexOf("Services, social, santé")
                || !home.contains("Services, social, santé")).as("French label order").isTrue();
        assertThat(Pattern.compile("<article class=\"card\">").matcher(home).results().count()).isEqualTo(6);
    }

    @Test
    void htmxGetsTheFragmentAndTheAddressToPush() {
        String category = counts(api("size=1"), "category").keySet().iterator().next();
        String path = "/catalogue?category=" + encode(category) + "&q=&sort=modified&size=20";
        HttpResponse<String> fragment = client.send("GET", path, null, null, null, "HX-Request", "true");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body().strip()).startsWith("<div id=\"resultats\" class=\"search-region\">")
                .doesNotContain("<html", "<header").contains("<p id=\"search-status\" class=\"visually-hidden\" "
                        + "role=\"status\" aria-live=\"polite\" aria-atomic=\"true\">");
        assertThat(fragment.headers().firstValue("HX-Push-Url"))
                .contains("/catalogue?category=" + encode(category) + "&sort=modified");
        assertThat(fragment.headers().allValues("Vary").toString()).contains("HX-Request");
        assertThat(total(fragment.body())).isEqualTo(counts(api("size=1"), "category").get(category));

        HttpResponse<String> restore = client.send("GET", path, null, null, null, "HX-Request", "true",
                "HX-History-Restore-Request", "true");
        assertThat(restore.body()).contains("<html lang=\"fr\">");
        // htmx is bundled with the catalogue's script: one fingerprinted file, cached for a year
        java.util.regex.Matcher src = java.util.regex.Pattern
                .compile("<script type=\"module\" src=\"(/assets/catalogue-[\\w-]+\\.js)\"></script>")
                .matcher(restore.body());
        assertThat(src.find()).isTrue();
        HttpResponse<String> script = client.get(src.group(1));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("htmx-config", "results-heading");
        assertThat(script.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    }

    @Test
    void malformedAddressesGiveTheFrench400PageUnknownValuesAnEmptyResult() {
        for (String bad : List.of("page=abc", "page=0", "page=-2", "size=0", "size=101", "size=dix", "bbox=1,2,3",
                "bbox=a,b,c,d", "bbox=0,95,1,96", "sort=hasard", "q=" + "a".repeat(1001))) {
            HttpResponse<String> response = client.get("/catalogue?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(bad).startsWith("text/html");
            assertThat(response.body()).as(bad).contains("<h1>Requête incorrecte</h1>", "<html lang=\"fr\">");
        }
        for (String unknown : List.of("category=inconnue", "keyword=%E2%80%94", "org=Personne&format=XYZ",
                "quality=parfait", "geo=peut-etre", "thesaurus=x%7Cy")) {
            HttpResponse<String> response = client.get("/catalogue?" + unknown);
            assertThat(response.statusCode()).as(unknown).isEqualTo(200);
            assertThat(response.body()).as(unknown).contains(">Aucune fiche</h2>", "Retirer le filtre");
        }
        String boxed = page("/catalogue?bbox=2.9,50.5,3.3,50.8");
        assertThat(boxed).contains("<input type=\"hidden\" name=\"bbox\" value=\"2.9,50.5,3.3,50.8\">",
                "aria-label=\"Retirer le filtre Emprise : 2.9, 50.5, 3.3, 50.8\"");
        assertThat(total(boxed)).isEqualTo(api("bbox=2.9,50.5,3.3,50.8").path("total").asLong());
    }

    @Test
    void restrictedRecordsAreCountedForAdministratorsOnly() {
        String category = CATEGORIES + "/environnement_energie";
        String id = "web-search-restreinte-" + System.nanoTime();
        policy.asPlatform(() -> catalog.create(CatalogRecord.builder(id)
                .title(LocalizedText.of("fr", "Réseau de chaleur confidentiel " + id))
                .description(LocalizedText.of("fr", "Ouvrages sensibles."))
                .addKeyword(new Keyword(LocalizedText.of("fr", "Environnement, énergie"), category,
                        new ThesaurusCitation("Catégories d'usage", CATEGORIES, null), "theme"))
                .build(), Visibility.RESTRICTED));

        long anonymousApi = counts(api("size=1"), "category").getOrDefault(category, 0L);
        long adminApi = counts(client.json(client.get("/api/search?size=1", ADMIN)), "category").get(category);
        assertThat(adminApi).isEqualTo(anonymousApi + 1);

        String anonymous = page("/catalogue");
        String admin = client.get("/catalogue", ADMIN).body();
        assertThat(checkboxes(anonymous).get("category").getOrDefault(category, 0L)).isEqualTo(anonymousApi);
        assertThat(checkboxes(admin).get("category")).containsEntry(category, adminApi);
        assertThat(total(admin)).isEqualTo(total(anonymous) + 1);
        assertThat(page("/catalogue?q=" + encode(id))).doesNotContain("confidentiel").contains(">Aucune fiche");
        assertThat(client.get("/catalogue?q=" + encode(id), ADMIN).body()).contains("Réseau de chaleur confidentiel");

        assertThat(tileCount(page("/"), category)).isEqualTo(anonymousApi);
        assertThat(tileCount(client.get("/", ADMIN).body(), category)).isEqualTo(adminApi);
        assertThat(client.get("/", ADMIN).body()).contains("<a href=\"/admin\">Administration</a>");
        assertThat(page("/")).doesNotContain(">Administration</a>");
    }

    // ---- helpers ----

    private String page(String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private JsonNode api(String query) {
        HttpResponse<String> response = client.get("/api/search?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return client.json(response);
    }

    /** The number in the result sentence ("12 fiches", "1 fiche", "Aucune fiche" = 0). */
    private static long total(String html) {
        Matcher matcher = TOTAL.matcher(html);
        assertThat(matcher.find()).as("result count heading").isTrue();
        String sentence = matcher.group(1);
        if (sentence.startsWith("Aucune")) {
            return 0;
        }
        return Long.parseLong(sentence.replaceAll("[^0-9].*$", "").replaceAll("\\D", ""));
    }

    /** Facet parameter to (value to count) as the panel's checkboxes show them. */
    private static Map<String, Map<String, Long>> checkboxes(String html) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        Matcher matcher = CHECKBOX.matcher(html);
        while (matcher.find()) {
            facets.computeIfAbsent(matcher.group(1), k -> new LinkedHashMap<>())
                    .put(unescape(matcher.group(2)), Long.parseLong(matcher.group(4)));
        }
        return facets;
    }

    private static Map<String, Long> counts(JsonNode result, String facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode value : result.path("facets").path(facet)) {
            counts.put(value.path("value").asString(), value.path("count").asLong());
        }
        return counts;
    }

    private static String label(JsonNode result, String facet, String value) {
        for (JsonNode entry : result.path("facets").path(facet)) {
            if (entry.path("value").asString().equals(value)) {
                return entry.path("label").asString();
            }
        }
        throw new AssertionError(value + " not in " + facet);
    }

    private static Set<String> resultIds(String html) {
        Set<String> ids = new LinkedHashSet<>();
        CARD_LINK.matcher(html).results().forEach(m -> ids.add(decode(m.group(1))));
        return ids;
    }

    private static Set<String> filterLinks(String html) {
        Set<String> links = new LinkedHashSet<>();
        FILTER_LINK.matcher(html).results().forEach(m -> links.add(unescape(m.group(1))));
        return links;
    }

    private static @Nullable Long tileCount(String home, String category) {
        Matcher tile = Pattern.compile("href=\"/catalogue\\?category=" + Pattern.quote(encode(category))
                + "\"><span class=\"tile-label\">[^<]+</span> <span class=\"tile-count\">(\\d+) fiches?</span>")
                .matcher(home);
        return tile.find() ? Long.valueOf(tile.group(1)) : null;
    }

    /** The href of the link with this accessible name (aria-label). */
    private static String href(String html, String ariaLabel) {
        Matcher matcher = Pattern.compile("href=\"([^\"]+)\" aria-label=\"" + Pattern.quote(ariaLabel) + "\"")
                .matcher(html);
        assertThat(matcher.find()).as("link " + ariaLabel).isTrue();
        return unescape(matcher.group(1));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** What jte escapes in text and attributes. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }

    static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
