package fr.mel.opale.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.testing.HttpTestClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Downloads over HTTP on a real server, on H2 and PostGIS by the two subclasses: CSV, the French-Excel CSV and
 * GeoJSON files of a whole collection or of a selection (the items parameters), their file names and media types, row
 * counts equal to the items' {@code numberMatched}, closed collections (404 as for items), and a 100 000-row
 * collection read as a stream.
 */
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DownloadContract {
    static final int LARGE_ROWS = 100_000;
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
    TestCollections data;
    String geo;
    String table;
    String hidden;

    @BeforeAll
    void load() {
        http = new HttpTestClient(port);
        data = new TestCollections(datasets, catalog, policy);
        geo = data.geo.slug();
        table = data.table.slug();
        hidden = data.hidden.slug();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    HttpResponse<String> ok(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return response;
    }

    static List<String> lines(HttpResponse<String> response) {
        assertThat(response.body()).endsWith("\r\n");
        return List.of(response.body().split("\r\n"));
    }

    long matched(String collection, String query) {
        return http.json(ok("/ogcapi/collections/" + collection + "/items?limit=1&" + query)).get("numberMatched")
                .asLong();
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    }

    @Test
    void csvOfTheWholeCollectionHasTheColumnNamesThenOneLinePerFeature() {
        HttpResponse<String> response = ok("/ogcapi/collections/" + geo + "/items?f=csv");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + geo + "-" + today() + ".csv\"");
        List<String> lines = lines(response);
        assertThat(lines).hasSize(1 + TestCollections.GEO_ROWS);
        assertThat(lines.get(0)).isEqualTo("nom,code,population,surface,ouvert,date_maj,releve,geom");
        assertThat(lines.get(1)).isEqualTo("Lille,1,100,1.5,false,2024-01-01,2024-01-01T01:00Z,POINT (3.001 50.6)");
        // Quotes doubled inside a quoted field (RFC 4180): the hostile name comes back intact.
        assertThat(lines.get(4)).startsWith("\"O'Brien\"\"); DROP TABLE dataset; --\",4,");
        assertThat(lines.get(0).charAt(0)).isNotEqualTo('\uFEFF');
    }

    @Test
    void aNonGeographicCollectionHasNoGeometryColumn() {
        List<String> lines = lines(ok("/ogcapi/collections/" + table + "/download?format=csv"));
        assertThat(lines.get(0)).isEqualTo("libelle,montant,annee");
        assertThat(lines.get(1)).isEqualTo("Ligne 1,1.5,2001");
        assertThat(lines).hasSize(1 + TestCollections.TABLE_ROWS);
    }

    @Test
    void theSelectionTakesTheItemsParametersAndCountsWhatItemsMatches() {
        String selection = "filter=" + q("code <= 40 AND population >= 1000") + "&bbox=3,50,3.035,51"
                + "&datetime=" + q("2024-01-05/2024-01-20");
        long matched = matched(geo, selection);
        assertThat(matched).isEqualTo(11); // date_maj: codes 5 to 20; population: from 10
        assertThat(lines(ok("/ogcapi/collections/" + geo + "/items?f=csv&" + selection))).hasSize(1 + (int) matched);
        assertThat(lines(ok("/ogcapi/collections/" + geo + "/download?format=csv-excel&" + selection)))
                .hasSize(1 + (int) matched);
        JsonNode geoJson = http.json(ok("/ogcapi/collections/" + geo + "/download?format=geojson&" + selection));
        assertThat(geoJson.get("features").size()).isEqualTo((int) matched);
        assertThat(geoJson.get("numberReturned").asLong()).isEqualTo(matched);
        long equality = matched(geo, "nom=Roubaix");
        assertThat(lines(ok("/ogcapi/collections/" + geo + "/items?f=csv&nom=Roubaix"))).hasSize(1 + (int) equality);
    }

    @Test
    void propertiesSortbyAndCrsShapeTheFile() {
        List<String> lines = lines(ok("/ogcapi/collections/" + geo + "/items?f=csv&properties=code,nom&sortby=-code"
                + "&crs=" + q("http://www.opengis.net/def/crs/EPSG/0/2154")));
        assertThat(lines.get(0)).isEqualTo("code,nom,geom");
        assertThat(lines.get(1)).startsWith("250,Commune 250,POINT (");
        assertThat(lines.get(1)).doesNotContain("POINT (3.25 50.6)"); // Lambert-93 metres, not degrees
        assertThat(lines).hasSize(1 + TestCollections.GEO_ROWS);
        HttpResponse<String> limited = ok("/ogcapi/collections/" + geo + "/items?f=csv&limit=10&offset=5");
        assertThat(lines(limited)).hasSize(11);
        assertThat(lines(limited).get(1)).startsWith("Commune 6,6,");
    }

    @Test
    void theExcelVariantHasABomSemicolonsDecimalCommasAndFrenchDates() {
        HttpResponse<String> response = ok("/ogcapi/collections/" + geo + "/items?f=csv-excel");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + geo + "-" + today() + ".csv\"");
        List<String> lines = lines(response);
        assertThat(lines.get(0)).isEqualTo("\uFEFFnom;code;population;surface;ouvert;date_maj;releve;geom");
        // 2024-01-01T01:00Z is 02:00 in Paris (winter time); Excel has no time zones.
        assertThat(lines.get(1)).isEqualTo("Lille;1;100;1,5;FAUX;01/01/2024;01/01/2024 02:00:00;POINT (3.001 50.6)");
        assertThat(lines.get(2)).startsWith("Roubaix;2;200;2,5;VRAI;02/01/2024;");
        assertThat(lines).hasSize(1 + TestCollections.GEO_ROWS);
    }

    byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.uri(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void xlsxHasTypedCellsAndTheSelection() throws Exception {
        HttpResponse<String> head = http.get("/ogcapi/collections/" + geo + "/items?f=xlsx&limit=1");
        assertThat(head.headers().firstValue("Content-Type").orElse(""))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(head.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + geo + "-" + today() + ".xlsx\"");
        String selection = "filter=" + q("code <= 40 AND population >= 1000");
        long matched = matched(geo, selection);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(bytes("/ogcapi/collections/" + geo + "/download?format=xlsx&"
                        + selection)))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) matched); // header at 0
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("nom");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("geom");
            org.apache.poi.ss.usermodel.Row first = sheet.getRow(1); // code 10
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Commune 10");
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(10.0);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(10.5);
            assertThat(first.getCell(4).getBooleanCellValue()).isTrue();
            assertThat(first.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 10));
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("POINT (3.01 50.6)");
        }
    }

    static long leftoverGeoPackages() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("opale-gpkg-")).count();
        }
    }

    @Test
    void geoPackageHasAFeatureTableOrAnAttributesTableAndLeavesNoTemporaryFile(@org.junit.jupiter.api.io.TempDir
                                                                                java.nio.file.Path dir)
            throws Exception {
        long before = leftoverGeoPackages();
        HttpResponse<String> head = http.get("/ogcapi/collections/" + geo + "/items?f=gpkg&limit=1");
        assertThat(head.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/geopackage+sqlite3");
        assertThat(head.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + geo + "-" + today() + ".gpkg\"");
        String selection = "filter=" + q("code <= 40 AND population >= 1000");
        long matched = matched(geo, selection);
        java.nio.file.Path file = dir.resolve("geo.gpkg");
        java.nio.file.Files.write(file, bytes("/ogcapi/collections/" + geo + "/download?format=gpkg&" + selection
                + "&crs=" + q("http://www.opengis.net/def/crs/EPSG/0/2154")));
        try (mil.nga.geopackage.GeoPackage gpkg = mil.nga.geopackage.GeoPackageManager.open(file.toFile())) {
            assertThat(gpkg.getFeatureTables()).hasSize(1);
            mil.nga.geopackage.features.user.FeatureDao dao = gpkg.getFeatureDao(gpkg.getFeatureTables().get(0));
            assertThat(dao.count()).isEqualTo((int) matched);
            assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(2154);
            mil.nga.geopackage.features.user.FeatureResultSet rows = dao.queryForAll();
            try {
                assertThat(rows.moveToNext()).isTrue();
                mil.nga.geopackage.features.user.FeatureRow row = rows.getRow();
                assertThat(row.getValue("nom")).isEqualTo("Commune 10");
                assertThat(((Number) row.getValue("code")).longValue()).isEqualTo(10);
                assertThat(((Number) row.getValue("surface")).doubleValue()).isEqualTo(10.5);
                mil.nga.sf.Point point = (mil.nga.sf.Point) row.getGeometry().getGeometry();
                assertThat(point.getX()).isBetween(600_000.0, 800_000.0); // Lambert-93 metres
                assertThat(point.getY()).isBetween(7_000_000.0, 7_100_000.0);
            } finally {
                rows.close();
            }
        }
        java.nio.file.Path attributes = dir.resolve("table.gpkg");
        java.nio.file.Files.write(attributes, bytes("/ogcapi/collections/" + table + "/download?format=gpkg"));
        try (mil.nga.geopackage.GeoPackage gpkg = mil.nga.geopackage.GeoPackageManager.open(attributes.toFile())) {
            assertThat(gpkg.getFeatureTables()).isEmpty();
            assertThat(gpkg.getAttributesTables()).hasSize(1);
            assertThat(gpkg.getAttributesDao(gpkg.getAttributesTables().get(0)).count())
                    .isEqualTo(TestCollections.TABLE_ROWS);
        }
        // The server deletes the file once the last byte is sent, which may be just after the client has it all.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (leftoverGeoPackages() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(leftoverGeoPackages()).isEqualTo(before);
    }

    @Test
    void theGeoJsonDownloadIsAnAttachment() {
        HttpResponse<String> response = ok("/ogcapi/collections/" + geo + "/download?format=geojson");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + geo + "-" + today() + ".geojson\"");
        JsonNode body = http.json(response);
        assertThat(body.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(body.get("features").size()).isEqualTo(TestCollections.GEO_ROWS); // no page: the whole collection
        assertThat(body.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("Point");
    }

    @Test
    void aClosedCollectionIsNotFoundExactlyLikeItsItems() {
        for (String path : List.of("/items?f=csv", "/items?f=csv-excel", "/items?f=xlsx", "/download?format=csv",
                "/download?format=geojson", "/download?format=xlsx", "/download?format=gpkg", "/items?f=gpkg",
                "/items?f=shp", "/download?format=shp")) {
            HttpResponse<String> response = http.get("/ogcapi/collections/" + hidden + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Secret");
        }
        HttpResponse<String> admin = http.get("/ogcapi/collections/" + hidden + "/items?f=csv", HttpTestClient.ADMIN);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(lines(admin)).hasSize(4);
        assertThat(admin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void badInputIsA400NeverA500() {
        for (String query : List.of("format=docx", "format=csv&frobnicate=1", "", "format=csv&limit=abc",
                "format=csv&filter=" + q("code <<< 3"), "format=csv&sortby=nope")) {
            HttpResponse<String> response = http.get("/ogcapi/collections/" + geo + "/download?" + query);
            assertThat(response.statusCode()).as(query + " → " + response.body()).isEqualTo(400);
        }
        assertThat(http.get("/ogcapi/collections/" + geo + "/items?f=csv&frobnicate=1").statusCode()).isEqualTo(400);
    }

    @Test
    void aLargeCollectionIsStreamedToTheEnd() throws Exception {
        assertStreamedToTheEnd(largeCollection(LARGE_ROWS), LARGE_ROWS);
    }

    /** A public non-geographic collection of {@code rows} rows, its load saying how many come (as an import does). */
    Dataset largeCollection(int rows) {
        Dataset large = policy.asPlatform(() -> {
            String recordId = "rec-dl-" + UUID.randomUUID();
            catalog.create(fr.mel.opale.catalog.model.CatalogRecord.builder(recordId)
                    .title(fr.mel.opale.catalog.model.LocalizedText.of("fr", "Gros jeu " + recordId)).build(),
                    fr.mel.opale.access.Visibility.PUBLIC);
            return datasets.create("Gros jeu " + recordId, recordId);
        });
        DatasetSchema schema = DatasetSchema.of(List.of(Column.of("libelle", ColumnType.TEXT),
                Column.of("montant", ColumnType.DECIMAL), Column.of("rang", ColumnType.INTEGER)), null);
        policy.asPlatform(() -> datasets.load(large.id(), schema, RowSource.of(LongStream.rangeClosed(1, rows)
                .mapToObj(i -> new Row(new Object[] {"Ligne numéro " + i + " ; avec « guillemets » et \"quotes\"",
                        new BigDecimal(i).movePointLeft(2), i}, null))),
                LoadOptions.defaults().withExpectedRows(rows)));
        return large;
    }

    /** Reads the French-Excel CSV of a {@link #largeCollection} as a stream: every row comes, the last one intact. */
    void assertStreamedToTheEnd(Dataset large, int rows) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(http.uri("/ogcapi/collections/" + large.slug()
                + "/download?format=csv-excel")).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                last = line;
            }
        }
        assertThat(lines).isEqualTo(1 + rows);
        // H2's DECFLOAT drops trailing zeros, PostgreSQL's NUMERIC keeps the scale (1000 or 1000,00 for 100 000).
        String amount = new BigDecimal(rows).movePointLeft(2).stripTrailingZeros().toPlainString().replace('.', ',');
        assertThat(last).matches("\"Ligne numéro " + rows + " ; avec « guillemets » et \"\"quotes\"\"\";" + amount
                + "(,00)?;" + rows);
    }

    // ---------------------------------------------------------------- zipped shapefile

    static final tools.jackson.databind.ObjectMapper GDAL_JSON = new tools.jackson.databind.ObjectMapper();

    static long leftoverShapefiles() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("opale-shp-")).count();
        }
    }

    static java.util.Map<String, byte[]> unzip(byte[] zip) throws Exception {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    void awaitNoLeftoverShapefile(long before) throws Exception {
        // The server deletes the files once the last byte is sent, which may be just after the client has it all.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (leftoverShapefiles() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(leftoverShapefiles()).isEqualTo(before);
    }

    @Test
    void aZippedShapefileOfTheSelectionReadsBackInGdalInLambert93(@org.junit.jupiter.api.io.TempDir
                                                                  java.nio.file.Path dir) throws Exception {
        long before = leftoverShapefiles();
        HttpResponse<String> head = http.get("/ogcapi/collections/" + geo + "/items?f=shp&limit=1");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        assertThat(head.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + geo + "-" + today() + ".zip\"");
        String selection = "filter=" + q("code <= 40 AND population >= 1000");
        long matched = matched(geo, selection);
        byte[] zip = bytes("/ogcapi/collections/" + geo + "/download?format=shp&" + selection
                + "&crs=" + q("http://www.opengis.net/def/crs/EPSG/0/2154"));
        java.util.Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).containsExactly(geo + ".shp", geo + ".shx", geo + ".dbf", geo + ".cpg",
                geo + ".prj", geo + "_champs.csv");
        // Byte level: 31 point records of 28 bytes, the file length in the header, the record count in the DBF.
        java.nio.ByteBuffer shp = java.nio.ByteBuffer.wrap(files.get(geo + ".shp"));
        assertThat(shp.getInt(0)).isEqualTo(9994);
        assertThat(shp.getInt(24) * 2L).isEqualTo(files.get(geo + ".shp").length).isEqualTo(100 + 28 * matched);
        assertThat(java.nio.ByteBuffer.wrap(files.get(geo + ".dbf")).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt(4)).isEqualTo((int) matched);
        assertThat(new String(files.get(geo + ".prj"), StandardCharsets.US_ASCII)).contains("RGF_1993_Lambert_93");
        assertThat(new String(files.get(geo + "_champs.csv"), StandardCharsets.UTF_8))
                .contains("population,population,population,N,4,0,")
                .contains("nom,nom,Nom de la commune,C,");
        awaitNoLeftoverShapefile(before);
        requireGdal();
        java.nio.file.Path file = dir.resolve("geo.zip");
        java.nio.file.Files.write(file, zip);
        String info = fr.mel.opale.ogcapi.download.Gdal.summary(file, geo + ".shp");
        assertThat(info).contains("Geometry: Point", "Feature Count: " + matched, "ID[\"EPSG\",2154]");
        JsonNode first = GDAL_JSON.readTree(fr.mel.opale.ogcapi.download.Gdal.geoJson(file, geo + ".shp"))
                .get("features").get(0);
        JsonNode values = first.get("properties"); // code 10: the first of the selection
        assertThat(values.get("nom").asString()).isEqualTo("Commune 10");
        assertThat(values.get("code").asLong()).isEqualTo(10);
        assertThat(values.get("population").asLong()).isEqualTo(1000);
        assertThat(values.get("surface").asDouble()).isEqualTo(10.5);
        assertThat(values.get("date_maj").asString()).isEqualTo("2024-01-10");
        assertThat(values.get("releve").asString()).isEqualTo("2024-01-01T10:00:00Z");
        double x = first.get("geometry").get("coordinates").get(0).asDouble();
        assertThat(x).isBetween(600_000.0, 800_000.0); // Lambert-93 metres
    }

    /** GDAL reads the shapefiles back: skipped without it, failing under {@code OPALE_REQUIRE_OGC_CLIENTS=true}. */
    static void requireGdal() {
        fr.mel.opale.testing.ExternalTools.requireGdal();
    }

    @Test
    void mixedGeometriesGiveOneShapefilePerFamilyWithHolesNullsAndShortNames(@org.junit.jupiter.api.io.TempDir
                                                                             java.nio.file.Path dir)
            throws Exception {
        org.locationtech.jts.io.WKTReader wkt = new org.locationtech.jts.io.WKTReader();
        List<org.locationtech.jts.geom.Geometry> geometries = java.util.Arrays.asList(
                wkt.read("POLYGON ((3 50, 3.1 50, 3.1 50.1, 3 50.1, 3 50), "
                        + "(3.02 50.02, 3.02 50.08, 3.08 50.08, 3.08 50.02, 3.02 50.02))"),
                wkt.read("LINESTRING (3 50, 3.1 50.1)"),
                null,
                wkt.read("POINT (3.05 50.05)"),
                wkt.read("MULTIPOLYGON (((3 50, 3.1 50, 3.1 50.1, 3 50)), ((4 50, 4.1 50, 4.1 50.1, 4 50)))"));
        Dataset mixed = policy.asPlatform(() -> {
            String recordId = "rec-shp-" + UUID.randomUUID();
            catalog.create(fr.mel.opale.catalog.model.CatalogRecord.builder(recordId)
                    .title(fr.mel.opale.catalog.model.LocalizedText.of("fr", "Mixte " + recordId)).build(),
                    fr.mel.opale.access.Visibility.PUBLIC);
            return datasets.create("Mixte " + recordId, recordId);
        });
        DatasetSchema schema = DatasetSchema.of(List.of(Column.of("population_municipale_2020", ColumnType.INTEGER),
                Column.of("population_municipale_2021", ColumnType.INTEGER), Column.of("texte", ColumnType.TEXT)),
                fr.mel.opale.data.GeometryInfo.wgs84(fr.mel.opale.geo.GeometryType.GEOMETRY));
        policy.asPlatform(() -> datasets.load(mixed.id(), schema, RowSource.of(LongStream.rangeClosed(1, 5)
                .mapToObj(i -> new Row(new Object[] {i, i * 10, i == 1 ? "x".repeat(300) : "ligne " + i},
                        geometries.get((int) i - 1)))), LoadOptions.defaults().withExpectedRows(geometries.size())));
        String id = mixed.slug();
        byte[] zip = bytes("/ogcapi/collections/" + id + "/download?format=shp");
        java.util.Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).contains(id + "_points.shp", id + "_lignes.shp", id + "_polygones.shp",
                id + "_sans_geometrie.dbf", id + "_champs.csv").doesNotContain(id + "_multipoints.shp");
        assertThat(new String(files.get(id + "_champs.csv"), StandardCharsets.UTF_8))
                .contains("population,population_municipale_2020,")
                .contains("populati_1,population_municipale_2021,")
                .contains("texte,texte,texte,C,254,0,1 valeur(s) tronquée(s) à 254 octets");
        requireGdal();
        java.nio.file.Path file = dir.resolve("mixed.zip");
        java.nio.file.Files.write(file, zip);
        assertThat(fr.mel.opale.ogcapi.download.Gdal.summary(file, id + "_polygones.shp"))
                .contains("Geometry: Polygon", "Feature Count: 2", "ID[\"EPSG\",4326]");
        assertThat(fr.mel.opale.ogcapi.download.Gdal.summary(file, id + "_lignes.shp")).contains("Feature Count: 1");
        assertThat(fr.mel.opale.ogcapi.download.Gdal.summary(file, id + "_sans_geometrie.dbf"))
                .contains("Geometry: None", "Feature Count: 1");
        JsonNode polygons = GDAL_JSON.readTree(fr.mel.opale.ogcapi.download.Gdal.geoJson(file, id + "_polygones.shp"))
                .get("features");
        assertThat(polygons.get(0).get("geometry").get("coordinates").size()).isEqualTo(2); // outer ring + hole
        assertThat(polygons.get(0).get("properties").get("populati_1").asLong()).isEqualTo(10);
        assertThat(polygons.get(1).get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
    }

    @Test
    void aTableHasNoShapefileButA400PointingToCsv() {
        for (String path : List.of("/download?format=shp", "/items?f=shp")) {
            HttpResponse<String> response = http.get("/ogcapi/collections/" + table + path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(http.json(response).get("detail").asString()).contains("géométrie", "CSV");
        }
    }

    // ---------------------------------------------------------------- discovery

    @Test
    void collectionsLinkToEveryDownloadTheyCanBeGivenIn() {
        JsonNode links = http.json(ok("/ogcapi/collections/" + geo)).get("links");
        java.util.Map<String, String> enclosures = new java.util.LinkedHashMap<>();
        for (JsonNode link : links) {
            if (link.get("rel").asString().equals("enclosure")) {
                enclosures.put(link.get("href").asString().replaceAll(".*/download\\?format=", ""),
                        link.get("type").asString() + " | " + link.get("title").asString());
                assertThat(link.get("href").asString()).contains("/ogcapi/collections/" + geo + "/download?format=");
            }
        }
        assertThat(enclosures).containsEntry("csv", "text/csv;charset=UTF-8;header=present | Télécharger en CSV")
                .containsEntry("shp", "application/zip | Télécharger en Shapefile (zip)")
                .containsEntry("gpkg", "application/geopackage+sqlite3 | Télécharger en GeoPackage")
                .containsOnlyKeys("geojson", "csv", "csv-excel", "xlsx", "gpkg", "shp");
        JsonNode listed = null;
        for (JsonNode collection : http.json(ok("/ogcapi/collections")).get("collections")) {
            if (collection.get("id").asString().equals(table)) {
                listed = collection;
            }
        }
        assertThat(listed).isNotNull();
        List<String> tableFormats = new java.util.ArrayList<>();
        listed.get("links").forEach(l -> {
            if (l.get("rel").asString().equals("enclosure")) {
                tableFormats.add(l.get("href").asString().replaceAll(".*format=", ""));
            }
        });
        assertThat(tableFormats).containsExactly("geojson", "csv", "csv-excel", "xlsx", "gpkg");
        // every link works
        for (String format : List.of("geojson", "csv", "csv-excel", "xlsx", "gpkg")) {
            ok("/ogcapi/collections/" + table + "/download?format=" + format);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheDownloadEndpoint() {
        JsonNode paths = http.json(ok("/ogcapi/api")).get("paths");
        JsonNode download = paths.get("/collections/" + geo + "/download").get("get");
        JsonNode format = download.get("parameters").get(0);
        assertThat(format.get("name").asString()).isEqualTo("format");
        assertThat(format.get("required").asBoolean()).isTrue();
        List<String> formats = new java.util.ArrayList<>();
        format.get("schema").get("enum").forEach(f -> formats.add(f.asString()));
        assertThat(formats).containsExactly("geojson", "csv", "csv-excel", "xlsx", "gpkg", "shp");
        List<String> names = new java.util.ArrayList<>();
        download.get("parameters").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("bbox", "datetime", "filter", "crs", "properties", "sortby", "limit", "nom")
                .doesNotContain("f");
        assertThat(download.get("responses").get("200").get("content").has("application/zip")).isTrue();
        assertThat(download.get("responses").get("200").get("content").has("application/geopackage+sqlite3"))
                .isTrue();
        assertThat(download.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
        JsonNode tableFormats = paths.get("/collections/" + table + "/download").get("get").get("parameters").get(0)
                .get("schema").get("enum");
        assertThat(tableFormats.toString()).doesNotContain("shp");
        assertThat(paths.has("/collections/" + hidden + "/download")).isFalse();
    }
}
