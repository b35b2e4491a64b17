package fr.mel.opale.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One visitor of the site's pages over real HTTP, as a browser without JavaScript: its own cookie jar (so the
 * session, the CSRF token and the language stick), redirects not followed (tests assert where they point), HTML
 * asked for. A new instance is a new visitor; {@link #loggedInAsAdmin(int)} is one that went through the login
 * form. Not thread-safe; one per test.
 */
public final class PageSession {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final @Nullable String clientAddress;

    /** A new, anonymous visitor of the server on {@code port}. */
    public PageSession(int port) {
        this(port, null);
    }

    /**
     * A new, anonymous visitor coming from {@code clientAddress}, sent as {@code X-Forwarded-For} (the server reads
     * it with {@code server.forward-headers-strategy=framework}): tests of per-address limits give each visitor an
     * address of its own.
     */
    public PageSession(int port, @Nullable String clientAddress) {
        this.port = port;
        this.clientAddress = clientAddress;
    }

    /** The value of this visitor's cookie {@code name}; null when it has none. */
    public @Nullable String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Replaces this visitor's cookie {@code name} (a tampered or forged cookie). */
    public void setCookie(String name, String value) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(uri("/"), cookie);
    }

    /**
     * A visitor logged in through {@code /connexion} as the administrator the test configurations create
     * ({@code opale.admin.password=test-admin-secret}); fails the test unless the form answers with a redirect.
     */
    public static PageSession loggedInAsAdmin(int port) throws IOException, InterruptedException {
        PageSession session = new PageSession(port);
        String login = session.get("/connexion").body();
        HttpResponse<String> loggedIn = session.postForm("/connexion",
                "username=admin&password=test-admin-secret&_csrf=" + encode(csrf(login)));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        return session;
    }

    /** A page as a browser asks for it ({@code Accept: text/html,*}{@code /*;q=0.8}). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    /** A page with an {@code Authorization} header besides the session's cookies; none when null. */
    public HttpResponse<String> get(String path, @Nullable String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** A form posted as a browser does, {@code form} already URL-encoded ({@link #encode(String)}). */
    public HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return post(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A form with a file input, posted as a browser does ({@code multipart/form-data}): the {@code fields} in
     * name/value pairs first (the CSRF token among them), then the file {@code fileName} of type {@code fileType} as
     * the field {@code fileField}.
     */
    public HttpResponse<String> postFile(String path, String fileField, String fileName, String fileType,
                                         String content, String... fields) throws IOException, InterruptedException {
        String boundary = "----opale" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: ").append(fileType)
                .append("\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
        return post(path, "multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Any other request, sent with this visitor's cookies; the body is read as UTF-8. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Fails unless {@code page} sends the visitor to the login page: a 302 to {@code /connexion}. */
    public static void assertSentToLogin(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/connexion");
    }

    /** The CSRF token of the page's first form, as it stands in the HTML; fails the test when there is none. */
    public static String csrf(String html) {
        Matcher token = CSRF_FIELD.matcher(html);
        assertThat(token.find()).as("CSRF field").isTrue();
        return token.group(1);
    }

    /** A form value, URL-encoded in UTF-8 as a browser sends it. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
