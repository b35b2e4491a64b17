package fr.mel.opale.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.testing.HttpTestClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Closed collections read with a personal API token ({@code Authorization: Bearer}, opale-access): 404 to visitors,
 * served to an administrator's token on every surface (collection, items, download, tile) exactly as with HTTP
 * Basic, refused (401) with a revoked token, and never readable cross-site through {@code *}.
 */
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BearerTokenContract {
    /** Tile z=14 holding (3.0635, 50.6305), where the closed collection's only point lies. */
    private static final String TILE = "14/5511/8331";
    private static final String ELSEWHERE = "https://ailleurs.example.com";
    private static final String LISTED = "https://carto.example.org";

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    HttpTestClient http;
    String closed;
    String open;
    String adminToken;

    @BeforeAll
    void load() {
        http = new HttpTestClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        closed = publish("Jetons fermée " + suffix, Visibility.RESTRICTED, "Secret");
        open = publish("Jetons ouverte " + suffix, Visibility.PUBLIC, "Public");
        HttpResponse<String> created = http.sendJson("POST", "/api/tokens",
                "{\"name\":\"OGC API " + suffix + "\",\"expiresInDays\":1}", HttpTestClient.ADMIN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        adminToken = "Bearer " + http.json(created).get("token").asString();
    }

    private String publish(String title, Visibility visibility, String name) {
        String recordId = "rec-bearer-" + UUID.randomUUID();
        Dataset dataset = policy.asPlatform(() -> {
            catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", title)).build(), visibility);
            return datasets.create(title, recordId);
        });
        DatasetSchema schema = DatasetSchema.of(List.of(Column.of("nom", ColumnType.TEXT)),
                GeometryInfo.wgs84(GeometryType.POINT));
        policy.asPlatform(() -> datasets.load(dataset.id(), schema, RowSource.of(Stream.of(new Row(new Object[] {name},
                new GeometryFactory().createPoint(new Coordinate(3.0635, 50.6305))))), LoadOptions.defaults()
                .withExpectedRows(1)));
        return dataset.slug();
    }

    private List<String> surfaces(String collection) {
        String base = "/ogcapi/collections/" + collection;
        return List.of(base, base + "/items", base + "/items?f=json&limit=5", base + "/download?format=csv",
                base + "/tiles/WebMercatorQuad/" + TILE);
    }

    @Test
    void aClosedCollectionIsHiddenFromVisitorsAndServedToAnAdministratorsToken() {
        for (String path : surfaces(closed)) {
            assertThat(http.get(path).statusCode()).as("anonymous " + path).isEqualTo(404);
            HttpResponse<String> withToken = http.get(path, adminToken);
            assertThat(withToken.statusCode()).as("Bearer " + path + " → " + withToken.body()).isEqualTo(200);
            assertThat(withToken.headers().allValues("Set-Cookie")).as("no session for " + path).isEmpty();
        }
        assertThat(http.get("/ogcapi/collections/" + closed + "/items", adminToken).body()).contains("Secret");
        assertThat(http.get("/ogcapi/collections/" + closed + "/download?format=csv", adminToken).body())
                .contains("Secret");
        assertThat(http.get("/ogcapi/collections/" + closed + "/tiles/WebMercatorQuad/" + TILE, adminToken)
                .headers().firstValue("Cache-Control").orElse("")).contains("private");
        assertThat(http.get("/ogcapi/collections").body()).doesNotContain(closed);
        assertThat(http.get("/ogcapi/collections", adminToken).body()).contains(closed);
    }

    @Test
    void aRevokedOrUnknownTokenIs401NotAnonymous() {
        HttpResponse<String> created = http.sendJson("POST", "/api/tokens", "{\"name\":\"Révoqué\"}",
                HttpTestClient.ADMIN);
        JsonNode token = http.json(created);
        String bearer = "Bearer " + token.get("token").asString();
        assertThat(http.get("/ogcapi/collections/" + closed + "/items", bearer).statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/tokens/" + token.get("id").asLong(), null, null, HttpTestClient.ADMIN)
                .statusCode()).isEqualTo(204);
        for (String path : List.of("/ogcapi/collections/" + closed + "/items", "/ogcapi/collections/" + open)) {
            HttpResponse<String> refused = http.get(path, bearer);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
            assertThat(refused.body()).doesNotContain("Secret");
        }
        assertThat(http.get("/ogcapi/collections/" + closed, "Bearer opale_inconnu").statusCode()).isEqualTo(401);
    }

    @Test
    void closedAnswersToATokenNeverCarryTheCorsWildcard() {
        for (String path : surfaces(closed)) {
            HttpResponse<String> elsewhere = http.send("GET", path, null, null, adminToken, "Origin", ELSEWHERE);
            assertThat(elsewhere.statusCode()).as(path).isEqualTo(200);
            assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
            HttpResponse<String> listed = http.send("GET", path, null, null, adminToken, "Origin", LISTED);
            assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue(LISTED);
        }
        HttpResponse<String> list = http.send("GET", "/ogcapi/collections", null, null, adminToken, "Origin", ELSEWHERE);
        assertThat(list.body()).contains(closed);
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        // public data stays readable from anywhere, token or not
        HttpResponse<String> open = http.send("GET", "/ogcapi/collections/" + this.open + "/items", null, null,
                adminToken, "Origin", ELSEWHERE);
        assertThat(open.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        // browsers may send the token cross-site: the preflight allows the header
        HttpResponse<String> preflight = http.send("OPTIONS", "/ogcapi/collections/" + closed + "/items", null, null,
                null, "Origin", LISTED, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Authorization");
    }
}
