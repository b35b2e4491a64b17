package fr.mel.opale.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.web.WebTestApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
        HttpResponse<String> page = get(browser(), "/compte/jetons");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/connexion");
    }

    @Test
    void aLoggedInAccountCreatesSeesOnceAndRevokesAToken() throws Exception {
        HttpClient client = loggedInAdmin();
        HttpResponse<String> empty = get(client, "/compte/jetons");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("<h1>Jetons d’accès</h1>", "Créer un jeton", "name=\"_csrf\"",
                "<label for=\"nom\">Nom</label>", "href=\"/compte/jetons\" aria-current=\"page\"");

        String name = "Page <script>alert(1)</script> " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = post(client, "/compte/jetons", "nom=" + enc(name) + "&jours=30&_csrf="
                + enc(csrf(empty.body())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(created.body()).contains("Copiez-le maintenant").doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;");
        Matcher secret = SECRET.matcher(created.body());
        assertThat(secret.find()).as("the new token in a read-only field").isTrue();
        String token = secret.group(1);

        HttpClient api = HttpClient.newHttpClient();
        HttpResponse<String> viaToken = api.send(HttpRequest.newBuilder(uri("/api/tokens"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaToken.statusCode()).isEqualTo(200);

        HttpResponse<String> listed = get(client, "/compte/jetons");
        assertThat(listed.body()).contains(token.substring(0, 12) + "…").doesNotContain(token)
                .doesNotContain("Copiez-le maintenant");
        Matcher revokeAction = Pattern.compile("action=\"/compte/jetons/(\\d+)/revocation\"").matcher(listed.body());
        long id = -1;
        while (revokeAction.find()) {
            id = Math.max(id, Long.parseLong(revokeAction.group(1)));
        }
        assertThat(post(client, "/compte/jetons/" + id + "/revocation", "_csrf=faux").statusCode()).isEqualTo(403);
        HttpResponse<String> revoked = post(client, "/compte/jetons/" + id + "/revocation",
                "_csrf=" + enc(csrf(listed.body())));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(revoked.headers().firstValue("Location").orElse("")).endsWith("/compte/jetons?revoque");
        assertThat(get(client, "/compte/jetons?revoque").body()).contains("Le jeton a été révoqué")
                .doesNotContain(token.substring(0, 12));
        assertThat(api.send(HttpRequest.newBuilder(uri("/api/tokens")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void aBadNameIsRefusedWithTheReasonAndEnglishLabelsExist() throws Exception {
        HttpClient client = loggedInAdmin();
        String form = get(client, "/compte/jetons").body();
        HttpResponse<String> refused = post(client, "/compte/jetons", "nom=" + enc("   ") + "&_csrf="
                + enc(csrf(form)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "Donnez un nom au jeton");
        assertThat(get(client, "/compte/jetons?lang=en").body()).contains("<html lang=\"en\">", "Access tokens",
                "Create a token");
    }

    private HttpClient loggedInAdmin() throws Exception {
        HttpClient client = browser();
        String login = get(client, "/connexion").body();
        HttpResponse<String> loggedIn = post(client, "/connexion",
                "username=admin&password=test-admin-secret&_csrf=" + enc(csrf(login)));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        return client;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("CSRF field").isTrue();
        return token.group(1);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
