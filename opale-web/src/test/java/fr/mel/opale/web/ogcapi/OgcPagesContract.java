package fr.mel.opale.web.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.web.WebTestApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OGC API's HTML encoding as pages of the site, over a real server and database (H2 and PostGIS subclasses):
 * content negotiation reaches the jte pages, user text is escaped, numbers and rows are right, paging and download
 * links work, closed data is a 404 page, the language switch goes through {@code /langue}.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class OgcPagesContract {
    private static final Pattern DOWNLOAD = Pattern.compile("<a class=\"button button-secondary\" href=\"([^\"]+)\""
            + " type=\"[^\"]+\" download>([^<]+)</a>");
    private static final Pattern BODY_ROW = Pattern.compile("<tr>\\s*<th scope=\"row\">");

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    private OgcPagesData data;

    @BeforeEach
    void publish() {
        data = new OgcPagesData(datasets, catalog, policy);
    }

    @Test
    void acceptTextHtmlAndFHtmlGiveTheSitesPageJsonStaysJson() throws Exception {
        for (HttpResponse<String> page : List.of(get(client(), "/ogcapi/collections", "text/html,*/*;q=0.8"),
                get(client(), "/ogcapi/collections?f=html", null))) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            String html = page.body();
            assertThat(html).contains("<html lang=\"fr\">", "class=\"skip-link\"", "<main id=\"contenu\"",
                    "<h1>Collections</h1>", "Budget pages " + data.suffix, "Données géographiques", "Tableau",
                    "150 lignes", "12 lignes",
                    // the catalog is a collection too (the JSON lists it): the page lists it, never "Aucune collection"
                    "Autres collections", "/ogcapi/collections/catalog/items?f=html").doesNotContain("Aucune collection");
            assertThat(html).doesNotContain(data.hiddenTitle);
        }
        HttpResponse<String> json = get(client(), "/ogcapi/collections", "application/json");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body()).startsWith("{");
        assertThat(get(client(), "/ogcapi?f=html", null).body()).contains("class=\"skip-link\"",
                "href=\"/ogcapi/collections?f=html\"");
    }

    @Test
    void userTextIsEscapedEverywhere() throws Exception {
        String escaped = "&lt;script&gt;alert(";
        for (String path : List.of("/ogcapi/collections?f=html", collection("?f=html"),
                collection("/items?f=html&limit=5"), collection("/items/1?f=html"))) {
            String html = get(client(), path, null).body();
            assertThat(html).as(path).doesNotContain("<script>alert").contains(escaped);
        }
    }

    @Test
    void collectionPageHasFactsDownloadsRecordLinkAndMapPreview() throws Exception {
        String html = get(client(), collection(""), "text/html").body();
        assertThat(html).contains("Nombre de lignes", "150 lignes", "Étendue (WGS 84)", "CRS84", "EPSG:2154",
                "href=\"/catalogue/" + data.geoRecord + "\"", "Voir la fiche", "Propriétés interrogeables",
                "data-carte", "/tiles/WebMercatorQuad/{z}/{y}/{x}", "data-bbox=\"3.0,50.6",
                "Voir les lignes sous forme de tableau").doesNotContain("/js/carte.js", "/css/maplibre-gl.css");
        // the map module comes through Vite like the site's others: fingerprinted, immutable, pre-compressed
        Matcher entry = Pattern.compile("<script type=\"module\" src=\"(/assets/apercu-[\\w-]+\\.js)\"").matcher(html);
        assertThat(entry.find()).as("the map entry module in the page").isTrue();
        HttpResponse<byte[]> script = client().send(HttpRequest.newBuilder(uri(entry.group(1)))
                .header("Accept-Encoding", "br").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        assertThat(script.headers().firstValue("Content-Encoding")).hasValue("br");
        List<String> labels = new ArrayList<>();
        Matcher download = DOWNLOAD.matcher(html);
        while (download.find()) {
            labels.add(download.group(2));
            HttpResponse<String> file = get(client(), relative(download.group(1)), null);
            assertThat(file.statusCode()).as(download.group(1)).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        }
        assertThat(labels).contains("Télécharger en CSV", "Télécharger en CSV pour Excel",
                "Télécharger en Excel (XLSX)", "Télécharger en GeoPackage", "Télécharger en Shapefile (zip)");

        String table = get(client(), "/ogcapi/collections/" + data.table.slug() + "?f=html", null).body();
        assertThat(table).contains("Tableau", "12 lignes", "Télécharger en CSV").doesNotContain("data-carte")
                .doesNotContain("Shapefile").doesNotContain("/assets/apercu-");
    }

    @Test
    void itemsPagesHaveAnAccessibleTableAndWorkingPagingLinks() throws Exception {
        String first = get(client(), collection("/items?limit=50"), "text/html").body();
        assertThat(first).contains("150 lignes au total ; cette page montre les lignes 1 à 50.",
                "<caption>Lignes 1 à 50 sur 150 de", "<th scope=\"col\">nom</th>", "<th scope=\"col\">places</th>",
                "data-geojson=", ">Suivant</a>").doesNotContain(">Précédent</a>");
        assertThat(BODY_ROW.matcher(first).results().count()).isEqualTo(50);

        String second = get(client(), relative(link(first, "next")), null).body();
        assertThat(second).contains("<caption>Lignes 51 à 100 sur 150 de", ">Précédent</a>", ">Suivant</a>");
        assertThat(BODY_ROW.matcher(second).results().count()).isEqualTo(50);
        String third = get(client(), relative(link(second, "next")), null).body();
        assertThat(third).contains("<caption>Lignes 101 à 150 sur 150 de").doesNotContain(">Suivant</a>");
        String back = get(client(), relative(link(third, "prev")), null).body();
        assertThat(back).contains("<caption>Lignes 51 à 100 sur 150 de");

        String geoJson = get(client(), relative(attribute(first, "data-geojson")), null).body();
        assertThat(geoJson).contains("\"numberReturned\":50", "\"FeatureCollection\"");

        String item = get(client(), collection("/items/2?f=html"), null).body();
        assertThat(item).contains("<caption>Propriétés de la ligne 2</caption>", "<th scope=\"row\">nom</th>",
                "<td>Arceau 2</td>", "data-geojson=", "/items/2?f=json");
    }

    @Test
    void aHiddenCollectionIsTheSites404PageForAnonymousAndAPageForTheAdministrator() throws Exception {
        for (String path : List.of("?f=html", "/items?f=html", "/items/1?f=html")) {
            HttpResponse<String> page = get(client(), "/ogcapi/collections/" + data.hidden.slug() + path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("class=\"skip-link\"").doesNotContain(data.hiddenTitle, "Secret 1");
        }
        HttpResponse<String> admin = send(client(), HttpRequest.newBuilder(uri("/ogcapi/collections/"
                + data.hidden.slug() + "/items?f=html")).header("Authorization", HttpTestClient.ADMIN).GET());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("Secret 1");
        assertThat(get(client(), "/ogcapi/collections/" + data.hidden.slug(), "application/json").body())
                .contains("\"status\":404");
    }

    @Test
    void theLanguageSwitchGoesThroughLangueAndStaysOnTheSite() throws Exception {
        String html = get(client(), "/ogcapi/collections?f=html", null).body();
        String english = attribute(html.substring(html.indexOf("hreflang=\"en\"") - 200), "href");
        assertThat(english).startsWith("/langue?lang=en&retour=/ogcapi/collections");
        HttpClient visitor = client();
        HttpResponse<String> switched = get(visitor, english, null);
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location").orElse("")).isEqualTo("/ogcapi/collections?f=html");
        String page = get(visitor, "/ogcapi/collections?f=html", null).body();
        assertThat(page).contains("<html lang=\"en\">", "Browse the features", "150 features");

        HttpResponse<String> elsewhere = get(client(), "/langue?lang=en&retour="
                + URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8), null);
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).isEqualTo("/");
    }

    private String collection(String rest) {
        return "/ogcapi/collections/" + data.geo.slug() + rest;
    }

    private static String link(String html, String rel) {
        Matcher m = Pattern.compile("<a rel=\"" + rel + "\" href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("rel " + rel).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String attribute(String html, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    /** The API writes absolute links (its base is the request's): the path and query are what we follow. */
    private static String relative(String href) {
        URI uri = URI.create(href.replace("&amp;", "&"));
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(HttpClient client, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(client, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
