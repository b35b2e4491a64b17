package fr.mel.opale.web;

import static fr.mel.opale.web.PageSession.csrf;
import static fr.mel.opale.web.PageSession.encode;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.quality.QualityReport;
import fr.mel.opale.quality.QualityScores;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages over a real HTTP server and a real database, as a browser sees them (HTML, cookies, redirects); run on
 * H2 and on PostGIS by the two subclasses.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PagesContract {
    private static final Pattern FRENCH_DATE = Pattern.compile(
            "\\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \\d{4}");
    private static final Pattern CARD = Pattern.compile("<article class=\"card\">");
    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    @Autowired
    QualityScores qualityScores;

    @BeforeEach
    void seed() {
        WebFixtures.seed(catalog, policy);
    }

    @Test
    void homeHasTheLayoutASearchFormAndTheLatestSixRecords() throws Exception {
        // the newest record, whatever the other tests of this application context have published before
        String newest = "accueil-" + Long.toString(System.nanoTime(), 36);
        policy.asPlatform(() -> catalog.create(CatalogRecord.builder(newest)
                .title(LocalizedText.of("fr", "Stations V'Lille de la semaine"))
                .description(LocalizedText.of("fr", "Position des stations V'Lille.")).build(), Visibility.PUBLIC));
        HttpResponse<String> home = new PageSession(port).get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = home.body();
        assertThat(html).contains("<html lang=\"fr\">", "<a class=\"skip-link\" href=\"#contenu\">Aller au contenu</a>",
                "Opale — données de la Métropole Européenne de Lille", "<main id=\"contenu\"",
                ">Accueil</a>", ">Catalogue</a>", ">Se connecter</a>",
                "Accessibilité : partiellement conforme", "Données ouvertes sous Licence Ouverte sauf mention contraire",
                "href=\"/api/openapi.json\"", "href=\"/dcat\"",
                "hreflang=\"en\" lang=\"en\"", "href=\"/?lang=en\"");
        // the stylesheet and the menu script are fingerprinted assets (cached for a year), not /css or /js files
        assertThat(html).containsPattern("<link rel=\"stylesheet\" href=\"/assets/site-[\\w-]+\\.css\">")
                .containsPattern("<script type=\"module\" src=\"/assets/menu-[\\w-]+\\.js\"></script>")
                .doesNotContain("/css/opale.css");
        assertThat(html).contains("<form class=\"search-form\" role=\"search\" method=\"get\" action=\"/catalogue\">",
                "<label for=\"q\">Rechercher dans le catalogue</label>", "name=\"q\"");
        assertThat(CARD.matcher(html).results().count()).isEqualTo(6);
        assertThat(html).contains("href=\"/catalogue/" + newest + "\"", "Jeu de données", "Position des stations V'Lille.");
        assertThat(FRENCH_DATE.matcher(html).find()).as("date written in French").isTrue();
        assertThat(html).doesNotContain("Réseau sensible", "style=");
    }

    @Test
    void everyPageHasAFaviconTheApplicationServes() throws Exception {
        PageSession session = new PageSession(port);
        assertThat(session.get("/").body()).contains("<link rel=\"icon\" href=\"/favicon.svg\"");
        // browsers ask for /favicon.ico whatever the page says: a 404 on every first visit otherwise
        HttpResponse<String> ico = session.get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type").orElse("")).isIn("image/x-icon",
                "image/vnd.microsoft.icon");
        HttpResponse<String> svg = session.get("/favicon.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).startsWith("<svg");
    }

    @Test
    void catalogueCountsFiltersAndPaginatesWithTheStateInTheUrl() throws Exception {
        PageSession client = new PageSession(port);
        String first = client.get("/catalogue?q=parking").body();
        assertThat(first).contains("25 fiches correspondent à « parking »", "value=\"parking\"",
                "<nav class=\"pagination\" aria-label=\"Pagination\">",
                "aria-label=\"Page 1\" aria-current=\"page\">1</a>", "href=\"/catalogue?q=parking&amp;page=2\"");
        assertThat(CARD.matcher(first).results().count()).isEqualTo(20);

        String second = client.get("/catalogue?q=parking&page=2").body();
        assertThat(CARD.matcher(second).results().count()).isEqualTo(5);
        assertThat(second).contains("aria-current=\"page\">2</a>", "Page 2 sur 2");

        // a malformed address is an error the visitor should see (a silently different page would mislead)
        for (String bad : new String[] {"abc", "-1", "0", "99999999999", "%00"}) {
            HttpResponse<String> response = client.get("/catalogue?q=parking&page=" + bad);
            assertThat(response.statusCode()).as("page=" + bad).isEqualTo(400);
            assertThat(response.body()).as("page=" + bad).contains("<h1>Requête incorrecte</h1>");
        }
        HttpResponse<String> pastTheEnd = client.get("/catalogue?q=parking&page=40");
        assertThat(pastTheEnd.statusCode()).isEqualTo(200);
        assertThat(CARD.matcher(pastTheEnd.body()).results().count()).isEqualTo(5);

        assertThat(client.get("/catalogue?q=population").body()).contains("1 fiche correspond à « population »");
        assertThat(client.get("/catalogue?q=sensible").body()).contains("Aucune fiche ne correspond à « sensible »");
        String all = client.get("/catalogue").body();
        // the fixtures' 28 public records, and any public record another test of this shared context published
        long publicRecords = catalog.listPublic(0, 1).total();
        assertThat(publicRecords).isGreaterThanOrEqualTo(28);
        assertThat(all).contains(">" + publicRecords + " fiches<").doesNotContain("Réseau sensible");
        assertThat(client.get("/catalogue?q=" + encode("a+b&c")).body())
                .contains("value=\"a+b&amp;c\"");
    }

    @Test
    void recordPageShowsEveryFieldInFrench() throws Exception {
        HttpResponse<String> response = new PageSession(port).get("/catalogue/web-velo");
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).contains("<h1>Stations V'Lille</h1>", "<title>Stations V'Lille — Opale</title>",
                "<strong>V'Lille</strong>", "<h3>Mise à jour</h3>",
                "<h3>Catégories d’usage</h3>", "Mots-clés libres",
                "href=\"/catalogue?keyword=v%C3%A9lo\">vélo</a>",
                "href=\"/catalogue?org=M%C3%A9tropole+Europ%C3%A9enne+de+Lille\">Métropole Européenne de Lille</a>",
                "href=\"/catalogue?q=%22Il%C3%A9via%22\">Ilévia</a>",
                "Infrastructures de transport", "Métropole Européenne de Lille", "Éditeur",
                "href=\"mailto:contact@ilevia.fr\"", "Rôle : Gestionnaire", "Jeanne Martin", "03 20 00 00 00",
                "href=\"https://www.etalab.gouv.fr/licence-ouverte-open-licence\">Licence Ouverte 2.0</a>",
                "Autres restrictions", "Citer la source", "Pas de restriction d'accès public",
                "En continu", "En cours", "Français", "16 septembre 2011", "10 mai 2016", "28 novembre 2026",
                "du 10 mai 2016", "2,79", "50,5", "3,3", "50,8", "EPSG:2154", "1:25", "Export de l'API temps réel.",
                "<h3>Télécharger</h3>", "<h3>API et services</h3>", "<h3>Documentation</h3>",
                "href=\"https://data.lillemetropole.fr/vlille/stations.csv\">stations.csv</a>",
                "Accès : Téléchargement", "Format : CSV",
                "href=\"/catalogue?format=CSV\">CSV</a>", "href=\"/catalogue?format=GeoJSON\">GeoJSON</a>",
                "alt=\"Aperçu de la fiche « Stations V&#39;Lille »\"",
                "href=\"/catalogue/web-population\">Population des communes</a>", "Référence croisée",
                "Fiche interne", "ISO 19139", "Géocatalogue MEL", "vlille.xml",
                "href=\"/api/records/web-velo/iso19139\"", "href=\"/api/records/web-velo/dcat\"",
                "href=\"/api/records/web-velo\"", "https://data.lillemetropole.fr/id/vlille");
        assertThat(html).as("a restricted related record is neither linked nor titled from our side")
                .doesNotContain("/catalogue/web-secret", "Réseau sensible");
    }

    @Test
    void recordPageEmbedsSchemaOrgJsonLd() throws Exception {
        String html = new PageSession(port).get("/catalogue/web-velo").body();
        Matcher script = JSON_LD.matcher(html);
        assertThat(script.find()).isTrue();
        JsonNode dataset = json.readTree(script.group(1));
        assertThat(dataset.path("@type").asString()).isEqualTo("Dataset");
        assertThat(dataset.path("name").asString()).isEqualTo("Stations V'Lille");
        assertThat(dataset.path("url").asString()).endsWith("/catalogue/web-velo");
        assertThat(dataset.path("license").asString()).isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence");
        assertThat(dataset.path("publisher").path("@type").asString()).isEqualTo("Organization");
        assertThat(dataset.path("temporalCoverage").asString()).isEqualTo("2016-05-10/..");
        assertThat(dataset.path("spatialCoverage").path("geo").path("box").asString()).isEqualTo("50.5 2.79 50.8 3.3");
        assertThat(dataset.path("distribution").get(0).path("contentUrl").asString())
                .isEqualTo("https://data.lillemetropole.fr/vlille/stations.csv");
        assertThat(dataset.path("distribution").get(0).path("encodingFormat").asString()).isEqualTo("text/csv");
        assertThat(dataset.path("dateModified").asString()).isEqualTo("2026-11-28");
        assertThat(dataset.path("keywords").toString()).contains("vélo");
    }

    @Test
    void hostileTextIsEscapedAndLinksSanitised() throws Exception {
        PageSession client = new PageSession(port);
        String html = client.get("/catalogue/web-hostile").body();
        assertThat(html).doesNotContain("<script>alert", "href=\"javascript", "src=\"javascript")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Titre piégé", "&lt;script&gt;alert(2)&lt;/script&gt;",
                        "lien piégé</a>");
        Matcher script = JSON_LD.matcher(html);
        assertThat(script.find()).isTrue();
        assertThat(script.group(1)).doesNotContain("<").contains("\\u003c/script>");
        assertThat(json.readTree(script.group(1)).path("name").asString()).isEqualTo(WebFixtures.HOSTILE_TITLE);

        String list = client.get("/catalogue?q=" + encode("piégé")).body();
        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        String echoed = client.get("/catalogue?q=" + encode("\"><script>x</script>")).body();
        assertThat(echoed).doesNotContain("<script>x").contains("value=\"&#34;>&lt;script>x&lt;/script>\"");
    }

    @Test
    void unknownAndHiddenRecordsGiveTheSameFrenchNotFoundPage() throws Exception {
        PageSession client = new PageSession(port);
        HttpResponse<String> unknown = client.get("/catalogue/nope");
        HttpResponse<String> hidden = client.get("/catalogue/web-secret");
        for (HttpResponse<String> response : java.util.List.of(unknown, hidden)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(response.body()).contains("<h1>Page introuvable</h1>", "<html lang=\"fr\">", "Aller au contenu")
                    .doesNotContain("Réseau sensible");
        }
        assertThat(hidden.body().replace("web-secret", "nope")).as("a hidden record looks exactly like a missing one")
                .isEqualTo(unknown.body());
        HttpResponse<String> asAdmin = client.send(HttpRequest.newBuilder(client.uri("/catalogue/web-secret"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:test-admin-secret".getBytes(StandardCharsets.UTF_8))).GET());
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("Réseau sensible");
    }

    @Test
    void htmlErrorsForPagesProblemJsonForTheApi() throws Exception {
        PageSession client = new PageSession(port);
        HttpResponse<String> page = client.get("/nulle-part");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page introuvable");

        HttpResponse<String> api = client.get("/api/records/nope");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> unknownApi = client.get("/api/nulle-part");
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> forgedPost = client.send(HttpRequest.newBuilder(client.uri("/catalogue"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=x")));
        assertThat(forgedPost.statusCode()).isEqualTo(403);
        assertThat(forgedPost.body()).contains("<h1>Accès refusé</h1>");
    }

    @Test
    void languageSwitchTurnsThePagesIntoEnglishAndBack() throws Exception {
        PageSession client = new PageSession(port);
        HttpResponse<String> english = client.get("/catalogue?q=parking&lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "Skip to content", ">Home</a>", ">Log in</a>",
                "25 records match “parking”", "href=\"/catalogue?q=parking&amp;lang=fr\"", "aria-label=\"Pagination\"");
        assertThat(english.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("opale-langue=en"));
        assertThat(client.get("/catalogue/web-velo").body()).as("the choice is remembered")
                .contains("<h1>V'Lille stations</h1>", "Continual", "Ongoing", "September 16, 2011");
        assertThat(client.get("/catalogue/nope").body()).contains("Page not found");
        assertThat(client.get("/?lang=fr").body()).contains("<html lang=\"fr\">", "Aller au contenu");
    }

    @Test
    void loginFailsWithAFrenchMessageThenSucceedsAndLogsOut() throws Exception {
        PageSession client = new PageSession(port);
        String form = client.get("/connexion").body();
        assertThat(form).contains("<h1>Se connecter</h1>", "<label for=\"username\">Adresse électronique ou identifiant</label>",
                "<label for=\"password\">Mot de passe</label>", "action=\"/connexion\"");

        HttpResponse<String> wrong = client.postForm("/connexion",
                "username=admin&password=faux&_csrf=" + encode(csrf(form)));
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/connexion?error");
        String error = client.get("/connexion?error").body();
        assertThat(error).contains("Identifiant ou mot de passe incorrect", "role=\"alert\"");

        HttpResponse<String> right = client.postForm("/connexion",
                "username=admin&password=test-admin-secret&_csrf=" + encode(csrf(error)));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(URI.create(right.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/");
        String home = client.get("/").body();
        assertThat(home).contains("Menu du compte de </span>Administrateur</summary>", "Se déconnecter",
                        "action=\"/deconnexion\"").doesNotContain(">Se connecter</a>");
        assertThat(client.get("/catalogue/web-secret").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = client.postForm("/deconnexion", "_csrf=" + encode(csrf(home)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(client.get("/").body()).contains(">Se connecter</a>").doesNotContain("Menu du compte de");
        assertThat(client.get("/catalogue/web-secret").statusCode()).isEqualTo(404);
    }

    @Test
    void recordPageShowsTheQualityScoreItsBarAndEveryCriterionWithHints() throws Exception {
        QualityReport report = qualityScores.report(WebFixtures.FULL).orElseThrow();
        String html = new PageSession(port).get("/catalogue/" + WebFixtures.FULL).body();
        assertThat(html).contains("<h2 id=\"s-quality\">Qualité de la fiche</h2>",
                "<p class=\"quality-score\" id=\"quality-score\">Qualité des métadonnées : " + report.score() + " / 100 — "
                        + report.band().label("fr") + "</p>",
                "<meter class=\"quality-meter\" min=\"0\" max=\"100\" low=\"40\" high=\"70\" optimum=\"100\" value=\""
                        + report.score() + "\" aria-labelledby=\"quality-score\">",
                "<details class=\"quality-criteria\">", "<summary>Détail : ",
                "Respecté :</span>", "<span class=\"criterion-label\">Catégorie d'usage de la MEL</span>",
                // the abstract is under 100 characters: missed, with its hint
                "Manqué :</span>", "<span class=\"criterion-label\">Description d'au moins 100 caractères</span>",
                "Conseil : Décrivez le contenu", "aria-hidden=\"true\">✓</span>", "aria-hidden=\"true\">✗</span>");
        assertThat(report.missed()).extracting(c -> c.id()).contains("description");

        String english = new PageSession(port).get("/catalogue/" + WebFixtures.FULL + "?lang=en").body();
        assertThat(english).contains("Metadata quality: " + report.score() + " / 100 — " + report.band().label("en"),
                "Missed:</span>", "Hint: Describe the content");
    }

    @Test
    void cardsCarryACompactQualityBadge() throws Exception {
        int score = qualityScores.report("web-parking-1").orElseThrow().score();
        String list = new PageSession(port).get("/catalogue?q=parking").body();
        assertThat(list).contains("<span class=\"card-quality\">Qualité " + score + "/100</span>");
        assertThat(Pattern.compile("class=\"card-quality\"").matcher(list).results().count()).isEqualTo(20);
    }

    @Test
    void producerDashboardListsOrganisationsAndTheirRecordsToFixFirst() throws Exception {
        PageSession client = new PageSession(port);
        HttpResponse<String> dashboard = client.get("/qualite");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        int score = qualityScores.report(WebFixtures.FULL).orElseThrow().score();
        assertThat(dashboard.body()).contains("<h1>Qualité des métadonnées par organisation</h1>", "<caption>",
                "<th scope=\"col\">Note moyenne</th>", "Insuffisante", "Passable", "Bonne", "Excellente",
                "href=\"/qualite/metropole-europeenne-de-lille\">Métropole Européenne de Lille</a>",
                "href=\"/qualite/sans-organisation\">Organisation non renseignée</a>",
                "aria-current=\"page\">Qualité des fiches</a>");

        HttpResponse<String> mel = client.get("/qualite/metropole-europeenne-de-lille");
        assertThat(mel.statusCode()).isEqualTo(200);
        assertThat(mel.body()).contains("<h1>Qualité des fiches : Métropole Européenne de Lille</h1>",
                "Note moyenne : " + score + " / 100", "(1 fiche)", "Fiches les moins bien notées",
                "<a href=\"/catalogue/web-velo\">Stations V'Lille</a> — " + score + " / 100",
                "Critères les plus souvent manqués", "Description d'au moins 100 caractères", "1 sur 1",
                "Décrivez le contenu");

        String others = client.get("/qualite/sans-organisation").body();
        assertThat(others).contains("Parking relais").doesNotContain("Réseau sensible");
        assertThat(client.get("/qualite/personne").statusCode()).isEqualTo(404);
        assertThat(client.get("/qualite/personne").body()).contains("Page introuvable");
    }
}
