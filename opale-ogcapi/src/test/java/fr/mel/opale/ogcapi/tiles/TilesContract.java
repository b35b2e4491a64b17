package fr.mel.opale.ogcapi.tiles;

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
import fr.mel.opale.ogcapi.OgcApiTestApplication;
import fr.mel.opale.testing.HttpTestClient;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Tiles over HTTP on a real server, on H2 and PostGIS: tile matrix sets, tilesets list and description,
 * vector tiles decoded back (features and attributes at known places, empty tiles, generalisation at low zooms),
 * ETag/304 and Cache-Control, closed and non-geographic collections, bad tile coordinates.
 */
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TilesContract {
    /** Vertices of the detailed polygon: a 0.2° ring around (3.3, 50.5) zigzagging by 0.001° at every vertex. */
    private static final int DETAILED_VERTICES = 8_000;
    private static final GeometryFactory WGS84 = new GeometryFactory();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    /** For the partitioned PostGIS subclass, which checks how the collections are stored. */
    @Autowired
    DataSource dataSource;
    HttpTestClient http;
    String geo;
    String table;
    String closed;

    @BeforeAll
    void load() {
        http = new HttpTestClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        DatasetSchema schema = DatasetSchema.of(List.of(Column.of("nom", ColumnType.TEXT),
                Column.of("code", ColumnType.INTEGER), Column.of("surface", ColumnType.DECIMAL),
                Column.of("ouvert", ColumnType.BOOLEAN), Column.of("date_maj", ColumnType.DATE)),
                GeometryInfo.wgs84(GeometryType.GEOMETRY));
        Dataset geoSet = publish("Tuiles test " + suffix, Visibility.PUBLIC);
        load(geoSet, schema, List.of(
                row("Lille", 59350, point(3.0635, 50.6305)),
                row("Roubaix", 59512, point(3.1746, 50.6927)),
                row("Zone détaillée", 1, detailedPolygon())));
        geo = geoSet.slug();
        Dataset tableSet = publish("Tuiles table " + suffix, Visibility.PUBLIC);
        load(tableSet, DatasetSchema.of(List.of(Column.of("libelle", ColumnType.TEXT)), null),
                List.of(new Row(new Object[] {"Ligne"}, null)));
        table = tableSet.slug();
        Dataset closedSet = publish("Tuiles fermées " + suffix, Visibility.RESTRICTED);
        load(closedSet, schema, List.of(row("Secret", 7, point(3.0635, 50.6305))));
        closed = closedSet.slug();
    }

    /** Loads the rows saying how many they are, as an import does (on PostGIS, enough of them are partitioned). */
    private void load(Dataset dataset, DatasetSchema schema, List<Row> rows) {
        policy.asPlatform(() -> datasets.load(dataset.id(), schema, RowSource.of(rows.stream()),
                LoadOptions.defaults().withExpectedRows(rows.size())));
    }

    private Dataset publish(String title, Visibility visibility) {
        String recordId = "rec-tiles-" + UUID.randomUUID();
        return policy.asPlatform(() -> {
            catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", title)).build(), visibility);
            return datasets.create(title, recordId);
        });
    }

    private static Row row(String name, long code, Geometry geometry) {
        return new Row(new Object[] {name, code, new BigDecimal("12.5"), Boolean.TRUE, LocalDate.of(2024, 3, 1)},
                geometry);
    }

    private static Point point(double lon, double lat) {
        return WGS84.createPoint(new Coordinate(lon, lat));
    }

    static Geometry detailedPolygon() {
        Coordinate[] ring = new Coordinate[DETAILED_VERTICES + 1];
        for (int i = 0; i < DETAILED_VERTICES; i++) {
            double angle = 2 * Math.PI * i / DETAILED_VERTICES;
            double radius = 0.2 + (i % 2 == 0 ? 0 : 0.001);
            ring[i] = new Coordinate(3.3 + radius * Math.cos(angle), 50.5 + radius * Math.sin(angle));
        }
        ring[DETAILED_VERTICES] = ring[0];
        return WGS84.createPolygon(ring);
    }

    /** {z, row, col} of the WebMercatorQuad tile holding a lon/lat (the usual slippy-map formula, independent of ours). */
    static long[] tileOf(int z, double lon, double lat) {
        double n = 1L << z;
        double lat0 = Math.toRadians(lat);
        long col = (long) Math.floor((lon + 180) / 360 * n);
        long row = (long) Math.floor((1 - Math.log(Math.tan(lat0) + 1 / Math.cos(lat0)) / Math.PI) / 2 * n);
        return new long[] {z, row, col};
    }

    String tilePath(String collection, long[] tile) {
        return "/ogcapi/collections/" + collection + "/tiles/WebMercatorQuad/" + tile[0] + "/" + tile[1] + "/"
                + tile[2];
    }

    HttpResponse<byte[]> binary(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<Geometry> decode(HttpResponse<byte[]> response, String layer) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.mapbox-vector-tile");
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(response.body()), WGS84,
                new TagKeyValueMapConverter());
        JtsLayer found = mvt.getLayer(layer);
        assertThat(found).as("layer " + layer).isNotNull();
        assertThat(found.getExtent()).isEqualTo(4096);
        return new ArrayList<>(found.getGeometries());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(Geometry geometry) {
        return (Map<String, Object>) geometry.getUserData();
    }

    JsonNode ok(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return http.json(response);
    }

    @Test
    void conformanceDeclaresTheTilesClasses() {
        List<String> classes = new ArrayList<>();
        ok("/ogcapi/conformance").get("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
    }

    @Test
    void geographicCollectionsLinkToTheirTilesetsAndTablesDoNot() {
        assertThat(ok("/ogcapi/collections/" + geo).get("links").toString())
                .contains("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "/collections/" + geo + "/tiles");
        assertThat(ok("/ogcapi/collections/" + table).get("links").toString()).doesNotContain("tilesets");
        assertThat(http.get("/ogcapi/collections/" + table + "/tiles").statusCode()).isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/" + table + "/tiles/WebMercatorQuad/0/0/0").statusCode())
                .isEqualTo(404);
    }

    @Test
    void tileMatrixSetsDescribeWebMercatorQuad() {
        JsonNode list = ok("/ogcapi/tileMatrixSets");
        assertThat(list.get("tileMatrixSets").get(0).get("id").asString()).isEqualTo("WebMercatorQuad");
        JsonNode set = ok("/ogcapi/tileMatrixSets/WebMercatorQuad");
        assertThat(set.get("uri").asString()).isEqualTo(WebMercatorQuad.URI);
        assertThat(set.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        JsonNode matrices = set.get("tileMatrices");
        assertThat(matrices.size()).isEqualTo(25);
        // OGC 17-083r4 annex D: matrix 0 scale denominator 559 082 264.028 7178, 1×1; matrix 24 16 777 216 wide
        assertThat(matrices.get(0).get("scaleDenominator").asDouble()).isCloseTo(559_082_264.0287178,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(matrices.get(0).get("cellSize").asDouble()).isCloseTo(156_543.03392804097,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(matrices.get(24).get("matrixWidth").asLong()).isEqualTo(16_777_216L);
        assertThat(http.get("/ogcapi/tileMatrixSets/WorldCRS84Quad").statusCode()).isEqualTo(404);
    }

    @Test
    void tilesetsListAndTilesetDescription() {
        JsonNode list = ok("/ogcapi/collections/" + geo + "/tiles");
        JsonNode entry = list.get("tilesets").get(0);
        assertThat(entry.get("tileMatrixSetURI").asString()).isEqualTo(WebMercatorQuad.URI);
        assertThat(entry.get("dataType").asString()).isEqualTo("vector");
        assertThat(entry.get("links").toString()).contains("/collections/" + geo + "/tiles/WebMercatorQuad",
                "tiling-scheme");
        JsonNode tileset = ok("/ogcapi/collections/" + geo + "/tiles/WebMercatorQuad");
        assertThat(tileset.get("tileMatrixSetURI").asString()).isEqualTo(WebMercatorQuad.URI);
        assertThat(tileset.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(tileset.get("dataType").asString()).isEqualTo("vector");
        JsonNode template = null;
        for (JsonNode link : tileset.get("links")) {
            if (link.get("rel").asString().equals("item")) {
                template = link;
            }
        }
        assertThat(template).isNotNull();
        assertThat(template.get("href").asString())
                .endsWith("/collections/" + geo + "/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
        assertThat(template.get("type").asString()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(template.get("templated").asBoolean()).isTrue();
        JsonNode layer = tileset.get("layers").get(0);
        assertThat(layer.get("id").asString()).isEqualTo(geo);
        assertThat(layer.get("propertiesSchema").get("properties").get("code").get("type").asString())
                .isEqualTo("integer");
    }

    @Test
    void aTileHoldsTheFeaturesOfItsAreaWithTheirAttributes() throws IOException {
        List<Geometry> lilleOnly = decode(binary(tilePath(geo, tileOf(14, 3.0635, 50.6305))), geo);
        assertThat(lilleOnly).hasSize(1);
        Geometry lille = lilleOnly.get(0);
        assertThat(lille).isInstanceOf(Point.class);
        assertThat(lille.getCoordinate().x).isBetween(0.0, 4096.0);
        assertThat(lille.getCoordinate().y).isBetween(0.0, 4096.0);
        Map<String, Object> attributes = attributes(lille);
        assertThat(attributes).containsEntry("nom", "Lille").containsEntry("ouvert", true)
                .containsEntry("date_maj", "2024-03-01");
        assertThat(((Number) attributes.get("code")).longValue()).isEqualTo(59350L);
        assertThat(((Number) attributes.get("surface")).doubleValue()).isEqualTo(12.5);

        // z=9: the two points and the polygon are in the same tile
        List<Geometry> all = decode(binary(tilePath(geo, tileOf(9, 3.0635, 50.6305))), geo);
        assertThat(all).extracting(g -> attributes(g).get("nom"))
                .containsExactlyInAnyOrder("Lille", "Roubaix", "Zone détaillée");
    }

    @Test
    void anEmptyAreaIsAnEmptyTile() {
        // OGC API – Tiles /req/core/tc-success: an empty tile inside the limits may be answered 204
        assertThat(binary(tilePath(geo, tileOf(10, -30, 40))).statusCode()).isEqualTo(204);
    }

    @Test
    void lowZoomsAreGeneralised() throws IOException {
        Geometry z5 = polygonIn(binary(tilePath(geo, tileOf(5, 3.3, 50.5))));
        Geometry z15 = polygonIn(binary(tilePath(geo, tileOf(15, 3.5, 50.5))));
        // the whole ring at z=5 has fewer vertices than its 1.2 km stretch at z=15, and far fewer than the source
        assertThat(z5.getNumPoints()).isLessThan(z15.getNumPoints()).isLessThan(DETAILED_VERTICES / 50);
        assertThat(z15.getNumPoints()).isGreaterThan(20);
    }

    private Geometry polygonIn(HttpResponse<byte[]> response) throws IOException {
        return decode(response, geo).stream().filter(g -> g instanceof Polygonal).findFirst().orElseThrow();
    }

    @Test
    void tilesCarryAnEtagAndAnswer304WhenItMatches() {
        String path = tilePath(geo, tileOf(12, 3.0635, 50.6305));
        HttpResponse<byte[]> first = binary(path);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=3600");
        HttpResponse<byte[]> again = binary(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<byte[]> cached = binary(path);
        assertThat(cached.body()).isEqualTo(first.body());
        assertThat(binary(path, "If-None-Match", "\"autre\"").statusCode()).isEqualTo(200);
        // another tile, another tag
        assertThat(binary(tilePath(geo, tileOf(11, 3.0635, 50.6305))).headers().firstValue("ETag"))
                .isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void closedCollectionsHaveNoTilesForVisitorsAndPrivateCachingForAdministrators() throws IOException {
        String path = tilePath(closed, tileOf(14, 3.0635, 50.6305));
        assertThat(binary(path).statusCode()).isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/" + closed + "/tiles").statusCode()).isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/" + closed + "/tiles/WebMercatorQuad").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> admin = binary(path, "Authorization", HttpTestClient.ADMIN);
        assertThat(admin.headers().firstValue("Cache-Control")).contains("private");
        assertThat(decode(admin, closed)).extracting(g -> attributes(g).get("nom")).containsExactly("Secret");
    }

    @Test
    void badTileCoordinatesAre400() {
        for (String tile : List.of("25/0/0", "3/8/0", "3/0/8", "-1/0/0", "a/0/0", "3/0/x")) {
            HttpResponse<String> response = http.get("/ogcapi/collections/" + geo + "/tiles/WebMercatorQuad/" + tile);
            assertThat(response.statusCode()).as(tile).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        assertThat(http.get("/ogcapi/collections/" + geo + "/tiles/WorldCRS84Quad/0/0/0").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/" + geo + "/tiles/WebMercatorQuad/0/0/0?bbox=1,2,3,4")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesTheTilesOfGeographicCollectionsOnly() {
        JsonNode paths = ok("/ogcapi/api").get("paths");
        assertThat(paths.has("/tileMatrixSets")).isTrue();
        assertThat(paths.get("/tileMatrixSets/{tileMatrixSetId}").get("get").get("parameters").get(0).get("schema")
                .get("enum").get(0).asString()).isEqualTo("WebMercatorQuad");
        String tiles = "/collections/" + geo + "/tiles";
        assertThat(paths.has(tiles)).isTrue();
        assertThat(paths.has(tiles + "/{tileMatrixSetId}")).isTrue();
        JsonNode tile = paths.get(tiles + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}").get("get");
        List<String> parameters = new java.util.ArrayList<>();
        tile.get("parameters").forEach(p -> parameters.add(p.get("name").asString() + "@" + p.get("in").asString()));
        assertThat(parameters).containsExactly("tileMatrixSetId@path", "tileMatrix@path", "tileRow@path",
                "tileCol@path");
        assertThat(tile.get("parameters").get(1).get("schema").get("maximum").asInt()).isEqualTo(24);
        assertThat(tile.get("responses").get("200").get("content").has("application/vnd.mapbox-vector-tile"))
                .isTrue();
        assertThat(tile.get("responses").has("204")).isTrue();
        assertThat(tile.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
        assertThat(paths.has("/collections/" + table + "/tiles")).isFalse();
        assertThat(paths.has("/collections/" + closed + "/tiles")).isFalse();
    }
}
