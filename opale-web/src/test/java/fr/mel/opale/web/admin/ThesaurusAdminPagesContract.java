package fr.mel.opale.web.admin;

import static fr.mel.opale.web.PageSession.assertSentToLogin;
import static fr.mel.opale.web.PageSession.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.web.PageSession;
import fr.mel.opale.web.WebTestApplication;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code /admin/thesaurus} over real HTTP, as a browser sees it: who may see it, the French list, the tree, the
 * upload form with its CSRF token (H2 and PostGIS subclasses).
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ThesaurusAdminPagesContract {
    private static final String TURTLE = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <http://ex.org/web-admin> a skos:ConceptScheme ; skos:prefLabel "Essai d’administration"@fr .
            <http://ex.org/web-admin/a> a skos:Concept ; skos:inScheme <http://ex.org/web-admin> ;
                skos:prefLabel "Réseaux"@fr, "Networks"@en .
            <http://ex.org/web-admin/b> a skos:Concept ; skos:inScheme <http://ex.org/web-admin> ;
                skos:prefLabel "Réseau d’eau"@fr ; skos:altLabel "Eau potable"@fr ; skos:broader <http://ex.org/web-admin/a> .
            """;

    @LocalServerPort
    int port;
    /** The {@code Authorization} of a {@link ReaderAccount}: logged in, but no administrator. */
    private String readerLogin;

    @BeforeEach
    void reader(@Autowired PersonStore accounts, @Autowired PasswordEncoder encoder) {
        readerLogin = ReaderAccount.basic("lecteur-thesaurus", accounts, encoder);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageAndOtherAccountsGetA403Page() throws Exception {
        assertSentToLogin(new PageSession(port).get("/admin/thesaurus"));
        assertThat(new PageSession(port).get("/admin/thesaurus/categories").statusCode()).isEqualTo(302);

        HttpResponse<String> reader = new PageSession(port).get("/admin/thesaurus", readerLogin);
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.body()).contains("<html lang=\"fr\">", "Accès refusé").doesNotContain("Catégories d’usage");
    }

    @Test
    void theAdministrationHomeLinksEveryConsoleForAdministratorsOnly() throws Exception {
        assertThat(new PageSession(port).get("/admin").statusCode()).isEqualTo(302);
        assertThat(new PageSession(port).get("/admin", readerLogin).statusCode()).isEqualTo(403);
        HttpResponse<String> home = new PageSession(port).get("/admin", HttpTestClient.ADMIN);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<h1>Administration de la plateforme</h1>", "href=\"/admin/import\"",
                "href=\"/admin/thesaurus\"", "href=\"/qualite\"", "aria-current=\"page\"");
    }

    @Test
    void listsTheThesauriWithCountsAndShowsATree() throws Exception {
        HttpResponse<String> list = new PageSession(port).get("/admin/thesaurus", HttpTestClient.ADMIN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<html lang=\"fr\">", "<h1>Thésaurus</h1>", "Catégories d'usage</a>",
                "11 concepts", "href=\"/admin/thesaurus/categories\"", "Importer ou remplacer un thésaurus",
                "enctype=\"multipart/form-data\"", "name=\"_csrf\"", "<label for=\"fichier\">Fichier SKOS</label>");

        HttpResponse<String> tree = new PageSession(port).get("/admin/thesaurus/categories", HttpTestClient.ADMIN);
        assertThat(tree.statusCode()).isEqualTo(200);
        assertThat(tree.body()).contains("<ul class=\"concept-tree\">", "Environnement, énergie", "Environment, energy",
                "https://data.lillemetropole.fr/thematique/categories/environnement_energie",
                "aria-current=\"page\"");
        assertThat(new PageSession(port).get("/admin/thesaurus/absent", HttpTestClient.ADMIN).statusCode())
                .isEqualTo(404);

        HttpResponse<String> english = new PageSession(port).get("/admin/thesaurus?lang=en", HttpTestClient.ADMIN);
        assertThat(english.body()).contains("<html lang=\"en\">", "Loaded thesauri", "Usage categories");
    }

    @Test
    void anAdministratorUploadsASkosFileThroughTheForm() throws Exception {
        PageSession client = PageSession.loggedInAsAdmin(port);
        String form = client.get("/admin/thesaurus").body();
        String token = csrf(form);

        HttpResponse<String> refused = upload(client, token, "vide.ttl", "<http://ex.org/x> <http://ex.org/p> \"x\" .");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Import refusé", "aucun concept SKOS", "role=\"alert\"");

        HttpResponse<String> withoutToken = upload(client, "faux", "ok.ttl", TURTLE);
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> imported = upload(client, token, "essai.ttl", TURTLE);
        assertThat(imported.statusCode()).isEqualTo(302);
        assertThat(imported.headers().firstValue("Location").orElse("")).endsWith("/admin/thesaurus?importe=web-admin");
        try {
            assertThat(client.get("/admin/thesaurus?importe=web-admin").body())
                    .contains("Thésaurus « Essai d’administration » importé : 2 concepts.");
            String tree = client.get("/admin/thesaurus/web-admin").body();
            assertThat(tree).contains("Réseaux", "Networks", "Réseau d’eau", "Autres libellés : Eau potable");
            // the narrower concept is nested inside its parent's item
            assertThat(tree.indexOf("Réseau d’eau")).isGreaterThan(tree.indexOf("Réseaux"));
            assertThat(tree.substring(tree.indexOf("Réseaux"))).contains("<ul class=\"concept-tree\">");
        } finally {
            new HttpTestClient(port).send("DELETE", "/api/thesauri/web-admin", null, null, HttpTestClient.ADMIN);
        }
    }

    /** The page's upload form: the CSRF token, an empty identifier (taken from the file), the SKOS file. */
    private static HttpResponse<String> upload(PageSession client, String token, String name, String content)
            throws Exception {
        return client.postFile("/admin/thesaurus", "fichier", name, "application/octet-stream", content,
                "_csrf", token, "id", "");
    }
}
