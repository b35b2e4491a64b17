package fr.mel.opale.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The settings of DESIGN.md on each database: {@code OPALE_DEMO=false} gives an empty catalog,
 * {@code OPALE_ADMIN_PASSWORD} creates the administrator who may then write.
 */
@SpringBootTest(classes = OpaleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opale.demo=false", "opale.admin.password=s3cret-admin"})
abstract class SettingsContract {
    @LocalServerPort
    int port;

    @Test
    void noDemoAndAWorkingAdministrator() {
        HttpTestClient client = new HttpTestClient(port);
        assertThat(client.json(client.get("/api/records")).path("total").asLong()).isZero();
        assertThat(client.json(client.get("/actuator/health")).path("status").asString()).isEqualTo("UP");

        String body = "{\"id\":\"cree-par-admin\",\"title\":{\"fr\":\"Créée par l'administrateur\"}}";
        assertThat(client.sendJson("POST", "/api/records", body, HttpTestClient.basic("admin", "wrong")).statusCode())
                .isEqualTo(401);
        assertThat(client.sendJson("POST", "/api/records", body, HttpTestClient.basic("admin", "s3cret-admin"))
                .statusCode()).isEqualTo(201);
    }
}
