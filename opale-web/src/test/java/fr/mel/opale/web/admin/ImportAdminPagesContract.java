package fr.mel.opale.web.admin;

import static fr.mel.opale.web.PageSession.assertSentToLogin;
import static fr.mel.opale.web.PageSession.csrf;
import static fr.mel.opale.web.PageSession.encode;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.web.PageSession;
import fr.mel.opale.web.WebTestApplication;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code /admin/import} over real HTTP without JavaScript, as the plain forms work: upload → analysis page →
 * corrections → publish → job page → record page with its data-quality section (H2 and PostGIS subclasses).
 */
// A context (hence a database) of its own: the records it publishes must not change other page tests' totals.
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "opale.ingest.upload-dir=target/test-uploads-pages")
abstract class ImportAdminPagesContract {
    private static final String CSV = """
            Nom;Date de pose;Nb places;Longitude;Latitude
            Gare;01/03/2024;12;3.0707;50.6366
            Mairie;02/03/2024;8;3.0633;50.6372
            Opéra;03/03/2024;6;3.0651;50.6378
            """;

    @LocalServerPort
    int port;
    /** The {@code Authorization} of a {@link ReaderAccount}: logged in, but no administrator. */
    private String readerLogin;

    @BeforeEach
    void reader(@Autowired PersonStore accounts, @Autowired PasswordEncoder encoder) {
        readerLogin = ReaderAccount.basic("lecteur-import", accounts, encoder);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageAndOtherAccountsGetA403Page() throws Exception {
        assertSentToLogin(new PageSession(port).get("/admin/import"));
        HttpResponse<String> reader = new PageSession(port).get("/admin/import", readerLogin);
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.body()).contains("Accès refusé").doesNotContain("Envoyer et analyser");
    }

    @Test
    void aProducerUploadsCorrectsPublishesAndReachesTheRecordWithoutJavaScript() throws Exception {
        PageSession client = PageSession.loggedInAsAdmin(port);
        String home = client.get("/admin/import").body();
        assertThat(home).contains("<h1>Importer des données</h1>", "enctype=\"multipart/form-data\"",
                "<label for=\"fichier\">Fichier à importer",
                "<progress id=\"upload-bar\"", "Toutes les heures", "Expression cron");
        java.util.regex.Matcher src = java.util.regex.Pattern
                .compile("<script type=\"module\" src=\"(/assets/import-[\\w-]+\\.js)\"></script>").matcher(home);
        assertThat(src.find()).as("the import script, fingerprinted").isTrue();
        HttpResponse<String> script = client.get(src.group(1));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("XMLHttpRequest", "/api/ingest/jobs/");

        HttpResponse<String> uploaded = client.postFile("/admin/import", "fichier", "arceaux-pages.csv", "text/csv",
                CSV, "_csrf", csrf(home));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String analysisPath = uploaded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(analysisPath).startsWith("/admin/import/analyse/");
        String analysis = client.get(analysisPath).body();
        assertThat(analysis).contains("Analyse de « arceaux-pages.csv »", "<dd>csv</dd>", "<dd>3</dd>",
                "value=\"nb_places\"", "value=\"date_de_pose\"", "Gare", "Deux colonnes X (longitude) et Y (latitude)",
                "Catégorie d’usage", "Mobilité");

        String token = csrf(analysis);
        String corrected = form(client, analysisPath, token, "analyser", "col.2.name=places");
        assertThat(corrected).contains("value=\"places\"").doesNotContain("value=\"nb_places\"");

        HttpResponse<String> published = client.postForm(analysisPath,
                body(token, "publier", "col.2.name=places", "title=Arceaux des pages",
                        "usageCategory=mobilite_transports_deplacement"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        String jobPath = published.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(jobPath).startsWith("/admin/import/taches/");
        String job = client.get(jobPath).body();
        for (int i = 0; i < 200 && !job.contains("job-succeeded") && !job.contains("job-failed"); i++) {
            Thread.sleep(100);
            job = client.get(jobPath).body();
        }
        assertThat(job).contains("job-succeeded", "Réussi", "Version 1 publiée : 3 lignes", "Voir la fiche publiée",
                "/ogcapi/collections/arceaux-des-pages");
        Matcher record = Pattern.compile("href=\"(/catalogue/[^\"]+)\"").matcher(job.substring(job.indexOf("job-succeeded")));
        assertThat(record.find()).isTrue();
        String page = client.get(record.group(1)).body();
        assertThat(page).contains("Arceaux des pages", "Qualité des données", "Version 1 : 3 lignes, 5 colonnes.",
                "<code>places</code>", "Structure des données", "Mobilité", record.group(1) + "/qualite");
        // the whole report is the record's « Qualité des données » tab
        assertThat(client.get(record.group(1) + "/qualite").body()).contains("Lignes en double", "<code>places</code>",
                "Version 1 : 3 lignes, 5 colonnes.");
    }

    @Test
    void aBadUrlIsRefusedOnThePage() throws Exception {
        PageSession client = PageSession.loggedInAsAdmin(port);
        String token = csrf(client.get("/admin/import").body());
        HttpResponse<String> refused = client.postForm("/admin/import/url",
                "_csrf=" + encode(token) + "&url=" + encode("ftp://exemple.fr/a.csv") + "&planification=aucune");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "http et https");
    }

    private static String form(PageSession client, String path, String token, String action, String... fields)
            throws Exception {
        HttpResponse<String> response = client.postForm(path, body(token, action, fields));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The analysis form as a browser would send it: hidden fields of the page plus the changed ones. */
    private static String body(String token, String action, String... fields) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(token)).append("&action=").append(action);
        String[] labels = {"Nom", "Date de pose", "Nb places", "Longitude", "Latitude"};
        String[] names = {"nom", "date_de_pose", "nb_places", "longitude", "latitude"};
        String[] types = {"text", "date", "integer", "decimal", "decimal"};
        for (int i = 0; i < labels.length; i++) {
            body.append("&col.").append(i).append(".label=").append(encode(labels[i]))
                    .append("&col.").append(i).append(".name0=").append(names[i])
                    .append("&col.").append(i).append(".type0=").append(types[i])
                    .append("&col.").append(i).append(".skip0=false")
                    .append("&col.").append(i).append(".type=").append(types[i]);
            boolean renamed = false;
            for (String field : fields) {
                renamed |= field.startsWith("col." + i + ".name=");
            }
            if (!renamed) {
                body.append("&col.").append(i).append(".name=").append(names[i]);
            }
        }
        body.append("&geometry=auto&onSchemaError=report");
        for (String field : fields) {
            int eq = field.indexOf('=');
            body.append('&').append(field, 0, eq + 1).append(encode(field.substring(eq + 1)));
        }
        return body.toString();
    }
}
