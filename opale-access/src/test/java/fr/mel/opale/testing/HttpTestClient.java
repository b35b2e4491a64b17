package fr.mel.opale.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for tests against the server a Spring test started on a random port (we test the wire, not
 * MockMvc): requests with or without credentials, JSON bodies parsed with Jackson.
 */
public final class HttpTestClient {
    /** The administrator the test configurations create ({@code opale.admin.password=test-admin-secret}). */
    public static final String ADMIN = basic("admin", "test-admin-secret");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public HttpTestClient(int port) {
        this.port = port;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null, null);
    }

    public HttpResponse<String> get(String path, String authorization) {
        return send("GET", path, null, null, authorization);
    }

    /**
     * Sends a request; {@code contentType}, {@code body} and {@code authorization} may be null.
     * Extra headers come in name/value pairs.
     */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body,
                                     String authorization, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a JSON body (UTF-8). */
    public HttpResponse<String> sendJson(String method, String path, String jsonBody, String authorization,
                                         String... headers) {
        return send(method, path, "application/json", jsonBody.getBytes(StandardCharsets.UTF_8), authorization,
                headers);
    }

    public JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
