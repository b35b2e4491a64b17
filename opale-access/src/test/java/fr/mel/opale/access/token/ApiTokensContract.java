package fr.mel.opale.access.token;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.access.testing.TestAccounts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Personal API tokens over real HTTP and a real database (H2 and PostGIS subclasses): the {@code /api/tokens} API, a
 * token authenticating as its account, every way a token is refused (401 + RFC 6750 challenge), what the table
 * holds, and the bounds. Each test works under fresh names or accounts: the context is shared.
 */
@SpringBootTest(classes = ApiTokensContract.AccessTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.locations=classpath:db/migration/{vendor}", "spring.messages.basename=i18n/problems",
                "spring.messages.fallback-to-system-locale=false", "spring.main.banner-mode=off",
                "opale.admin.password=test-admin-secret", "logging.level.root=warn",
                // cheap hashing for the tests' Basic-auth requests; production keeps the application's cost
                "opale.passwords.argon2-memory-kib=1024", "opale.passwords.argon2-iterations=1"})
abstract class ApiTokensContract {
    /**
     * The access module booted alone, plus an administrators-only endpoint to authenticate against. Nested in this
     * test class on purpose: this test-jar is on every module's test classpath and their applications scan
     * {@code fr.mel.opale.access} (the app: {@code fr.mel.opale}); Spring Boot's test filter leaves out classes
     * nested in test classes, where a top-level second {@code @SpringBootApplication} would be picked up.
     */
    @SpringBootApplication(scanBasePackages = "fr.mel.opale.access")
    @Import(AdminProbe.class)
    static class AccessTestApplication {
    }

    /** {@code GET /api/essai/admin}: the viewer's name for platform administrators, the policy's 401/403 otherwise. */
    @RestController
    static class AdminProbe {
        private final AccessPolicy policy;

        AdminProbe(AccessPolicy policy) {
            this.policy = policy;
        }

        @GetMapping("/api/essai/admin")
        Map<String, String> admin() {
            Viewer viewer = policy.currentViewer();
            if (!viewer.platformAdmin()) {
                throw new AccessDenied(viewer);
            }
            return Map.of("username", viewer.username());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonStore people;
    @Autowired
    PasswordEncoder encoder;
    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    /** A fresh account that is not an administrator; returns its Basic credentials. */
    String reader() {
        String name = "lecteur-" + UUID.randomUUID().toString().substring(0, 8);
        return TestAccounts.reader(people, encoder, name, "secret-" + name);
    }

    JsonNode create(String authorization, String name) {
        HttpResponse<String> response = http.sendJson("POST", "/api/tokens", "{\"name\":\"" + name + "\"}",
                authorization);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return http.json(response);
    }

    static String bearer(JsonNode created) {
        return "Bearer " + created.get("token").asString();
    }

    static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer ").contains("error=\"invalid_token\"");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains("jeton-invalide").contains("Le jeton d'accès est inconnu");
    }

