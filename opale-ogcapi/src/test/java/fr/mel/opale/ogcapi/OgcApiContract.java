package fr.mel.opale.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import fr.mel.opale.testing.HttpTestClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OGC API's contract over HTTP on a real server, run on H2 and on PostGIS by the two subclasses: Part 1 (landing,
 * conformance, collections, items, paging, bbox, datetime, attribute filters, properties, sortby), Part 2 (CRS,
 * checked against known Lambert-93 and Web Mercator values), Part 3 (queryables, every CQL2 class declared, text
 * and JSON), closed collections, renames, and bad input (never a 500).
 */
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OgcApiContract {
    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    @Autowired
    DataSource dataSource;
    HttpTestClient http;
    TestCollections data;
    String geo;
    String table;

    @BeforeAll
    void load() {
        http = new HttpTestClient(port);
        data = new TestCollections(datasets, catalog, policy);
        geo = data.geo.slug();
        table = data.table.slug();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    JsonNode ok(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return http.json(response);
    }

    JsonNode items(String collection, String query) {
        return ok("/ogcapi/collections/" + collection + "/items" + (query.isEmpty() ? "" : "?" + query));
    }

    long matched(String query) {
        return items(geo, query + "&limit=1").get("numberMatched").asLong();
    }

    long cql(String filter) {
        return matched("filter=" + q(filter));
    }

    long cqlJson(String filter) {
        return matched("filter-lang=cql2-json&filter=" + q(filter));
    }

    void badRequest(String path, String... expectedInDetail) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        for (String expected : expectedInDetail) {
            assertThat(http.json(response).get("detail").asString()).contains(expected);
        }
    }

    // ---------------------------------------------------------------- Part 1

    @Test
    void landingPageLinksTheApiTheConformanceAndTheData() {
        JsonNode landing = ok("/ogcapi");
        Set<String> rels = new HashSet<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asString()));
        assertThat(rels).contains("self", "alternate", "service-desc", "conformance", "data");
        HttpResponse<String> html = http.get("/ogcapi?f=html");
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(http.send("GET", "/ogcapi", null, null, null, "Accept", "text/html").body()).contains("<h1>");
    }

    @Test
    void conformanceListsTheBuildingBlocksSwitchedOn() {
        List<String> classes = new ArrayList<>();
        ok("/ogcapi/conformance").get("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions").doesNotHaveDuplicates();
    }

    @Test
    void collectionsListGeographicAndNonGeographicDatasetsButNotHiddenOnes() {
        JsonNode collections = ok("/ogcapi/collections").get("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).contains(geo, table).doesNotContain(data.hidden.slug());
        JsonNode described = ok("/ogcapi/collections/" + geo);
        assertThat(described.get("title").asString()).startsWith("Communes test");
        assertThat(described.get("storageCrs").asString()).isEqualTo(SupportedCrs.CRS84.uri);
        assertThat(described.get("crs").toString()).contains("EPSG/0/2154", "EPSG/0/4326", "EPSG/0/3857");
        assertThat(described.get("extent").get("spatial").get("bbox").get(0).get(0).asDouble()).isEqualTo(3.001);
        assertThat(ok("/ogcapi/collections/" + table).get("itemType").asString()).isEqualTo("feature");
        assertThat(http.get("/ogcapi/collections/nope-" + geo).statusCode()).isEqualTo(404);
    }

    @Test
    void itemsAreGeoJsonWithExactCountsAndDefaultLimit() {
        HttpResponse<String> response = http.get("/ogcapi/collections/" + geo + "/items");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        assertThat(response.headers().firstValue("Content-Crs").orElse(""))
                .isEqualTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        JsonNode page = http.json(response);
        assertThat(page.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(page.get("numberMatched").asLong()).isEqualTo(TestCollections.GEO_ROWS);
        assertThat(page.get("numberReturned").asLong()).isEqualTo(100);
        JsonNode first = page.get("features").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(1);
        assertThat(first.get("properties").get("nom").asString()).isEqualTo("Lille");
        assertThat(first.get("properties").get("code").isIntegralNumber()).isTrue();
        assertThat(first.get("properties").get("date_maj").asString()).isEqualTo("2024-01-01");
        assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(3.001);
        assertThat(ok("/ogcapi/collections/" + geo + "/items/4").get("properties").get("nom").asString())
                .isEqualTo(TestCollections.HOSTILE);
        assertThat(http.get("/ogcapi/collections/" + geo + "/items/9999").statusCode()).isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/" + geo + "/items/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void nonGeographicItemsHaveNullGeometries() {
        JsonNode page = items(table, "limit=5");
        assertThat(page.get("numberMatched").asLong()).isEqualTo(TestCollections.TABLE_ROWS);
        page.get("features").forEach(f -> assertThat(f.get("geometry").isNull()).isTrue());
        assertThat(ok("/ogcapi/collections/" + table + "/items/3").get("geometry").isNull()).isTrue();
    }

    @Test
    void nextLinksWalkEveryFeatureOnceAndPrevLinksGoBack() {
        Set<Long> seen = new HashSet<>();
        String url = "/ogcapi/collections/" + geo + "/items?limit=70";
        int pages = 0;
        JsonNode page = null;
        while (url != null) {
            page = ok(url);
            pages++;
            page.get("features").forEach(f -> assertThat(seen.add(f.get("id").asLong())).isTrue());
            url = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asString().equals("next")) {
                    url = link.get("href").asString().replaceFirst("^http://[^/]+", "");
                    assertThat(url).contains("cursor=");
                }
            }
        }
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(TestCollections.GEO_ROWS);
        String prev = null;
        for (JsonNode link : page.get("links")) {
            if (link.get("rel").asString().equals("prev")) {
                prev = link.get("href").asString().replaceFirst("^http://[^/]+", "");
            }
        }
        assertThat(prev).isNotNull();
        assertThat(ok(prev).get("features").get(0).get("id").asLong()).isEqualTo(141);
    }

    @Test
    void deepPagesByCursorEqualPagesByOffset() {
        JsonNode byOffset = items(geo, "offset=200&limit=10");
        assertThat(byOffset.get("features").get(0).get("id").asLong()).isEqualTo(201);
        String cursor = fr.mel.opale.ogcapi.core.CursorParameter.encode(200, 200);
        JsonNode byCursor = items(geo, "cursor=" + cursor + "&limit=10");
        assertThat(byCursor.get("features").toString()).isEqualTo(byOffset.get("features").toString());
        badRequest("/ogcapi/collections/" + geo + "/items?cursor=%25%25", "curseur");
    }

    @Test
    void limitIsClampedToTheMaximumAndValidated() {
        assertThat(items(geo, "limit=100000").get("numberReturned").asLong()).isEqualTo(250);
        assertThat(items(geo, "limit=99999999999999999999999").get("numberReturned").asLong()).isEqualTo(250);
        badRequest("/ogcapi/collections/" + geo + "/items?limit=0", "limit");
        badRequest("/ogcapi/collections/" + geo + "/items?limit=abc", "limit");
        badRequest("/ogcapi/collections/" + geo + "/items?offset=-1", "offset");
    }

    @Test
    void bboxFiltersAndIsValidated() {
        assertThat(matched("bbox=3.0005,50.5,3.0105,50.7")).isEqualTo(10);
        assertThat(matched("bbox=3.0005,50.5,0,3.0105,50.7,100")).isEqualTo(10);
        assertThat(items(table, "bbox=3,50,4,51").get("numberMatched").asLong()).isZero();
        badRequest("/ogcapi/collections/" + geo + "/items?bbox=1,2,3", "4 ou 6");
        badRequest("/ogcapi/collections/" + geo + "/items?bbox=-200,0,10,10", "longitudes");
        badRequest("/ogcapi/collections/" + geo + "/items?bbox=5,5,1,1", "min");
        badRequest("/ogcapi/collections/" + geo + "/items?bbox=a,b,c,d", "nombre");
    }

    @Test
    void datetimeReallyFiltersOnTheTemporalProperty() {
        assertThat(matched("datetime=2024-01-05")).isEqualTo(1);
        assertThat(matched("datetime=2024-01-01/2024-01-10")).isEqualTo(10);
        assertThat(matched("datetime=../2024-01-03")).isEqualTo(3);
        assertThat(matched("datetime=2024-09-01/..")).isEqualTo(250 - 244);
        assertThat(matched("datetime=2024-01-05T12:00:00Z")).isEqualTo(1);
        badRequest("/ogcapi/collections/" + geo + "/items?datetime=hier", "datetime");
        badRequest("/ogcapi/collections/" + geo + "/items?datetime=2024-02-01/2024-01-01", "début");
        badRequest("/ogcapi/collections/" + table + "/items?datetime=2024-01-01", "date");
    }

    @Test
    void queryablesAreQueryParametersTypedByTheirColumn() {
        assertThat(matched("nom=Lille")).isEqualTo(1);
        assertThat(matched("nom=" + q(TestCollections.HOSTILE))).isEqualTo(1);
        assertThat(matched("code=7")).isEqualTo(1);
        assertThat(matched("ouvert=true")).isEqualTo(125);
        assertThat(matched("date_maj=2024-01-02&code=2")).isEqualTo(1);
        badRequest("/ogcapi/collections/" + geo + "/items?code=abc", "code", "entier");
    }

    @Test
    void propertiesSelectsAndSortbyOrders() {
        JsonNode feature = items(geo, "properties=code,nom&limit=1").get("features").get(0);
        List<String> names = new ArrayList<>();
        feature.get("properties").propertyNames().forEach(names::add);
        assertThat(names).containsExactly("code", "nom");
        badRequest("/ogcapi/collections/" + geo + "/items?properties=code,inconnue", "inconnue");
        assertThat(items(geo, "sortby=-code&limit=2").get("features").get(0).get("id").asLong()).isEqualTo(250);
        assertThat(items(geo, "sortby=" + q("+nom") + "&limit=1").get("features").get(0).get("properties")
                .get("nom").asString()).isEqualTo("Commune 10");
        JsonNode sorted = items(geo, "sortby=-population&limit=100");
        boolean offsetNext = false;
        for (JsonNode link : sorted.get("links")) {
            offsetNext |= link.get("rel").asString().equals("next") && link.get("href").asString().contains("offset=100");
        }
        assertThat(offsetNext).isTrue();
        badRequest("/ogcapi/collections/" + geo + "/items?sortby=-inconnue", "inconnue");
    }

    @Test
    void unknownParametersAreRefusedWithTheListOfAllowedOnes() {
        badRequest("/ogcapi/collections/" + geo + "/items?limt=10", "limt", "limit", "bbox", "nom");
        badRequest("/ogcapi/collections?foo=1", "foo");
        badRequest("/ogcapi/collections/" + geo + "/items?f=xml", "html");
    }

    // ---------------------------------------------------------------- Part 2

    @Test
    void coordinatesAreReprojectedWithTheAxisOrderOfTheCrs() {
        JsonNode wgs84 = items(geo, "limit=1&crs=" + q("http://www.opengis.net/def/crs/EPSG/0/4326"));
        assertThat(wgs84.get("features").get(0).get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(50.6);
        assertThat(wgs84.get("features").get(0).get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(3.001);
        HttpResponse<String> lambert = http.get("/ogcapi/collections/" + geo + "/items?limit=1&crs="
                + q(SupportedCrs.EPSG_2154.uri));
        assertThat(lambert.headers().firstValue("Content-Crs").orElse("")).isEqualTo("<" + SupportedCrs.EPSG_2154.uri + ">");
        JsonNode xy = http.json(lambert).get("features").get(0).get("geometry").get("coordinates");
        // PostGIS 3.3: ST_Transform(POINT(3.001 50.6), 2154) = POINT(700070.9163577574 7055881.460686332)
        assertThat(xy.get(0).asDouble()).isCloseTo(700070.916, org.assertj.core.data.Offset.offset(0.01));
        assertThat(xy.get(1).asDouble()).isCloseTo(7055881.461, org.assertj.core.data.Offset.offset(0.01));
        JsonNode mercator = ok("/ogcapi/collections/" + geo + "/items/1?crs=" + q(SupportedCrs.EPSG_3857.uri))
                .get("geometry").get("coordinates");
        assertThat(mercator.get(0).asDouble()).isCloseTo(334069.792, org.assertj.core.data.Offset.offset(0.01));
        assertThat(mercator.get(1).asDouble()).isCloseTo(6550841.042, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void bboxAndFilterGeometriesMayComeInAnotherCrs() {
        assertThat(matched("bbox=50.5,3.0005,50.7,3.0105&bbox-crs=" + q(SupportedCrs.EPSG_4326.uri))).isEqualTo(10);
        // x of feature i ≈ 700070.9 + 70.9·(i - 1) in Lambert-93: features 1 to 9 up to x = 700670
        assertThat(matched("bbox=699900,7055000,700670,7056500&bbox-crs=" + q(SupportedCrs.EPSG_2154.uri)))
                .isEqualTo(9);
        assertThat(matched("filter-crs=" + q(SupportedCrs.EPSG_4326.uri) + "&filter="
                + q("S_INTERSECTS(geometry, BBOX(50.5,3.0005,50.7,3.0105))"))).isEqualTo(10);
        badRequest("/ogcapi/collections/" + geo + "/items?crs=EPSG:9999", "EPSG/0/2154");
        badRequest("/ogcapi/collections/" + geo + "/items?bbox-crs=nope&bbox=1,2,3,4", "bbox-crs");
    }

    // ---------------------------------------------------------------- Part 3

    @Test
    void queryablesAreAJsonSchema() {
        HttpResponse<String> response = http.get("/ogcapi/collections/" + geo + "/queryables");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/schema+json");
        JsonNode schema = http.json(response);
        assertThat(schema.get("properties").get("code").get("type").asString()).isEqualTo("integer");
        assertThat(schema.get("properties").get("date_maj").get("format").asString()).isEqualTo("date");
        assertThat(schema.get("properties").get("geometry").get("format").asString()).isEqualTo("geometry-point");
        assertThat(ok("/ogcapi/collections/" + table + "/queryables").get("properties").has("geometry")).isFalse();
    }

    /** What a browser sends when a visitor follows a page's link. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void linkedSchemasAndTheApiDocumentAnswerABrowserWithAPageNot406() {
        HttpResponse<String> queryables = http.send("GET", "/ogcapi/collections/" + geo + "/queryables", null, null,
                null, "Accept", BROWSER_ACCEPT);
        assertThat(queryables.statusCode()).isEqualTo(200);
        assertThat(queryables.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(queryables.body()).contains("<td>code</td>", "<td>integer</td>", "<td>date_maj</td>",
                "<td>geometry-point</td>", "/queryables?f=json");
        HttpResponse<String> api = http.send("GET", "/ogcapi/api", null, null, null, "Accept", BROWSER_ACCEPT);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(api.body()).contains("GET /collections/" + geo + "/items", "/api?f=json");
        // clients asking for JSON still get the JSON
        assertThat(http.get("/ogcapi/api?f=json").headers().firstValue("Content-Type").orElse(""))
                .contains("openapi");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nom = 'Lille'|1",
            "code <> 1|249",
            "code < 10|9",
            "code <= 10|10",
            "code > 240|10",
            "code >= 240|11",
            "surface > 100.4|151",
            "ouvert = TRUE AND code <= 10|5",
            "code = 1 OR code = 2|2",
            "NOT code > 5|5",
            "(code < 3 OR code > 248) AND NOT nom = 'Lille'|3",
            "nom IS NULL|0",
            "nom IS NOT NULL|250",
            "TRUE|250",
            "nom LIKE 'Commune 1%'|110",
            "nom NOT LIKE 'Commune%'|4",
            "nom LIKE 'Ro_baix'|1",
            "code BETWEEN 10 AND 19|10",
            "code NOT BETWEEN 10 AND 250|9",
            "code IN (1, 2, 3, 999)|3",
            "nom NOT IN ('Lille', 'Roubaix')|248",
            "CASEI(nom) = casei('LILLE')|1",
            "CASEI(nom) LIKE CASEI('ROU%')|1",
            "ACCENTI(nom) = ACCENTI('Perenchies')|1",
            "ACCENTI(CASEI(nom)) = ACCENTI(CASEI('PERENCHIES'))|1",
            "S_INTERSECTS(geometry, POINT(3.001 50.6))|1",
            "S_INTERSECTS(geometry, BBOX(3.0005, 50.5, 3.0105, 50.7))|10",
            "S_INTERSECTS(geometry, POLYGON((3.0005 50.5, 3.0055 50.5, 3.0055 50.7, 3.0005 50.7, 3.0005 50.5)))|5",
            "S_WITHIN(geometry, POLYGON((3.0005 50.5, 3.0055 50.5, 3.0055 50.7, 3.0005 50.7, 3.0005 50.5)))|5",
            "S_CONTAINS(POLYGON((3.0005 50.5, 3.0055 50.5, 3.0055 50.7, 3.0005 50.7, 3.0005 50.5)), geometry)|5",
            "S_DISJOINT(geometry, BBOX(3.0005, 50.5, 3.0105, 50.7))|240",
            "S_EQUALS(geometry, POINT(3.002 50.6))|1",
            "S_TOUCHES(geometry, LINESTRING(3.002 50.6, 3.002 50.7))|1",
            "S_CROSSES(LINESTRING(3.0005 50.5, 3.0005 50.7), geometry)|0",
            "S_OVERLAPS(geometry, POINT(3.001 50.6))|0",
            "S_INTERSECTS(geometry, MULTIPOINT((3.001 50.6), (3.002 50.6)))|2",
            "T_INTERSECTS(date_maj, INTERVAL('2024-01-01', '2024-01-10'))|10",
            "T_BEFORE(date_maj, DATE('2024-01-04'))|3",
            "T_AFTER(releve, TIMESTAMP('2024-01-01T09:30:00Z'))|241",
            "T_EQUALS(date_maj, DATE('2024-01-05'))|1",
            "T_DURING(date_maj, INTERVAL('2024-01-01', '2024-01-05'))|3",
            "T_DISJOINT(date_maj, INTERVAL('..', '2024-01-05'))|245",
            "T_MEETS(date_maj, DATE('2024-01-05'))|1",
            "T_INTERSECTS(releve, INTERVAL('2024-01-01T00:00:00Z', '..'))|250",
            "T_INTERSECTS(releve, DATE('2024-01-01'))|22",
            "date_maj < DATE('2024-01-04')|3",
            "releve >= TIMESTAMP('2024-01-01T10:00:00Z')|241"})
    void everyDeclaredCql2TextOperatorFilters(String filter, long expected) {
        assertThat(cql(filter)).as(filter).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"op\":\"=\",\"args\":[{\"property\":\"nom\"},\"Lille\"]}|1",
            "{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"code\"},240]},{\"op\":\"<=\",\"args\":[{\"property\":\"code\"},245]}]}|5",
            "{\"op\":\"or\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"code\"},1]},{\"op\":\"=\",\"args\":[{\"property\":\"code\"},2]}]}|2",
            "{\"op\":\"not\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"code\"},5]}]}|5",
            "{\"op\":\"isNull\",\"args\":[{\"property\":\"nom\"}]}|0",
            "{\"op\":\"like\",\"args\":[{\"property\":\"nom\"},\"Commune 1%\"]}|110",
            "{\"op\":\"between\",\"args\":[{\"property\":\"code\"},10,19]}|10",
            "{\"op\":\"in\",\"args\":[{\"property\":\"code\"},[1,2,3]]}|3",
            "{\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"nom\"}]},{\"op\":\"casei\",\"args\":[\"LILLE\"]}]}|1",
            "{\"op\":\"=\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"property\":\"nom\"}]},{\"op\":\"accenti\",\"args\":[\"Perenchies\"]}]}|1",
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[3.0005,50.5,3.0105,50.7]}]}|10",
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[3.001,50.6]}]}|1",
            "{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":[[[3.0005,50.5],[3.0055,50.5],[3.0055,50.7],[3.0005,50.7],[3.0005,50.5]]]}]}|5",
            "{\"op\":\"s_disjoint\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[3.0005,50.5,3.0105,50.7]}]}|240",
            "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"date_maj\"},{\"interval\":[\"2024-01-01\",\"2024-01-10\"]}]}|10",
            "{\"op\":\"t_before\",\"args\":[{\"property\":\"date_maj\"},{\"date\":\"2024-01-04\"}]}|3",
            "{\"op\":\"t_after\",\"args\":[{\"property\":\"releve\"},{\"timestamp\":\"2024-01-01T09:30:00Z\"}]}|241",
            "true|250"})
    void everyDeclaredCql2JsonOperatorFilters(String filter, long expected) {
        assertThat(cqlJson(filter)).as(filter).isEqualTo(expected);
    }

    @Test
    void filtersWorkOnNonGeographicCollections() {
        assertThat(items(table, "filter=" + q("annee = 2001 AND libelle LIKE 'Ligne%'")).get("numberMatched").asLong())
                .isEqualTo(5);
        assertThat(items(table, "filter=" + q("S_INTERSECTS(geometry, POINT(3 50))")).get("numberMatched").asLong())
                .isZero();
        assertThat(items(table, "annee=2002").get("numberMatched").asLong()).isEqualTo(5);
    }

    @Test
    void malformedOrHostileFiltersAreBadRequestsNamingTheProblem() {
        String items = "/ogcapi/collections/" + geo + "/items?filter=";
        badRequest(items + q("nom = 'Lille"), "ligne 1, colonne");
        badRequest(items + q("code >>> 3"), "ligne 1, colonne");
        badRequest(items + q("nom = 'x'\n AND AND"), "ligne 2");
        badRequest(items + q("inconnue = 3"), "inconnue");
        badRequest(items + q("code = 'abc'"), "nombre");
        badRequest(items + q("nom = 'x'); DROP TABLE dataset; --"), "colonne");
        badRequest(items + q("\"nom\"\"; DROP TABLE dataset; --\" = 1"));
        badRequest(items + q("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))"), "polygone");
        badRequest(items + q("T_BEFORE(nom, DATE('2024-01-01'))"), "nom");
        badRequest(items + q("date_maj = DATE('2024-13-45')"), "date");
        badRequest(items + q("(".repeat(500) + "code = 1" + ")".repeat(500)), "imbriqué");
        badRequest(items + q("code IN (" + "1,".repeat(1500) + "1)"), "IN");
        badRequest(items + q("nom = '" + "x".repeat(7_000) + "'"), "trop long");
        // Beyond the server's 8 KiB request line, Tomcat itself refuses: bounded before any parsing.
        assertThat(http.get(items + q("nom = '" + "x".repeat(30_000) + "'")).statusCode()).isEqualTo(400);
        badRequest(items + q("nom = 'é🚲'; ") , "colonne");
        badRequest("/ogcapi/collections/" + geo + "/items?filter-lang=cql2-json&filter=" + q("{\"op\":\"=\","), "JSON");
        badRequest("/ogcapi/collections/" + geo + "/items?filter-lang=cql2-json&filter="
                + q("{\"op\":\"zz\",\"args\":[]}"), "zz");
        badRequest("/ogcapi/collections/" + geo + "/items?filter-lang=ecql&filter=" + q("a=1"), "cql2-text");
        assertThat(cql("nom = 'é🚲 ''); DROP TABLE dataset; --'")).isZero();
        assertThat(cql("nom = 'O''Brien\"); DROP TABLE dataset; --'")).isEqualTo(1);
        assertThat(ok("/ogcapi/collections").get("collections").size()).isPositive(); // the registry survived
    }

    // ---------------------------------------------------------------- API document

    @Test
    void theOpenApiDocumentDescribesEveryCollectionAndItsQueryables() {
        HttpResponse<String> response = http.get("/ogcapi/api");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("openapi");
        JsonNode paths = http.json(response).get("paths");
        JsonNode parameters = paths.get("/collections/" + geo + "/items").get("get").get("parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("limit", "bbox", "datetime", "crs", "bbox-crs", "filter", "filter-lang", "sortby",
                "nom", "code", "date_maj");
        assertThat(paths.has("/collections/" + table + "/queryables")).isTrue();
        assertThat(paths.has("/collections/" + data.hidden.slug())).isFalse();
    }

    // ---------------------------------------------------------------- closed data, renames, CORS

    @Test
    void hiddenCollectionsAreAbsentForVisitorsAndServedToAdministrators() {
        String hidden = data.hidden.slug();
        assertThat(http.get("/ogcapi/collections/" + hidden).statusCode()).isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/" + hidden + "/items").statusCode()).isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/" + hidden + "/items/1").statusCode()).isEqualTo(404);
        assertThat(http.get("/ogcapi/collections/" + hidden + "/queryables").statusCode()).isEqualTo(404);
        HttpResponse<String> admin = http.send("GET", "/ogcapi/collections/" + hidden + "/items", null, null,
                HttpTestClient.ADMIN, "Origin", "https://ailleurs.example.com");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(http.json(admin).get("numberMatched").asLong()).isEqualTo(3);
        assertThat(admin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> listed = http.send("GET", "/ogcapi/collections/" + hidden + "/items", null, null,
                HttpTestClient.ADMIN, "Origin", "https://carto.example.org");
        assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://carto.example.org");
        HttpResponse<String> adminList = http.send("GET", "/ogcapi/collections", null, null, HttpTestClient.ADMIN,
                "Origin", "https://ailleurs.example.com");
        assertThat(adminList.body()).contains(hidden);
        assertThat(adminList.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> open = http.send("GET", "/ogcapi/collections/" + geo + "/items?limit=1", null, null, null,
                "Origin", "https://ailleurs.example.com");
        assertThat(open.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<String> preflight = http.send("OPTIONS", "/ogcapi/collections/" + geo + "/items", null, null,
                null, "Origin", "https://ailleurs.example.com", "Access-Control-Request-Method", "GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
        assertThat(http.get("/ogcapi/collections/" + geo + "/items", "Basic eDp5").statusCode()).isEqualTo(401);
    }

    @Test
    void aRenamedCollectionAnswersOnItsFormerIdWithARedirect() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        TestCollections other = new TestCollections(datasets, catalog, policy);
        String former = other.table.slug();
        String renamed = policy.asPlatform(() -> datasets.rename(other.table.id(), "Renommé " + suffix)).slug();
        HttpResponse<String> moved = http.get("/ogcapi/collections/" + former + "/items?limit=2");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location").orElse(""))
                .endsWith("/ogcapi/collections/" + renamed + "/items?limit=2");
        assertThat(http.get("/ogcapi/collections/" + former).statusCode()).isEqualTo(301);
        assertThat(items(renamed, "limit=2").get("numberReturned").asLong()).isEqualTo(2);
    }
}
