package fr.mel.opale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings of DESIGN.md on each database: {@code OPALE_DEMO=false} gives an empty catalog,
 * {@code OPALE_ADMIN_PASSWORD} creates the administrator who may then write.
 */
@SpringBootTest(classes = OpaleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opale.demo=false", "opale.admin.password=s3cret-admin"})
abstract class SettingsContract {
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void noDemoAndAWorkingAdministrator() throws Exception {
        assertThat(json.readTree(send("GET", "/api/records", null, null).body()).path("total").asLong()).isZero();
        assertThat(json.readTree(send("GET", "/actuator/health", null, null).body()).path("status").asString())
                .isEqualTo("UP");

        String body = "{\"id\":\"cree-par-admin\",\"title\":{\"fr\":\"Créée par l'administrateur\"}}";
        assertThat(send("POST", "/api/records", body, "admin:wrong").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/records", body, "admin:s3cret-admin").statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> send(String method, String path, String body, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
