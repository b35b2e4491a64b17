package fr.mel.opale.web.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.web.PageSession;
import fr.mel.opale.web.WebTestApplication;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dataset page's tabs without JavaScript, over a real server and database (H2 and PostGIS subclasses): every tab
 * at its own address with the tab links and the loader module; the table's sort, filters and paging checked against
 * SQL written here on the version table; the chart's numbers against SQL GROUP BY; bad input as French messages in
 * the page; a record without data showing only its presentation and downloads; Markdown rendered; assets cached
 * for a year and sent compressed.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatasetPagesContract {
    private static final int ROWS = 1_200;
    private static final Pattern STATUS = Pattern.compile("id=\"table-status\"[^>]*>([^<]*)<");
    private static final Pattern FIRST_CELL = Pattern.compile("<tbody>\\s*<tr>\\s*<th scope=\"row\"><a[^>]*>(\\d+)</a></th>\\s*"
            + "<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>");

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    @Autowired
    JdbcTemplate jdbc;

    private DatasetPageData data;
    private PageSession client;

    @BeforeAll
    void load() {
        data = new DatasetPageData(datasets, catalog, policy, ROWS);
        client = new PageSession(port);
    }

    private String path(String tab) {
        return "/catalogue/" + data.recordId + (tab.isEmpty() ? "" : "/" + tab);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.get(path);
    }

    @Test
    void everyTabIsAPageOfItsOwnWithTheTabLinks() throws Exception {
        for (String tab : List.of("", "tableau", "carte", "graphique", "api", "telechargements")) {
            HttpResponse<String> page = get(path(tab));
            assertThat(page.statusCode()).as(tab).isEqualTo(200);
            String body = page.body();
            assertThat(body).as(tab).contains("<nav class=\"dataset-tabs\"", "href=\"" + path("tableau") + "\"",
                    "href=\"" + path("carte") + "\"", "href=\"" + path("graphique") + "\"");
            assertThat(body).as(tab).containsPattern("<script type=\"module\" src=\"/assets/fiche-[A-Za-z0-9_-]+\\.js\">");
            assertThat(body).as("the current tab is marked for assistive technologies")
                    .containsPattern("<a href=\"" + Pattern.quote(path(tab)) + "\" aria-current=\"page\">");
            assertThat(body).as("no inline script besides JSON-LD").doesNotContainPattern("<script>[^<]");
        }
        assertThat(get(path("inconnu")).statusCode()).isEqualTo(404);
        assertThat(get(path("qualite")).statusCode()).as("no import report for data loaded directly").isEqualTo(404);
    }

    @Test
    void thePresentationRendersMarkdownAndListsTheColumns() throws Exception {
        String body = get(path("")).body();
        assertThat(body).contains("<h4>Contenu</h4>", "<em>équipements</em>", "<td>en euros</td>")
                .doesNotContain("| colonne |", "## Contenu");
        assertThat(body).contains("Colonnes des données", "Population municipale", "<code>population</code>",
                "Date d'ouverture", "1\u202F200 lignes, 5 colonnes.");
    }

    @Test
    void theTableSortsFiltersAndPagesOnTheServerAsSqlSays() throws Exception {
        String table = get(path("tableau")).body();
        assertThat(status(table)).isEqualTo("1\u202F200 lignes correspondent ; lignes 1 à 50 affichées.");
        assertThat(table).contains("Population municipale", "data-collection=\"" + data.dataset.slug() + "\"");
        assertThat(table.split("<tr>").length - 1).as("50 rows and the header").isEqualTo(51);

        Map<String, Object> max = jdbc.queryForMap("SELECT \"_fid\" AS f, \"population\" AS p FROM \"" + data.table()
                + "\" ORDER BY \"population\" DESC, \"_fid\" LIMIT 1");
        Matcher first = FIRST_CELL.matcher(get(path("tableau") + "?tri=-population").body());
        assertThat(first.find()).isTrue();
        assertThat(first.group(1)).isEqualTo(max.get("f").toString());
        assertThat(first.group(3).replace("\u202F", "")).isEqualTo(max.get("p").toString());

        String filtered = get(path("tableau") + "?f.population=" + encode("> 50 000") + "&f.commune=lille&q=").body();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + data.table()
                + "\" WHERE \"population\" > 50000 AND LOWER(\"commune\") LIKE '%lille%'", Long.class);
        assertThat(status(filtered)).startsWith(FrenchValues.format(count, "fr") + " lignes correspondent");
        assertThat(filtered).contains("CASEI(commune) LIKE CASEI('%lille%') AND population &gt; 50000");

        String dates = get(path("tableau") + "?f.ouverture=2021&f.ouvert=non").body();
        Long inYear = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + data.table() + "\" WHERE \"ouverture\" >= DATE '2021-01-01'"
                + " AND \"ouverture\" <= DATE '2021-12-31' AND \"ouvert\" = FALSE", Long.class);
        assertThat(status(dates)).startsWith(FrenchValues.format(inYear, "fr") + " lignes");

        String page3 = get(path("tableau") + "?page=3&taille=100").body();
        assertThat(status(page3)).isEqualTo("1\u202F200 lignes correspondent ; lignes 201 à 300 affichées.");
        assertThat(page3).contains("href=\"" + path("tableau") + "?taille=100&amp;page=2\"",
                "href=\"" + path("tableau") + "?taille=100&amp;page=4\"", "Page 3 sur 12");
    }

    @Test
    void aFilterThatCannotBeReadSaysWhyNextToItsColumn() throws Exception {
        HttpResponse<String> page = get(path("tableau") + "?f.population=beaucoup&f.ouverture=31/02/2024");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("« beaucoup » n'est pas un nombre (« Population municipale »)",
                "« 31/02/2024 » n'est pas une date", "aria-invalid=\"true\"", "1\u202F200 lignes correspondent");
    }

    @Test
    void theChartNumbersAreSqlCountsAndBadChoicesAreExplained() throws Exception {
        String chart = get(path("graphique") + "?groupe=commune&mesure=count").body();
        List<Map<String, Object>> counts = jdbc.queryForList("SELECT \"commune\" AS k, COUNT(*) AS n FROM \""
                + data.table() + "\" GROUP BY \"commune\"");
        for (Map<String, Object> group : counts) {
            assertThat(chart).containsPattern("<tr data-raw=\"" + group.get("n") + "\"><th scope=\"row\">"
                    + Pattern.quote(group.get("k").toString()) + "</th>");
        }
        assertThat(chart).contains("data-module=\"graphique\"", "Nombre de lignes par Commune",
                "/api/datasets/" + data.dataset.id() + "/aggregate?groupBy=commune");

        String sums = get(path("graphique") + "?groupe=ouverture&periode=year&mesure=" + encode("sum(population)")).body();
        Object sum2021 = jdbc.queryForObject("SELECT SUM(\"population\") FROM \"" + data.table()
                + "\" WHERE \"ouverture\" >= DATE '2021-01-01' AND \"ouverture\" < DATE '2022-01-01'", Object.class);
        assertThat(sums).contains("<tr data-raw=\"" + sum2021 + "\"><th scope=\"row\">2021</th>", "Somme de Population municipale");

        HttpResponse<String> bad = get(path("graphique") + "?groupe=commune&mesure=" + encode("sum(commune)"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("role=\"alert\"", "Impossible de calculer « somme » sur la colonne « Commune »");
        HttpResponse<String> badFilter = get(path("graphique") + "?groupe=commune&filtre=" + encode("population >>> 1"));
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("Erreur de syntaxe CQL2 ligne 1");
    }

    @Test
    void apiAndDownloadsGiveReadyAddresses() throws Exception {
        String api = get(path("api")).body();
        String collection = "/ogcapi/collections/" + data.dataset.slug();
        assertThat(api).contains(collection + "/items?f=json&amp;filter=population+%3E+0", collection
                + "/tiles/WebMercatorQuad/{z}/{y}/{x}", "OWSLib", "geopandas", "read.csv", "Authorization: Bearer");
        String downloads = get(path("telechargements")).body();
        for (String format : List.of("csv", "csv-excel", "xlsx", "geojson", "gpkg", "shp")) {
            assertThat(downloads).contains("href=\"" + collection + "/download?format=" + format + "\"");
            assertThat(get(collection + "/download?format=" + format).statusCode()).as(format).isEqualTo(200);
        }
    }

    @Test
    void aRecordWithoutDataHasItsPresentationAndDownloadsOnly() throws Exception {
        String base = "/catalogue/" + data.serviceId;
        String page = get(base).body();
        assertThat(page).contains("href=\"" + base + "/telechargements\"").doesNotContain(base + "/tableau");
        assertThat(get(base + "/tableau").statusCode()).isEqualTo(404);
        assertThat(get(base + "/carte").statusCode()).isEqualTo(404);
        String downloads = get(base + "/telechargements").body();
        assertThat(downloads).contains("Téléchargement", "Format : ZIP").doesNotContain("WWW:DOWNLOAD-1.0-http--download");
    }

    @Test
    void assetsAreFingerprintedCachedForAYearAndCompressed() throws Exception {
        Matcher script = Pattern.compile("src=\"(/assets/fiche-[^\"]+\\.js)\"").matcher(get(path("")).body());
        assertThat(script.find()).isTrue();
        for (String encoding : List.of("gzip", "br")) {
            HttpResponse<String> asset = client.send(HttpRequest.newBuilder(client.uri(script.group(1)))
                    .header("Accept-Encoding", encoding));
            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control").orElseThrow())
                    .contains("max-age=31536000", "public", "immutable");
            assertThat(asset.headers().firstValue("Content-Encoding")).hasValue(encoding);
            assertThat(asset.headers().allValues("Vary").toString()).contains("Accept-Encoding");
        }
        HttpResponse<String> css = get("/css/opale.css");
        assertThat(css.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache").doesNotContain("no-store");
    }

    private static String status(String page) {
        Matcher matcher = STATUS.matcher(page);
        assertThat(matcher.find()).as("table status").isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
