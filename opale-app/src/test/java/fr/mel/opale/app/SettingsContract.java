package fr.mel.opale.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.HttpTestClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The settings of DESIGN.md on each database: {@code OPALE_DEMO=false} gives an empty catalog,
 * {@code OPALE_ADMIN_PASSWORD} creates the administrator who may then write; without a proxy declared, a client's
 * {@code X-Forwarded-For} is ignored.
 */
@SpringBootTest(classes = OpaleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opale.demo=false", "opale.admin.password=s3cret-admin"})
abstract class SettingsContract {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void aClientCannotChooseItsAddressWithXForwardedFor() {
        String forged = "203.0.113.77";
        HttpTestClient client = new HttpTestClient(port);
        assertThat(client.send("GET", "/api/tokens", null, null, HttpTestClient.basic("admin", "pas-le-bon-mot"),
                "X-Forwarded-For", forged).statusCode()).isEqualTo(401);
        List<String> addresses = jdbc.sql("SELECT ip FROM auth_event WHERE kind = 'LOGIN_FAILED'")
                .query(String.class).list();
        // the TCP peer, not the header: what login throttling counts and the audit log records
        assertThat(addresses).isNotEmpty().doesNotContain(forged).allMatch(ip -> ip.equals("127.0.0.1")
                || ip.equals("0:0:0:0:0:0:0:1"), "loopback");
    }
}
