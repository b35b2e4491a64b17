package fr.mel.opale.web.organisation;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.quality.QualityReport;
import fr.mel.opale.quality.QualityScores;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.web.PageSession;
import fr.mel.opale.web.WebTestApplication;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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

/**
 * The organisation pages over real HTTP, on H2 and PostGIS: the list and an organisation's page count, list and
 * average only what the viewer may read (anonymous: 3 of the organisation's 5 records; the administrator: 5), with
 * the averages checked against the stored quality scores; the page's search keeps the catalogue's facets and stays on
 * the organisation's address (links, htmx); unknown slug → 404 page; record pages and cards link to their owner's
 * page; related records both ways, hidden ones left out; the extent map's container and its text alternative.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrganisationPagesContract {
    private static final Pattern TOTAL = Pattern.compile(
            "<h2 id=\"results-heading\" class=\"results-count\" tabindex=\"-1\">([^<]*)</h2>");

    @LocalServerPort
    int port;
    @Autowired
    Organisations organisations;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    @Autowired
    QualityScores scores;

    OrganisationPagesData data;
    HttpTestClient client;

    @BeforeAll
    void seed() {
        data = new OrganisationPagesData(organisations, catalog, policy);
        client = new HttpTestClient(port);
    }

    @Test
    void theListCountsAndAveragesOnlyWhatTheViewerMayRead() {
        String anonymous = page("/organisations", null);
        String admin = page("/organisations", ADMIN);
        assertThat(anonymous).contains("<h1>Les organisations</h1>", "href=\"/organisations/lille\">Lille</a>",
                "src=\"https://exemple.fr/logos/" + data.run + ".png\"");
        assertThat(card(anonymous)).contains(">" + data.name + "</a>", "3 fiches")
                .contains("Qualité moyenne : " + average(data.publicRecords()) + "/100");
        assertThat(card(admin)).contains("5 fiches")
                .contains("Qualité moyenne : " + average(data.allRecords()) + "/100");
        // an organisation without records is listed too, after those with records
        assertThat(anonymous.indexOf("href=\"/organisations/" + data.slug + "\""))
                .isLessThan(anonymous.indexOf("href=\"/organisations/roubaix\"")).isPositive();
        assertThat(page("/organisations?lang=en", null)).contains("<h1>Organisations</h1>", "3 records");
    }

    @Test
    void theOrganisationPageIsTheCatalogueSearchWithinItsVisibleRecords() throws Exception {
        String path = "/organisations/" + data.slug;
        String anonymous = page(path, null);
        assertThat(anonymous).contains("<h1>" + escaped(data.name) + "</h1>",
                "Rattachée à : <a href=\"/organisations/lille\">Lille</a>",
                "<strong>données ouvertes</strong>", "3 fiches",
                "qualité moyenne des fiches : " + average(data.publicRecords()) + " / 100",
                "action=\"" + path + "\"", "hx-get=\"" + path + "\"",
                "Arbres d’alignement " + data.run, "Budget primitif " + data.run)
                .doesNotContain(data.secretTitle, data.secretReuseTitle, "/catalogue/" + data.secret + "\"");
        assertThat(total(anonymous)).isEqualTo("3 fiches");
        assertThat(facetCount(anonymous, "kind", "reuse")).isEqualTo(1);
        assertThat(facetCount(anonymous, "kind", "dataset")).isEqualTo(1);

        String admin = page(path, ADMIN);
        assertThat(total(admin)).isEqualTo("5 fiches");
        assertThat(admin).contains(data.secretTitle, data.secretReuseTitle,
                "qualité moyenne des fiches : " + average(data.allRecords()) + " / 100");
        assertThat(facetCount(admin, "kind", "reuse")).isEqualTo(2);

        // a facet value filters within the organisation, and every link stays on its page
        String reuses = page(path + "?kind=reuse", null);
        assertThat(total(reuses)).isEqualTo("1 fiche");
        assertThat(reuses).contains("Carte des arbres remarquables " + data.run,
                "href=\"" + path + "\"").doesNotContain("href=\"/catalogue?kind=reuse\"");
        assertThat(Pattern.compile("href=\"(/catalogue\\?[^\"]*kind=reuse[^\"]*)\"").matcher(reuses).find())
                .as("no facet or chip link leaves the organisation's page").isFalse();
        assertThat(total(page(path + "?q=" + encode("budget"), null))).isEqualTo("1 fiche correspond à « budget »");

        HttpResponse<String> fragment = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                client.uri(path + "?kind=reuse")).header("HX-Request", "true").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.headers().firstValue("HX-Push-Url")).hasValue(path + "?kind=reuse");
        assertThat(fragment.body()).startsWith("<div id=\"resultats\"").doesNotContain("<h1>");

        HttpResponse<String> badPage = client.get(path + "?page=zero");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("<html lang=\"fr\">", "Requête incorrecte");
    }

    @Test
    void anUnknownOrganisationIsTheNotFoundPage() {
        HttpResponse<String> unknown = client.get("/organisations/nulle-part-" + data.run);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(unknown.body()).contains("<html lang=\"fr\">", "Page introuvable")
                .doesNotContain("nulle-part-" + data.run + "</h1>");
    }

    @Test
    void recordPagesAndCardsLinkToTheirOwnersPage() {
        String link = "href=\"/organisations/" + data.slug + "\"";
        assertThat(page("/catalogue/" + data.dataset, null)).contains("<dt>Producteur</dt>", link);
        String cards = page("/catalogue?q=" + encode(data.run), null);
        assertThat(cards).contains("<p class=\"card-owner\">Producteur : <a " + link);
        assertThat(page("/organisations/" + data.slug, null)).contains("card-owner");
    }

    @Test
    void relatedRecordsShowBothWaysWithoutHiddenOnes() {
        String dataset = page("/catalogue/" + data.dataset, null);
        assertThat(dataset).contains("Fiches qui citent celle-ci", "href=\"/catalogue/" + data.reuse + "\"",
                "Carte des arbres remarquables " + data.run, "Réutilisation")
                .doesNotContain(data.secretReuseTitle, "/catalogue/" + data.secretReuse);
        assertThat(page("/catalogue/" + data.dataset, ADMIN)).contains(data.secretReuseTitle,
                "href=\"/catalogue/" + data.secretReuse + "\"");

        String reuse = page("/catalogue/" + data.reuse, null);
        assertThat(reuse).contains("Cette fiche cite", "href=\"/catalogue/" + data.dataset + "\"",
                "Arbres d’alignement " + data.run)
                .doesNotContain(data.secretTitle, "href=\"/catalogue/" + data.secret + "\"",
                        "Fiches qui citent celle-ci");
        assertThat(page("/catalogue/" + data.reuse, ADMIN)).contains(data.secretTitle);
        assertThat(page("/catalogue/" + data.table, null)).doesNotContain("Fiches liées");
    }

    @Test
    void aRecordWithAnExtentHasItsMapContainerAndTextAlternative() {
        String dataset = page("/catalogue/" + data.dataset, null);
        assertThat(dataset).contains("data-module=\"etendue\" data-quand=\"visible\"",
                "data-etendue=\"2.9,50.55,3.2,50.75\"",
                "Emprise de la fiche : de 2,9° à 3,2° de longitude, de 50,55° à 50,75° de latitude (WGS 84).");
        assertThat(page("/catalogue/" + data.table, null)).doesNotContain("data-etendue");
        assertThat(page("/catalogue/" + data.dataset + "?lang=en", null))
                .contains("Extent of the record: longitude 2.9° to 3.2°, latitude 50.55° to 50.75° (WGS 84).");
    }

    @Test
    void administratorsWriteThePresentationAndBadTextIsRefusedInFrench() throws Exception {
        PageSession admin = PageSession.loggedInAsAdmin(port);
        String form = "/admin/organisations/" + data.slug;
        String csrf = csrf(admin.get(form).body());
        HttpResponse<String> tooLong = admin.postForm(form + "/presentation", "_csrf=" + encode(csrf)
                + "&description=" + encode("x".repeat(4001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Présentation invalide : 4000 caractères au plus");
        assertThat(page("/organisations/" + data.slug, null)).contains("<strong>données ouvertes</strong>");
    }

    // ---- helpers ----

    private String page(String path, String authorization) {
        HttpResponse<String> response = authorization == null ? client.get(path) : client.get(path, authorization);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The list's card of the test organisation. */
    private String card(String list) {
        int at = list.indexOf("href=\"/organisations/" + data.slug + "\"");
        assertThat(at).as("the organisation's card").isPositive();
        int start = list.lastIndexOf("<li class=\"organisation-card\">", at);
        return list.substring(start, list.indexOf("</li>", at));
    }

    /** The rounded mean of the stored quality scores of {@code ids} (each must have one). */
    private int average(List<String> ids) {
        Map<String, QualityReport> reports = scores.reports(ids);
        assertThat(reports.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        return (int) Math.round(reports.values().stream().mapToInt(QualityReport::score).average().orElseThrow());
    }

    private static String total(String html) {
        Matcher total = TOTAL.matcher(html);
        assertThat(total.find()).isTrue();
        return total.group(1);
    }

    private static long facetCount(String html, String name, String value) {
        Matcher box = Pattern.compile("name=\"" + name + "\" value=\"" + value
                + "\"( checked)?>\\s*<label for=\"[^\"]+\">"
                + "<a href=\"[^\"]*\" tabindex=\"-1\">[^<]*</a> <span class=\"facet-count\">\\((\\d+)\\)</span>")
                .matcher(html);
        return box.find() ? Long.parseLong(box.group(2)) : 0;
    }

    private static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