    @Test
    void aTokenIsCreatedShownOnceListedAndRevoked() {
        HttpResponse<String> response = http.sendJson("POST", "/api/tokens",
                "{\"name\":\"  Script de mise à jour <b>  \",\"expiresInDays\":30}", ADMIN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode created = http.json(response);
        String secret = created.get("token").asString();
        long id = created.get("id").asLong();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/tokens/" + id);
        assertThat(secret).matches("opale_[A-Za-z0-9_-]{43}");
        assertThat(created.get("name").asString()).isEqualTo("Script de mise à jour <b>");
        assertThat(created.get("prefix").asString()).isEqualTo(secret.substring(0, 12));
        Instant expires = Instant.parse(created.get("expires").asString());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(30)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)).plusSeconds(60));

        HttpResponse<String> list = http.get("/api/tokens", ADMIN);
        assertThat(list.body()).doesNotContain(secret).doesNotContain(TokenSecrets.hash(secret));
        JsonNode mine = find(http.json(list), id);
        assertThat(mine.get("name").asString()).isEqualTo("Script de mise à jour <b>");
        assertThat(mine.has("token")).isFalse();
        assertThat(mine.get("lastUsed").isNull()).isTrue();

        assertThat(http.get("/api/essai/admin", bearer(created)).statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/tokens/" + id, null, null, ADMIN).statusCode()).isEqualTo(204);
        assertThat(http.send("DELETE", "/api/tokens/" + id, null, null, ADMIN).statusCode()).isEqualTo(204);
        assertThat(find(http.json(http.get("/api/tokens", ADMIN)), id)).isNull();
        assertInvalidToken(http.get("/api/essai/admin", bearer(created)));
        assertInvalidToken(http.get("/api/tokens", bearer(created)));
    }

    @Test
    void aTokenActsAsItsAccountWithItsAuthoritiesAndNoSession() {
        JsonNode admin = create(ADMIN, "Administration " + UUID.randomUUID());
        HttpResponse<String> ok = http.get("/api/essai/admin", bearer(admin));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(http.json(ok).get("username").asString()).isEqualTo("admin");
        assertThat(ok.headers().allValues("Set-Cookie")).isEmpty();
        // the scheme is case-insensitive
        assertThat(http.get("/api/essai/admin", "bearer " + admin.get("token").asString()).statusCode())
                .isEqualTo(200);

        JsonNode reader = create(reader(), "Lecture");
        HttpResponse<String> refused = http.get("/api/essai/admin", bearer(reader));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/essai/admin").statusCode()).isEqualTo(401);
        assertThat(http.json(http.get("/api/tokens", bearer(reader))).get(0).get("name").asString())
                .isEqualTo("Lecture");
        // a token-authenticated write needs no CSRF token and no session
        HttpResponse<String> revoke = http.send("DELETE", "/api/tokens/" + reader.get("id").asLong(), null, null,
                bearer(reader));
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertThat(revoke.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void unknownRevokedExpiredOrMalformedTokensAreRefusedWithTheBearerChallenge() {
        assertInvalidToken(http.get("/api/essai/admin", "Bearer n'importe quoi"));
        assertInvalidToken(http.get("/api/essai/admin", "Bearer " + TokenSecrets.generate()));
        assertInvalidToken(http.get("/api/essai/admin", "Bearer "));
        assertInvalidToken(http.get("/api/tokens", "Bearer opale_" + "A".repeat(43)));
        // refused even where anonymous visitors are welcome: a dead token must be noticed, not downgraded
        assertInvalidToken(http.get("/v3/api-docs", "Bearer " + TokenSecrets.generate()));

        JsonNode expired = create(ADMIN, "Expiré " + UUID.randomUUID());
        assertThat(http.get("/api/essai/admin", bearer(expired)).statusCode()).isEqualTo(200);
        jdbc.update("UPDATE api_token SET expires_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), expired.get("id").asLong());
        assertInvalidToken(http.get("/api/essai/admin", bearer(expired)));

        HttpResponse<String> english = http.send("GET", "/api/essai/admin", null, null, bearer(expired),
                "Accept-Language", "en-GB,en;q=0.9");
        assertThat(english.statusCode()).isEqualTo(401);
        assertThat(english.body()).contains("The access token is unknown, revoked or expired");

        // a token whose account is gone stops at once
        String reader = reader();
        JsonNode orphan = create(reader, "Orphelin");
        String username = new String(java.util.Base64.getDecoder().decode(reader.substring(6)),
                StandardCharsets.UTF_8).split(":")[0];
        people.delete(people.findByUsername(username).orElseThrow().id());
        assertInvalidToken(http.get("/api/tokens", bearer(orphan)));
    }

    @Test
    void theTableHoldsTheSha256OfTheTokenNeverTheToken() throws Exception {
        JsonNode created = create(ADMIN, "Empreinte " + UUID.randomUUID());
        String secret = created.get("token").asString();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM api_token WHERE id = ?", created.get("id").asLong());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        assertThat(row.get("token_hash")).isEqualTo(expected);
        assertThat(row.get("prefix")).isEqualTo(secret.substring(0, 12));
        assertThat(((Number) row.get("person_id")).longValue())
                .isEqualTo(people.findByUsername("admin").orElseThrow().id());
        for (Object value : row.values()) {
            assertThat(String.valueOf(value)).doesNotContain(secret.substring(12));
        }
    }

    @Test
    void lastUseIsRecordedAtMostOncePerMinute() {
        JsonNode created = create(ADMIN, "Usage " + UUID.randomUUID());
        long id = created.get("id").asLong();
        assertThat(lastUsed(id)).isNull();
        http.get("/api/essai/admin", bearer(created));
        Instant first = lastUsed(id);
        assertThat(first).isNotNull().isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        http.get("/api/essai/admin", bearer(created));
        assertThat(lastUsed(id)).isEqualTo(first);
        assertThat(Instant.parse(find(http.json(http.get("/api/tokens", ADMIN)), id).get("lastUsed").asString()))
                .isEqualTo(first);

        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", Timestamp.from(longAgo), id);
        http.get("/api/essai/admin", bearer(created));
        assertThat(lastUsed(id)).isAfter(longAgo.plus(Duration.ofMinutes(4)));
    }

    @Test
    void aTokenCannotCreateTokens() {
        JsonNode created = create(ADMIN, "Pas de descendance " + UUID.randomUUID());
        HttpResponse<String> response = http.sendJson("POST", "/api/tokens", "{\"name\":\"Enfant\"}",
                bearer(created));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(http.json(response).get("type").asString()).endsWith("/jeton-par-jeton");
    }

    @Test
    void aTokenCannotAddAPasskeyNorReachTheAccountPages() {
        JsonNode created = create(ADMIN, "Pas de clé " + UUID.randomUUID());
        for (String path : List.of("/webauthn/register/options", "/webauthn/register", "/compte/cles")) {
            HttpResponse<String> response = http.sendJson("POST", path, "{}", bearer(created));
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(http.json(response).get("type").asString()).as(path).endsWith("/jeton-compte");
        }
    }

    @Test
    void namesLifetimesAndCountsAreBounded() {
        String reader = reader();
        assertThat(http.sendJson("POST", "/api/tokens", "{\"name\":\"x\"}", null).statusCode()).isEqualTo(401);
        for (String body : List.of("{}", "{\"name\":\"   \"}", "{\"name\":\"" + "n".repeat(101) + "\"}",
                "{\"name\":\"a\\u0007b\"}", "{\"name\":\"a\",\"expiresInDays\":0}",
                "{\"name\":\"a\",\"expiresInDays\":366}", "{\"name\":\"a\",\"expiresInDays\":\"bientôt\"}",
                "pas du json")) {
            HttpResponse<String> response = http.sendJson("POST", "/api/tokens", body, reader);
            assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        assertThat(create(reader, "n".repeat(100)).get("name").asString()).hasSize(100);
        JsonNode defaults = create(reader, "Durée par défaut");
        assertThat(Instant.parse(defaults.get("expires").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(364)));
        List<Long> ids = new ArrayList<>();
        for (int i = 3; i <= 20; i++) {
            ids.add(create(reader, "Jeton " + i).get("id").asLong());
        }
        HttpResponse<String> tooMany = http.sendJson("POST", "/api/tokens", "{\"name\":\"21\"}", reader);
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(http.json(tooMany).get("detail").asString()).contains("20");
        assertThat(http.send("DELETE", "/api/tokens/" + ids.get(0), null, null, reader).statusCode()).isEqualTo(204);
        create(reader, "Après révocation");
    }

    @Test
    void onlyTheOwnerOrAnAdministratorRevokesAToken() {
        String reader = reader();
        JsonNode readers = create(reader, "À moi");
        JsonNode admins = create(ADMIN, "Administrateur " + UUID.randomUUID());
        assertThat(http.send("DELETE", "/api/tokens/" + admins.get("id").asLong(), null, null, reader).statusCode())
                .isEqualTo(404);
        assertThat(http.send("DELETE", "/api/tokens/987654321", null, null, reader).statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/tokens/" + admins.get("id").asLong(), null, null, null).statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/essai/admin", bearer(admins)).statusCode()).isEqualTo(200);
        assertThat(find(http.json(http.get("/api/tokens", reader)), admins.get("id").asLong())).isNull();
        assertThat(http.send("DELETE", "/api/tokens/" + readers.get("id").asLong(), null, null, ADMIN).statusCode())
                .isEqualTo(204);
        assertInvalidToken(http.get("/api/tokens", bearer(readers)));
    }

    @Test
    void theOpenApiDocumentDescribesTheTokenApi() {
        JsonNode paths = http.json(http.get("/v3/api-docs")).get("paths");
        assertThat(paths.get("/api/tokens").has("post")).isTrue();
        assertThat(paths.get("/api/tokens").has("get")).isTrue();
        assertThat(paths.get("/api/tokens/{id}").has("delete")).isTrue();
    }

    Instant lastUsed(long id) {
        Timestamp value = jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE id = ?", Timestamp.class, id);
        return value == null ? null : value.toInstant();
    }

    static JsonNode find(JsonNode list, long id) {
        for (JsonNode token : list) {
            if (token.get("id").asLong() == id) {
                return token;
            }
        }
        return null;
    }
}
