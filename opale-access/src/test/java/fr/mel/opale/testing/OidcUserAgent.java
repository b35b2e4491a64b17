package fr.mel.opale.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user agent driven by hand over HTTP, for OpenID Connect flows without a browser: it keeps cookies per host as a
 * browser does, never follows a redirect (each hop is the test's to look at, e.g. the code and {@code state} sent to
 * a redirect URI nobody listens on) and fills in Keycloak's real login form. One per simulated browser; not
 * thread-safe.
 */
public final class OidcUserAgent {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LoopbackSecureCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** GET with extra headers in name/value pairs. */
    public HttpResponse<String> get(URI uri, String... headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    /** POSTs an {@code application/x-www-form-urlencoded} form (UTF-8), extra headers in name/value pairs. */
    public HttpResponse<String> postForm(URI uri, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    /**
     * Signs a person in at Keycloak: follows the authorization request to the login page, submits the person's
     * username and password in the page's own form, and returns Keycloak's answer to that, unfollowed: normally a
     * 302 to the client's redirect URI with {@code code}, {@code state} and {@code iss}. If Keycloak already knows
     * this agent (an SSO session), its first answer is that redirect and no form is filled.
     *
     * @throws IllegalStateException when the authorization request gets neither a login page nor a redirect (e.g.
     *                               Keycloak's error page for an unregistered redirect URI), with the page's status
     */
    public HttpResponse<String> signIn(URI authorizationRequest, KeycloakUser user) {
        HttpResponse<String> page = get(authorizationRequest);
        if (page.statusCode() == 302) {
            return page;
        }
        URI action = loginFormAction(page);
        return postForm(action, Map.of("username", user.username(), "password", user.password(),
                "credentialId", ""));
    }

    /** The URL Keycloak's login page posts credentials to. */
    public static URI loginFormAction(HttpResponse<String> page) {
        Matcher form = LOGIN_FORM.matcher(page.body());
        if (page.statusCode() != 200 || !form.find()) {
            throw new IllegalStateException("pas de formulaire de connexion Keycloak (HTTP " + page.statusCode()
                    + ") à " + page.uri() + " : " + excerpt(page.body()));
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("formulaire de connexion sans action : " + form.group());
        }
        return page.uri().resolve(unescapeHtml(action.group(1)));
    }

    /** The {@code Location} of a redirect, resolved against the request. */
    public static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "pas de redirection (HTTP " + response.statusCode() + ") depuis " + response.uri()));
        return response.uri().resolve(location);
    }

    /** The decoded query parameters of a URI (the first value of each). */
    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.putIfAbsent(name, value);
            }
        }
        return parameters;
    }

    /** Appends query parameters, encoded, to a URI that may already have some. */
    public static URI withQuery(String uri, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(uri + (uri.contains("?") ? "&" : "?") + query);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Attribute values in Keycloak's pages escape {@code &} (and may escape more) as HTML entities. */
    private static String unescapeHtml(String value) {
        String named = value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
        Matcher numeric = NUMERIC_ENTITY.matcher(named);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int codePoint = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(out, Matcher.quoteReplacement(Character.toString(codePoint)));
        }
        numeric.appendTail(out);
        return out.toString().replace("&amp;", "&");
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>", " ")
                .replaceAll("\\s+", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /**
     * Browsers treat {@code http://localhost} and loopback addresses as secure contexts and so keep and send
     * {@code Secure} cookies there (Keycloak sets its session cookies {@code Secure; SameSite=None}); java.net's
     * cookie manager sends {@code Secure} cookies over https only. This handler files loopback http exchanges under
     * https to behave like a browser; other hosts are untouched.
     */
    private static final class LoopbackSecureCookies extends CookieHandler {
        private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(secureIfLoopback(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(secureIfLoopback(uri), responseHeaders);
        }

        private static URI secureIfLoopback(URI uri) {
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                    || !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                return uri;
            }
            return URI.create("https" + uri.toString().substring("http".length()));
        }
    }
}
