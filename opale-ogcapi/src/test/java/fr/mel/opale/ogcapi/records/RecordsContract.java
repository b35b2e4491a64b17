package fr.mel.opale.ogcapi.records;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
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
import fr.mel.opale.ogcapi.download.DownloadFormat;
import fr.mel.opale.ogcapi.download.DownloadFormats;
import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.testing.SharedTestData;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;
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
 * OGC API – Records over HTTP on a real server, run on H2 and on PostGIS by the two subclasses. The catalog holds
 * the real shared ISO records (imported as a ZIP through the catalog API) and three records of our own: a public
 * dataset with a published collection, a public service, a restricted dataset. Every expected count is computed
 * from the catalog's own JSON ({@code /api/records/{id}}), never from the index being tested.
 */
@SpringBootTest(classes = fr.mel.opale.ogcapi.OgcApiTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecordsContract {
    static final String ITEMS = "/ogcapi/collections/catalog/items";
    static final String CATEGORIES = "https://data.lillemetropole.fr/thematique/categories";
    static final String THEMES = "https://example.org/themes-" + "records";
    static final String HOSTILE = "Vélos <script>alert(1)</script> & \"co\"";

    @LocalServerPort
    int port;
    @Autowired
    Catalog catalog;
    @Autowired
    Datasets datasets;
    @Autowired
    AccessPolicy policy;
    HttpTestClient http;
    String suffix;
    String open;
    String service;
    String secret;
    Dataset dataset;
    /** Every record an anonymous visitor may read, as the catalog API gives it, by id. */
    Map<String, JsonNode> records;

    @BeforeAll
    void load() {
        http = new HttpTestClient(port);
        HttpResponse<String> imported = http.send("POST", "/api/records/import", "application/zip",
                SharedTestData.isoRecordsZip(), ADMIN);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        open = "rec-open-" + suffix;
        service = "rec-service-" + suffix;
        secret = "rec-secret-" + suffix;
        Organisation organisation = new Organisation("Organisation " + suffix, null, null);
        policy.asPlatform(() -> catalog.create(CatalogRecord.builder(open).kind(RecordKind.DATASET)
                .title(LocalizedText.of("fr", "Stations vélo " + suffix))
                .description(LocalizedText.of("fr", "Les stations de vélos en libre service."))
                .addKeyword(new Keyword(LocalizedText.of("fr", "Mobilité " + suffix), THEMES + "/mobilite",
                        new ThesaurusCitation("Thèmes de test", THEMES, null), "theme"))
                .addKeyword(Keyword.free("fr", "Libre " + suffix))
                .publisher(organisation)
                .addContact(new Contact("Jeanne Martin", "Organisation " + suffix, "Cheffe de projet",
                        "jeanne@example.org", "+33 3 20 00 00 00", "1 rue du Test, Lille", null, "pointOfContact",
                        Contact.Scope.RESOURCE))
                .licence(new LinkedText("Licence Ouverte v2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence"))
                .addUseLimitation("Données indicatives")
                .temporalExtent(new TemporalExtent(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)))
                .spatialExtent(new SpatialExtent(new BoundingBox(3.01, 50.61, 3.02, 50.62), null, List.of()))
                .addResourceIdentifier("EXT-" + suffix)
                .addOnlineResource(new OnlineResource("https://carto.example.org/wms", "OGC:WMS", "Carte des stations",
                        null, null, ResourceKind.SERVICE, null))
                .addOnlineResource(new OnlineResource("https://files.example.org/stations.csv",
                        "WWW:DOWNLOAD-1.0-http--download", "Fichier CSV", null, "text/csv", ResourceKind.DOWNLOAD,
                        "download"))
                .build(), Visibility.PUBLIC));
        policy.asPlatform(() -> catalog.create(CatalogRecord.builder(service).kind(RecordKind.SERVICE)
                .title(LocalizedText.of("fr", HOSTILE + " " + suffix))
                .publisher(organisation)
                .temporalExtent(new TemporalExtent(LocalDate.of(2022, 6, 1), null))
                .build(), Visibility.PUBLIC));
        policy.asPlatform(() -> catalog.create(CatalogRecord.builder(secret).kind(RecordKind.DATASET)
                .title(LocalizedText.of("fr", "Réseau sensible " + suffix))
                .publisher(organisation)
                .addKeyword(Keyword.free("fr", "Libre " + suffix))
                .temporalExtent(new TemporalExtent(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31)))
                .spatialExtent(new SpatialExtent(new BoundingBox(3.01, 50.61, 3.02, 50.62), null, List.of()))
                .build(), Visibility.RESTRICTED));
        dataset = policy.asPlatform(() -> datasets.create("Stations vélo " + suffix, open));
        GeometryFactory jts = new GeometryFactory();
        policy.asPlatform(() -> datasets.load(dataset.id(), DatasetSchema.of(List.of(Column.of("nom", ColumnType.TEXT)),
                GeometryInfo.wgs84(GeometryType.POINT)), RowSource.of(LongStream.rangeClosed(1, 3).mapToObj(i ->
                new Row(new Object[] {"Station " + i}, jts.createPoint(new Coordinate(3.01 + i / 1000.0, 50.615))))),
                LoadOptions.defaults().withExpectedRows(3)));
        records = new LinkedHashMap<>();
        for (JsonNode item : ok("/api/records?size=500").path("items")) {
            String id = item.path("id").asString();
            records.put(id, ok("/api/records/" + encode(id)));
        }
        assertThat(records).containsKeys(open, service).doesNotContainKey(secret).hasSizeGreaterThan(20);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    JsonNode ok(String path) {
        return ok(path, null);
    }

    JsonNode ok(String path, String authorization) {
        HttpResponse<String> response = http.get(path, authorization);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return http.json(response);
    }

    JsonNode items(String query) {
        return ok(ITEMS + "?" + query);
    }

    long matched(String query) {
        return items(query + "&limit=1").path("numberMatched").asLong();
    }

    long expected(Predicate<JsonNode> test) {
        return records.values().stream().filter(test).count();
    }

    /** Every id of a search, following its next links. */
    List<String> allIds(String query, String authorization) {
        List<String> ids = new ArrayList<>();
        String url = ITEMS + "?" + query + "&limit=7";
        int pages = 0;
        while (url != null) {
            JsonNode page = ok(url, authorization);
            page.path("features").forEach(f -> ids.add(f.path("id").asString()));
            url = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asString().equals("next")) {
                    URI next = URI.create(link.path("href").asString());
                    url = next.getRawPath() + "?" + next.getRawQuery();
                }
            }
            assertThat(++pages).isLessThan(200);
        }
        return ids;
    }

    void badRequest(String query, String... expectedInDetail) {
        HttpResponse<String> response = http.get(ITEMS + "?" + query);
        assertThat(response.statusCode()).as(query + " → " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        for (String expected : expectedInDetail) {
            assertThat(http.json(response).path("detail").asString()).contains(expected);
        }
    }

    static List<String> keywords(JsonNode record) {
        List<String> labels = new ArrayList<>();
        for (JsonNode keyword : record.path("keywords")) {
            var fields = keyword.path("label").properties().iterator();
            if (fields.hasNext()) {
                labels.add(fields.next().getValue().asString().strip().replaceAll("\\s+", " "));
            }
        }
        return labels;
    }

    static String organisation(JsonNode record) {
        String publisher = record.path("publisher").path("name").asString(null);
        if (publisher != null && !publisher.isBlank()) {
            return publisher.strip().replaceAll("\\s+", " ");
        }
        for (JsonNode contact : record.path("contacts")) {
            String name = contact.path("organisationName").asString(null);
            if ("RESOURCE".equals(contact.path("scope").asString()) && name != null && !name.isBlank()) {
                return name.strip().replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- discovery

    @Test
    void conformanceCollectionsAndOpenApiAnnounceTheCatalog() {
        List<String> classes = new ArrayList<>();
        ok("/ogcapi/conformance").path("conformsTo").forEach(c -> classes.add(c.asString()));
        String records = "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/";
        assertThat(classes).contains(records + "record-core", records + "record-collection",
                records + "record-core-query-parameters", records + "records-api", records + "searchable-catalog",
                records + "sorting", records + "json", records + "html", records + "oas30").doesNotHaveDuplicates();
        // the catalog is one of the collections, next to the datasets
        JsonNode catalogEntry = null;
        for (JsonNode collection : ok("/ogcapi/collections").path("collections")) {
            if (collection.path("id").asString().equals("catalog")) {
                catalogEntry = collection;
            }
        }
        assertThat(catalogEntry).isNotNull();
        JsonNode described = ok("/ogcapi/collections/catalog");
        assertThat(described.path("itemType").asString()).isEqualTo("record");
        assertThat(described.path("type").asString()).isEqualTo("Catalog");
        assertThat(described.path("title").asString()).isNotBlank();
        Set<String> rels = new HashSet<>();
        described.path("links").forEach(l -> rels.add(l.path("rel").asString()));
        assertThat(rels).contains("self", "alternate", "items");
        JsonNode paths = ok("/ogcapi/api").path("paths");
        assertThat(paths.has("/collections/catalog/items")).isTrue();
        assertThat(paths.has("/collections/catalog/items/{recordId}")).isTrue();
        List<String> parameters = new ArrayList<>();
        paths.path("/collections/catalog/items").path("get").path("parameters")
                .forEach(p -> parameters.add(p.path("name").asString()));
        assertThat(parameters).contains("q", "bbox", "datetime", "type", "ids", "externalIds", "category", "keyword",
                "organisation", "sortby", "limit", "offset");
        assertThat(ok("/ogcapi/collections/catalog/queryables").path("properties").has("keyword")).isTrue();
        assertThat(ok("/ogcapi/collections/catalog/sortables").path("properties").has("updated")).isTrue();
    }

    // ---------------------------------------------------------------- counts and filters

    @Test
    void countsEqualWhatTheCatalogHolds() {
        JsonNode all = items("limit=1");
        assertThat(all.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(all.path("numberMatched").asLong()).isEqualTo(records.size());
        assertThat(all.path("numberReturned").asLong()).isEqualTo(1);
        Map<String, Long> kinds = new HashMap<>();
        records.values().forEach(r -> kinds.merge(r.path("kind").asString().toLowerCase(Locale.ROOT), 1L, Long::sum));
        assertThat(kinds).hasSizeGreaterThan(1);
        kinds.forEach((kind, count) -> assertThat(matched("type=" + kind)).as(kind).isEqualTo(count));
        assertThat(matched("type=dataset,service")).isEqualTo(kinds.getOrDefault("dataset", 0L)
                + kinds.getOrDefault("service", 0L));
        assertThat(matched("type=nope")).isZero();
    }

    @Test
    void filtersByKeywordCategoryAndOrganisation() {
        Map<String, Long> byKeyword = new HashMap<>();
        records.values().forEach(r -> new HashSet<>(keywords(r)).forEach(k -> byKeyword.merge(k, 1L, Long::sum)));
        List<String> frequent = byKeyword.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4).map(Map.Entry::getKey).toList();
        for (String keyword : frequent) {
            assertThat(matched("keyword=" + encode(keyword))).as(keyword).isEqualTo(byKeyword.get(keyword));
        }
        // repeated values: any of them
        assertThat(matched("keyword=" + encode(frequent.get(0)) + "&keyword=" + encode(frequent.get(1))))
                .isEqualTo(expected(r -> keywords(r).contains(frequent.get(0)) || keywords(r).contains(frequent.get(1))));
        Map<String, Long> byOrganisation = new HashMap<>();
        records.values().forEach(r -> {
            if (organisation(r) != null) {
                byOrganisation.merge(organisation(r), 1L, Long::sum);
            }
        });
        byOrganisation.entrySet().stream().limit(5).forEach(e ->
                assertThat(matched("organisation=" + encode(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue()));
        assertThat(matched("organisation=" + encode("Organisation " + suffix))).isEqualTo(2);
        assertThat(matched("organisation=" + encode("Organisation " + suffix) + "&type=service")).isEqualTo(1);
        // usage categories: the records' keywords bound to the categories' concepts (flat scheme)
        Map<String, Long> byCategory = new HashMap<>();
        records.values().forEach(r -> {
            Set<String> own = new HashSet<>();
            r.path("keywords").forEach(k -> {
                if (k.path("uri").asString("").startsWith(CATEGORIES + "/")) {
                    own.add(k.path("uri").asString());
                }
            });
            own.forEach(c -> byCategory.merge(c, 1L, Long::sum));
        });
        assertThat(byCategory).isNotEmpty();
        byCategory.forEach((category, count) ->
                assertThat(matched("category=" + encode(category))).as(category).isEqualTo(count));
    }

    @Test
    void searchesTextIdsAndExternalIds() {
        assertThat(allIds("q=" + suffix, null)).containsExactlyInAnyOrder(open, service);
        assertThat(allIds("q=" + encode("stations vélo " + suffix), null)).containsExactly(open);
        // comma = any of the terms
        assertThat(allIds("q=" + encode("Mobilité " + suffix + ",nothing-like-it-" + suffix), null))
                .containsExactly(open);
        assertThat(allIds("ids=" + open + "," + service + ",nope", null)).containsExactlyInAnyOrder(open, service);
        assertThat(allIds("externalIds=EXT-" + suffix, null)).containsExactly(open);
        // empty values filter nothing
        assertThat(matched("q=&bbox=&datetime=&type=")).isEqualTo(records.size());
    }

    /** Whether two longitude spans meet, either of them possibly across the antimeridian (west > east). */
    private static boolean longitudesMeet(double west1, double east1, double west2, double east2) {
        for (double[] a : west1 <= east1 ? new double[][] {{west1, east1}} : new double[][] {{west1, 180}, {-180, east1}}) {
            for (double[] b : west2 <= east2 ? new double[][] {{west2, east2}} : new double[][] {{west2, 180}, {-180, east2}}) {
                if (a[0] <= b[1] && a[1] >= b[0]) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void filtersByBoxAsTheCatalogSays() {
        // The last box crosses the antimeridian (west > east): from 2.9° eastwards to 180°, then from -180° to -170°.
        double[][] boxes = {{2.9, 50.5, 3.3, 50.8}, {-5, 41, 10, 51.5}, {3.015, 50.615, 3.016, 50.616},
                {2.9, 41, -170, 51.5}};
        for (double[] b : boxes) {
            long expected = expected(r -> {
                JsonNode box = r.path("spatialExtent").path("bbox");
                boolean latitudes = box.path("south").asDouble() <= b[3] && box.path("north").asDouble() >= b[1];
                return box.isObject() && latitudes && longitudesMeet(box.path("west").asDouble(),
                        box.path("east").asDouble(), b[0], b[2]);
            });
            assertThat(matched("bbox=" + b[0] + "," + b[1] + "," + b[2] + "," + b[3])).as(List.of(b).toString())
                    .isEqualTo(expected);
        }
        assertThat(allIds("bbox=3.015,50.615,3.016,50.616&q=" + suffix, null)).containsExactly(open);
        assertThat(allIds("bbox=3.015,50.615,0,3.016,50.616,100&q=" + suffix, null)).containsExactly(open);
    }

    @Test
    void filtersByTheResourcesTemporalExtent() {
        String[][] periods = {{"2020-06-01", "2020-06-01"}, {"2019-01-01", "2021-01-01"}, {"2023-01-01", null},
                {null, "2000-01-01"}, {"2021-01-01", "2022-05-31"}};
        for (String[] p : periods) {
            LocalDate start = p[0] == null ? null : LocalDate.parse(p[0]);
            LocalDate end = p[1] == null ? null : LocalDate.parse(p[1]);
            long expected = expected(r -> {
                JsonNode time = r.path("temporalExtent");
                LocalDate s = time.path("start").isString() ? LocalDate.parse(time.path("start").asString()) : null;
                LocalDate e = time.path("end").isString() ? LocalDate.parse(time.path("end").asString()) : null;
                if (s == null && e == null) {
                    return false;
                }
                return (end == null || s == null || !s.isAfter(end)) && (start == null || e == null || !e.isBefore(start));
            });
            String datetime = p[0] != null && p[0].equals(p[1]) ? p[0]
                    : (p[0] == null ? ".." : p[0]) + "/" + (p[1] == null ? ".." : p[1]);
            assertThat(matched("datetime=" + encode(datetime))).as(datetime).isEqualTo(expected);
        }
        assertThat(allIds("datetime=2020-06-01&q=" + suffix, null)).containsExactly(open);
        assertThat(allIds("datetime=" + encode("2030-01-01T10:00:00Z") + "&q=" + suffix, null)).containsExactly(service);
        assertThat(allIds("datetime=" + encode("2020-01-01/..") + "&q=" + suffix, null))
                .containsExactlyInAnyOrder(open, service);
    }

    // ---------------------------------------------------------------- sorting and paging

    @Test
    void sortsByTitleUpdatedAndCreated() {
        String ids = "ids=" + open + "," + service;
        // created in this order: open, then service
        assertThat(allIds(ids + "&sortby=created", null)).containsExactly(open, service);
        assertThat(allIds(ids + "&sortby=-created", null)).containsExactly(service, open);
        assertThat(allIds(ids + "&sortby=" + encode("+updated"), null)).containsExactly(open, service);
        assertThat(allIds(ids + "&sortby=-updated", null)).containsExactly(service, open);
        // "Stations…" after "Vélos…"? No: S < V.
        assertThat(allIds(ids + "&sortby=title", null)).containsExactly(open, service);
        assertThat(allIds(ids + "&sortby=-title", null)).containsExactly(service, open);
        List<Instant> updated = new ArrayList<>();
        items("limit=100&sortby=-updated").path("features")
                .forEach(f -> updated.add(Instant.parse(f.path("properties").path("updated").asString())));
        assertThat(updated).hasSizeGreaterThan(20).isSortedAccordingTo((x, y) -> y.compareTo(x));
    }

    @Test
    void pagesWithNextAndPrevLinksAndClampsTheLimit() {
        List<String> ids = allIds("sortby=title", null);
        assertThat(ids).hasSize(records.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(records.keySet());
        JsonNode second = items("sortby=title&limit=5&offset=5");
        assertThat(second.path("numberReturned").asInt()).isEqualTo(5);
        Map<String, String> rels = new HashMap<>();
        second.path("links").forEach(l -> rels.put(l.path("rel").asString(), l.path("href").asString()));
        assertThat(rels).containsKeys("self", "alternate", "collection", "next", "prev");
        assertThat(rels.get("next")).contains("offset=10").contains("limit=5");
        assertThat(rels.get("prev")).contains("offset=0");
        // an offset that is not a multiple of the limit is honoured
        JsonNode shifted = items("sortby=title&limit=3&offset=4");
        assertThat(shifted.path("features").get(0).path("id").asString()).isEqualTo(ids.get(4));
        JsonNode clamped = items("limit=100000");
        assertThat(clamped.path("numberReturned").asInt()).isEqualTo(Math.min(100, records.size()));
        assertThat(items("limit=3").path("numberReturned").asInt()).isEqualTo(3);
        assertThat(items("").path("numberReturned").asInt()).isEqualTo(Math.min(10, records.size()));
        JsonNode beyond = items("offset=100000");
        assertThat(beyond.path("numberReturned").asInt()).isZero();
        assertThat(beyond.path("numberMatched").asLong()).isEqualTo(records.size());
    }

    // ---------------------------------------------------------------- closed records

    @Test
    void restrictedRecordsAreInvisibleToAnonymousVisitorsAndVisibleToAdministrators() {
        assertThat(allIds("q=" + suffix, null)).doesNotContain(secret);
        assertThat(matched("ids=" + secret)).isZero();
        assertThat(matched("keyword=" + encode("Libre " + suffix))).isEqualTo(1);
        assertThat(matched("datetime=2020-03-15&q=" + suffix)).isEqualTo(1);
        HttpResponse<String> hidden = http.get(ITEMS + "/" + secret);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("sensible");
        assertThat(http.get(ITEMS + "/nope-" + suffix).statusCode()).isEqualTo(404);
        // the administrator (HTTP Basic) sees it everywhere, counts included
        assertThat(allIds("q=" + suffix, ADMIN)).containsExactlyInAnyOrder(open, service, secret);
        assertThat(ok(ITEMS + "?keyword=" + encode("Libre " + suffix), ADMIN).path("numberMatched").asLong())
                .isEqualTo(2);
        long all = ok(ITEMS + "?limit=1", ADMIN).path("numberMatched").asLong();
        assertThat(all).isGreaterThan(records.size());
        HttpResponse<String> shown = http.send("GET", ITEMS + "/" + secret, null, null, ADMIN,
                "Origin", "https://evil.example");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(http.json(shown).path("properties").path("title").asString()).startsWith("Réseau sensible");
        // restricted content is never offered to any origin
        assertThat(shown.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    // ---------------------------------------------------------------- record encoding

    @Test
    void everyRecordHasTheMandatoryMembers() {
        JsonNode page = items("limit=100");
        assertThat(page.path("features").size()).isEqualTo(Math.min(100, records.size()));
        for (JsonNode record : page.path("features")) {
            String id = record.path("id").asString();
            assertThat(records).containsKey(id);
            assertThat(record.path("type").asString()).isEqualTo("Feature");
            assertThat(record.has("geometry")).isTrue();
            assertThat(record.has("time")).isTrue();
            assertThat(record.path("conformsTo").toString()).contains("record-core");
            JsonNode properties = record.path("properties");
            assertThat(properties.path("type").asString()).isEqualTo(records.get(id).path("kind").asString()
                    .toLowerCase(Locale.ROOT));
            assertThat(properties.path("title").asString()).isNotBlank();
            assertThat(properties.path("updated").asString()).isNotBlank();
            Set<String> rels = new HashSet<>();
            record.path("links").forEach(l -> {
                rels.add(l.path("rel").asString());
                assertThat(l.path("href").asString()).isNotBlank();
            });
            assertThat(rels).contains("self", "alternate", "collection");
            JsonNode box = records.get(id).path("spatialExtent").path("bbox");
            if (box.isObject() && box.path("west").asDouble() <= box.path("east").asDouble()) {
                JsonNode ring = record.path("geometry").path("coordinates").get(0);
                assertThat(record.path("geometry").path("type").asString()).isEqualTo("Polygon");
                assertThat(ring.get(0).get(0).asDouble()).isEqualTo(box.path("west").asDouble());
                assertThat(ring.get(2).get(1).asDouble()).isEqualTo(box.path("north").asDouble());
            } else if (!box.isObject()) {
                assertThat(record.path("geometry").isNull()).isTrue();
            }
        }
    }

    @Test
    void aRecordWithADatasetLinksItsCollectionAndDownloads() {
        HttpResponse<String> response = http.get(ITEMS + "/" + open);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode record = http.json(response);
        assertThat(record.path("id").asString()).isEqualTo(open);
        assertThat(record.path("time").path("interval").toString()).isEqualTo("[\"2020-01-01\",\"2020-12-31\"]");
        assertThat(record.path("geometry").path("coordinates").toString())
                .isEqualTo("[[[3.01,50.61],[3.02,50.61],[3.02,50.62],[3.01,50.62],[3.01,50.61]]]");
        JsonNode properties = record.path("properties");
        assertThat(properties.path("type").asString()).isEqualTo("dataset");
        assertThat(properties.path("description").asString()).contains("libre service");
        assertThat(properties.path("keywords").toString()).contains("Mobilité " + suffix, "Libre " + suffix);
        JsonNode theme = null;
        for (JsonNode t : properties.path("themes")) {
            if (t.path("scheme").asString().equals(THEMES)) {
                theme = t;
            }
        }
        assertThat(theme).isNotNull();
        assertThat(theme.path("concepts").get(0).path("id").asString()).isEqualTo(THEMES + "/mobilite");
        assertThat(theme.path("concepts").get(0).path("title").asString()).isEqualTo("Mobilité " + suffix);
        assertThat(properties.path("language").path("code").asString()).isEqualTo("fr");
        assertThat(properties.path("externalIds").get(0).path("value").asString()).isEqualTo("EXT-" + suffix);
        assertThat(Instant.parse(properties.path("created").asString())).isBeforeOrEqualTo(Instant.now());
        JsonNode contact = properties.path("contacts").get(0);
        assertThat(contact.path("name").asString()).isEqualTo("Jeanne Martin");
        assertThat(contact.path("organization").asString()).isEqualTo("Organisation " + suffix);
        assertThat(contact.path("emails").get(0).path("value").asString()).isEqualTo("jeanne@example.org");
        assertThat(contact.path("roles").get(0).asString()).isEqualTo("pointOfContact");
        assertThat(properties.path("license").asString()).contains("Licence Ouverte");
        assertThat(properties.path("rights").asString()).contains("Données indicatives");
        assertThat(properties.path("formats").toString()).contains("CSV", "WMS");

        Map<String, List<JsonNode>> byRel = new HashMap<>();
        record.path("links").forEach(l -> byRel.computeIfAbsent(l.path("rel").asString(), r -> new ArrayList<>()).add(l));
        assertThat(byRel.get("alternate").get(0).path("href").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/catalogue/" + open);
        assertThat(byRel.get("collection").get(0).path("href").asString()).contains("/ogcapi/collections/catalog");
        String collection = byRel.get("related").get(0).path("href").asString();
        assertThat(collection).contains("/ogcapi/collections/" + dataset.slug());
        URI collectionUri = URI.create(collection);
        assertThat(ok(collectionUri.getRawPath()).path("id").asString()).isEqualTo(dataset.slug());
        List<String> enclosures = byRel.get("enclosure").stream().map(l -> l.path("href").asString()).toList();
        for (DownloadFormat format : DownloadFormats.all()) {
            assertThat(enclosures).contains("http://127.0.0.1:" + port + "/ogcapi/collections/" + dataset.slug()
                    + "/download?format=" + format.key());
        }
        assertThat(enclosures).contains("https://files.example.org/stations.csv");
        URI geojson = URI.create(enclosures.stream().filter(e -> e.endsWith("format=geojson")).findFirst().orElseThrow());
        HttpResponse<String> download = http.get(geojson.getRawPath() + "?" + geojson.getRawQuery());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(http.json(download).path("features").size()).isEqualTo(3);
        assertThat(byRel.get("service").get(0).path("href").asString()).isEqualTo("https://carto.example.org/wms");
        assertThat(byRel.get("license").get(0).path("href").asString()).contains("etalab");
        // a record without dataset has no such links
        JsonNode other = ok(ITEMS + "/" + service);
        assertThat(other.path("links").toString()).doesNotContain("enclosure", "/download");
        assertThat(other.path("geometry").isNull()).isTrue();
        assertThat(other.path("time").path("interval").toString()).isEqualTo("[\"2022-06-01\",\"..\"]");
    }

    @Test
    void htmlIsEscaped() {
        HttpResponse<String> page = http.get(ITEMS + "?f=html&q=" + suffix);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("&lt;script&gt;").doesNotContain("<script>");
        HttpResponse<String> one = http.send("GET", ITEMS + "/" + service, null, null, null, "Accept", "text/html");
        assertThat(one.body()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(http.get("/ogcapi/collections/catalog?f=html").body()).contains("<h1>");
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputIsA400ProblemNeverA500() {
        badRequest("foo=1", "foo", "q", "bbox", "datetime", "sortby");
        badRequest("bbox=a,b,c,d", "bbox");
        badRequest("bbox=1,2,3", "bbox");
        badRequest("bbox=0,60,1,50", "bbox");
        badRequest("bbox=0,0,200,1", "bbox");
        badRequest("datetime=hier", "datetime");
        badRequest("datetime=2024-02-01/2024-01-01", "datetime");
        badRequest("datetime=..", "datetime");
        badRequest("limit=0", "limit");
        badRequest("limit=abc", "limit");
        badRequest("offset=-1", "offset");
        badRequest("offset=100001", "offset");
        badRequest("sortby=hasard", "sortby");
        badRequest("sortby=title,created", "sortby");
        badRequest("f=xml", "f");
        badRequest("q=" + "a".repeat(1001), "q");
        HttpResponse<String> item = http.get(ITEMS + "/" + open + "?limit=3");
        assertThat(item.statusCode()).isEqualTo(400);
        // linked from the pages: a browser gets a table of the properties, not a 406
        HttpResponse<String> queryables = http.get("/ogcapi/collections/catalog/queryables?f=html");
        assertThat(queryables.statusCode()).isEqualTo(200);
        assertThat(queryables.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(queryables.body()).contains("<th scope=\"col\">Nom</th>", "<td>organisation</td>",
                "Catégorie d&#39;usage (URI)");
    }
}
