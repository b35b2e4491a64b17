package fr.mel.opale.web.account;

import static fr.mel.opale.web.PageSession.assertSentToLogin;
import static fr.mel.opale.web.PageSession.csrf;
import static fr.mel.opale.web.PageSession.encode;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.web.PageSession;
import fr.mel.opale.web.WebTestApplication;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /compte/jetons} over real HTTP, as a browser with a session sees it (H2 and PostGIS subclasses): login
 * required, create (the secret shown once, escaped, not cached), list, revoke, CSRF, English labels.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TokenPagesContract {
    private static final Pattern SECRET = Pattern.compile("id=\"nouveau-jeton\"[^>]* value=\"(opale_[A-Za-z0-9_-]{43})\"");

    @LocalServerPort
    int port;

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        assertSentToLogin(new PageSession(port).get("/compte/jetons"));
    }

    @Test
    void aLoggedInAccountCreatesSeesOnceAndRevokesAToken() throws Exception {
        PageSession client = PageSession.loggedInAsAdmin(port);
        HttpResponse<String> empty = client.get("/compte/jetons");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("<h1>Jetons d’accès</h1>", "Créer un jeton", "name=\"_csrf\"",
                "<label for=\"nom\">Nom</label>", "href=\"/compte/jetons\" aria-current=\"page\"");

        String name = "Page <script>alert(1)</script> " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = client.postForm("/compte/jetons", "nom=" + encode(name) + "&jours=30&_csrf="
                + encode(csrf(empty.body())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(created.body()).contains("Copiez-le maintenant").doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;");
        Matcher secret = SECRET.matcher(created.body());
        assertThat(secret.find()).as("the new token in a read-only field").isTrue();
        String token = secret.group(1);

        HttpTestClient api = new HttpTestClient(port);
        HttpResponse<String> viaToken = api.get("/api/tokens", "Bearer " + token);
        assertThat(viaToken.statusCode()).isEqualTo(200);

        HttpResponse<String> listed = client.get("/compte/jetons");
        assertThat(listed.body()).contains(token.substring(0, 12) + "…").doesNotContain(token)
                .doesNotContain("Copiez-le maintenant");
        Matcher revokeAction = Pattern.compile("action=\"/compte/jetons/(\\d+)/revocation\"").matcher(listed.body());
        long id = -1;
        while (revokeAction.find()) {
            id = Math.max(id, Long.parseLong(revokeAction.group(1)));
        }
        assertThat(client.postForm("/compte/jetons/" + id + "/revocation", "_csrf=faux").statusCode()).isEqualTo(403);
        HttpResponse<String> revoked = client.postForm("/compte/jetons/" + id + "/revocation",
                "_csrf=" + encode(csrf(listed.body())));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElse("")).endsWith("/compte/jetons?revoque");
        assertThat(client.get("/compte/jetons?revoque").body()).contains("Le jeton a été révoqué")
                .doesNotContain(token.substring(0, 12));
        assertThat(api.get("/api/tokens", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void aBadNameIsRefusedWithTheReasonAndEnglishLabelsExist() throws Exception {
        PageSession client = PageSession.loggedInAsAdmin(port);
        String form = client.get("/compte/jetons").body();
        HttpResponse<String> refused = client.postForm("/compte/jetons", "nom=" + encode("   ") + "&_csrf="
                + encode(csrf(form)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "Donnez un nom au jeton");
        assertThat(client.get("/compte/jetons?lang=en").body()).contains("<html lang=\"en\">", "Access tokens",
                "Create a token");
    }
}
