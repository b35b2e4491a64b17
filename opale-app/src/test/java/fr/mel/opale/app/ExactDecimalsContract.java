package fr.mel.opale.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.testing.HttpTestClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.user.UserResultSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decimals end to end on the whole application: files imported through {@code POST /api/ingest} (French CSV with
 * decimal commas — large enough to take the read-once path —, dot-decimal CSV, GeoJSON, XLSX), then read back
 * through the OGC API items and every download format. {@code 0,1}, {@code 0,2} and {@code 12345678901234,56789}
 * come back as those very numbers wherever the format can say them, and add up exactly in SQL; XLSX and GeoPackage,
 * whose numbers are doubles, keep what a double can (documented in opale-ogcapi's README). Run on H2 and PostGIS.
 */
@SpringBootTest(classes = OpaleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opale.demo=false", "opale.admin.password=test-admin-secret",
            "opale.ingest.upload-dir=target/test-uploads", "opale.data.dir=target/test-data",
            // The French CSV (~2 KB) is read once, as files past 8 MB are in production; the others analysed then read.
            "opale.ingest.read-once-above=1KB", "opale.ingest.read-once-guess-rows=10"})
abstract class ExactDecimalsContract {
    private static final Map<String, String> EXPECTED = Map.of("A", "0.1", "B", "0.2", "C", "12345678901234.56789");
    /** JSON read back with every digit (a double would lose them before the assertion). */
    private static final JsonMapper EXACT_JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    AccessPolicy policy;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @Test
    void frenchCsvWithDecimalCommas() throws Exception {
        StringBuilder csv = new StringBuilder("nom;montant;latitude;longitude\n"
                + "A;0,1;50,6292;3,0573\nB;0,2;50,6293;3,0574\nC;12345678901234,56789;50,6294;3,0575\n");
        for (int i = 1; i <= 60; i++) {
            csv.append("F").append(i).append(";1,5;50,63;3,06\n");
        }
        JsonNode job = publish("montants.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertSummedExactlyInSql(job);
        assertExactEverywhere(job.get("collectionId").asString(), true, "montant", EXPECTED);
    }

    @Test
    void dotDecimalCsv() throws Exception {
        JsonNode job = publish("amounts.csv", "nom,montant\nA,0.1\nB,0.2\nC,12345678901234.56789\n"
                .getBytes(StandardCharsets.UTF_8));
        assertSummedExactlyInSql(job);
        assertExactEverywhere(job.get("collectionId").asString(), false, "montant", EXPECTED);
    }

    @Test
    void geoJsonWithLargePrecisionNumbers() throws Exception {
        String features = """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"nom":"A","montant":0.1,"grand":123456789012345678901234.5},
                 "geometry":{"type":"Point","coordinates":[3.0573,50.6292]}},
                {"type":"Feature","properties":{"nom":"B","montant":0.2,"grand":0.000000000000000000001},
                 "geometry":{"type":"Point","coordinates":[3.0574,50.6293]}},
                {"type":"Feature","properties":{"nom":"C","montant":12345678901234.56789,"grand":-7.25},
                 "geometry":{"type":"Point","coordinates":[3.0575,50.6294]}}]}
                """;
        JsonNode job = publish("points.geojson", features.getBytes(StandardCharsets.UTF_8));
        assertSummedExactlyInSql(job);
        String collection = job.get("collectionId").asString();
        assertExactEverywhere(collection, true, "montant", EXPECTED);
        Map<String, String> grand = Map.of("A", "123456789012345678901234.5", "B", "0.000000000000000000001",
                "C", "-7.25");
        assertThat(itemValues(collection, "grand")).isEqualTo(decimals(grand));
        assertThat(csvValues(collection, "csv", "grand")).isEqualTo(decimals(grand));
    }

    @Test
    void xlsxNumberCellsAndTextCells() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Montants");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("nom");
            header.createCell(1).setCellValue("montant");
            header.createCell(2).setCellValue("nombre");
            String[] names = {"A", "B", "C"};
            String[] texts = {"0,1", "0,2", "12345678901234,56789"}; // typed as text: an Excel number has 15 digits
            double[] numbers = {0.1, 0.2, 1234.5678};
            for (int r = 0; r < 3; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(names[r]);
                row.createCell(1).setCellValue(texts[r]);
                row.createCell(2).setCellValue(numbers[r]);
            }
            book.write(file);
        }
        JsonNode job = publish("montants.xlsx", file.toByteArray());
        assertSummedExactlyInSql(job);
        String collection = job.get("collectionId").asString();
        assertExactEverywhere(collection, false, "montant", EXPECTED);
        assertThat(itemValues(collection, "nombre"))
                .isEqualTo(decimals(Map.of("A", "0.1", "B", "0.2", "C", "1234.5678")));
    }

    /** SUM over the imported table: NUMERIC (DECFLOAT on H2) adds 0.1 and 0.2 to exactly 0.3. */
    private void assertSummedExactlyInSql(JsonNode job) {
        String table = policy.asPlatform(() -> datasets.currentVersion(job.get("datasetId").asString()))
                .orElseThrow().tableName();
        BigDecimal sum = jdbc.queryForObject("SELECT SUM(\"montant\") FROM \"" + table
                + "\" WHERE \"nom\" IN ('A', 'B')", BigDecimal.class);
        assertThat(sum).isEqualByComparingTo("0.3");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\" WHERE \"montant\" = 0.1",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT SUM(\"montant\") FROM \"" + table + "\" WHERE \"nom\" IN ('A', 'C')",
                BigDecimal.class)).isEqualByComparingTo("12345678901234.66789");
    }

    /** The column's values by "nom", from the items and from every download the collection has. */
    private void assertExactEverywhere(String collection, boolean geographic, String column,
                                       Map<String, String> expected) throws Exception {
        Map<String, BigDecimal> exact = decimals(expected);
        assertThat(itemValues(collection, column)).as("items").isEqualTo(exact);
        String items = http("/ogcapi/collections/" + collection + "/items?limit=1000");
        assertThat(items).as("GeoJSON numbers with every digit, never an exponent")
                .containsPattern("\"montant\":12345678901234\\.56789[,}]").containsPattern("\"montant\":0\\.1[,}]")
                .containsPattern("\"montant\":0\\.2[,}]");
        JsonNode download = EXACT_JSON.readTree(bytes(collection, "geojson"));
        assertThat(values(download, column)).as("GeoJSON download").isEqualTo(exact);
        assertThat(csvValues(collection, "csv", column)).as("CSV").isEqualTo(exact);
        assertThat(csvValues(collection, "csv-excel", column)).as("CSV for Excel").isEqualTo(exact);
        String excel = new String(bytes(collection, "csv-excel"), StandardCharsets.UTF_8);
        assertThat(excel).containsPattern(";0,1[;\r]").containsPattern(";12345678901234,56789[;\r]")
                .doesNotContain("12345678901234.56789");
        assertXlsx(collection, column, exact);
        assertGeoPackage(collection, column, exact);
        if (geographic) {
            assertThat(dbfValues(collection, column)).as("shapefile DBF").isEqualTo(exact);
        }
    }

    private Map<String, BigDecimal> itemValues(String collection, String column) {
        return values(EXACT_JSON.readTree(http("/ogcapi/collections/" + collection + "/items?limit=1000")), column);
    }

    private static Map<String, BigDecimal> values(JsonNode featureCollection, String column) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (JsonNode feature : featureCollection.get("features")) {
            JsonNode properties = feature.get("properties");
            if (EXPECTED.containsKey(properties.get("nom").asString())) {
                JsonNode value = properties.get(column);
                assertThat(value.isNumber()).as("%s is a JSON number", value).isTrue();
                values.put(properties.get("nom").asString(), value.decimalValue());
            }
        }
        return values;
    }

    private Map<String, BigDecimal> csvValues(String collection, String format, String column) throws IOException {
        boolean excel = format.equals("csv-excel");
        byte[] bytes = bytes(collection, format);
        CSVFormat dialect = CSVFormat.DEFAULT.builder().setDelimiter(excel ? ';' : ',').setHeader()
                .setSkipHeaderRecord(true).get();
        Map<String, BigDecimal> values = new HashMap<>();
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        for (CSVRecord record : dialect.parse(new java.io.StringReader(text))) {
            if (EXPECTED.containsKey(record.get("nom"))) {
                String cell = record.get(column);
                values.put(record.get("nom"), new BigDecimal(excel ? cell.replace(',', '.') : cell));
            }
        }
        return values;
    }

    /**
     * Number cells for decimals of at most 15 significant digits (what Excel keeps: the double nearest 0.1 shows as
     * 0.1), a text cell with every digit beyond.
     */
    private void assertXlsx(String collection, String column, Map<String, BigDecimal> exact) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes(collection, "xlsx")))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> header = new HashMap<>();
            sheet.getRow(0).forEach(cell -> header.put(cell.getStringCellValue(), cell.getColumnIndex()));
            Map<String, BigDecimal> values = new HashMap<>();
            for (Row row : sheet) {
                String name = row.getCell(header.get("nom")) == null ? null
                        : row.getCell(header.get("nom")).getStringCellValue();
                if (row.getRowNum() == 0 || !EXPECTED.containsKey(name)) {
                    continue;
                }
                Cell cell = row.getCell(header.get(column));
                BigDecimal expected = exact.get(name);
                if (expected.precision() <= 15) {
                    assertThat(cell.getCellType()).as(name).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).isEqualTo(expected.doubleValue());
                    values.put(name, new BigDecimal(Double.toString(cell.getNumericCellValue())));
                } else {
                    assertThat(cell.getCellType()).as(name).isEqualTo(CellType.STRING);
                    values.put(name, new BigDecimal(cell.getStringCellValue()));
                }
            }
            assertThat(values).as("XLSX").isEqualTo(exact);
        }
    }

    /**
     * A DOUBLE column: the double nearest each decimal, which reads back as that decimal up to 15 significant digits
     * and is (documented) rounded beyond.
     */
    private void assertGeoPackage(String collection, String column, Map<String, BigDecimal> exact) throws IOException {
        Path file = dir.resolve(collection + ".gpkg");
        Files.write(file, bytes(collection, "gpkg"));
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile())) {
            List<String> tables = gpkg.getTables();
            assertThat(tables).hasSize(1);
            UserResultSet<?, ?, ?> rows = gpkg.getFeatureTables().isEmpty()
                    ? gpkg.getAttributesDao(tables.get(0)).queryForAll() : gpkg.getFeatureDao(tables.get(0)).queryForAll();
            Map<String, Double> values = new HashMap<>();
            try {
                while (rows.moveToNext()) {
                    Object name = rows.getRow().getValue("nom");
                    if (EXPECTED.containsKey(name)) {
                        values.put((String) name, (Double) rows.getRow().getValue(column));
                    }
                }
            } finally {
                rows.close();
            }
            assertThat(values).hasSize(exact.size());
            exact.forEach((name, decimal) -> {
                assertThat(values.get(name)).as(name).isEqualTo(decimal.doubleValue());
                assertThat(BigDecimal.valueOf(values.get(name)).compareTo(decimal) == 0).as(name)
                        .isEqualTo(decimal.precision() <= 15);
            });
        }
    }

    /** The N field's digits, read from the DBF bytes themselves (GDAL would hand doubles). */
    private Map<String, BigDecimal> dbfValues(String collection, String column) throws IOException {
        byte[] dbf = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes(collection, "shp")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".dbf")) {
                    dbf = zip.readAllBytes();
                }
            }
        }
        assertThat(dbf).isNotNull();
        ByteBuffer b = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
        int records = b.getInt(4);
        int headerLength = b.getShort(8);
        int recordLength = b.getShort(10);
        Map<String, int[]> fields = new LinkedHashMap<>(); // name -> offset in the record, length, type, decimals
        int offset = 1;
        for (int at = 32; dbf[at] != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && dbf[end] != 0) {
                end++;
            }
            int length = dbf[at + 16] & 0xFF;
            fields.put(new String(dbf, at, end - at, StandardCharsets.US_ASCII),
                    new int[] {offset, length, dbf[at + 11], dbf[at + 17]});
            offset += length;
        }
        assertThat(fields.get(column)[2]).as("N field").isEqualTo('N');
        assertThat(fields.get(column)[3]).as("decimals of the most precise value").isEqualTo(5);
        Map<String, BigDecimal> values = new HashMap<>();
        for (int r = 0; r < records; r++) {
            int start = headerLength + r * recordLength;
            String name = field(dbf, start, fields.get("nom"));
            if (EXPECTED.containsKey(name)) {
                // Every value has the field's 5 decimals (0.10000): the same number, in dBase's fixed layout.
                values.put(name, new BigDecimal(field(dbf, start, fields.get(column))).stripTrailingZeros());
            }
        }
        return values;
    }

    private static String field(byte[] dbf, int record, int[] field) {
        return new String(dbf, record + field[0], field[1], StandardCharsets.UTF_8).strip();
    }

    /** Equal with {@code equals}: the same digits and scale as the expected text, not merely the same value. */
    private static Map<String, BigDecimal> decimals(Map<String, String> texts) {
        Map<String, BigDecimal> values = new HashMap<>();
        texts.forEach((name, text) -> values.put(name, new BigDecimal(text)));
        return values;
    }

    private JsonNode publish(String fileName, byte[] content) throws InterruptedException {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        parts.add("options", "{\"title\":\"Décimales " + fileName + "\"}");
        String accepted = RestClient.create("http://127.0.0.1:" + port).post().uri("/api/ingest")
                .header("Authorization", HttpTestClient.ADMIN).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(String.class);
        String jobId = EXACT_JSON.readTree(accepted).get("jobId").asString();
        HttpTestClient client = new HttpTestClient(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode job = client.json(client.get("/api/ingest/jobs/" + jobId, HttpTestClient.ADMIN));
            String status = job.get("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                assertThat(status).as(job.toString()).isEqualTo("succeeded");
                return job;
            }
            assertThat(System.nanoTime()).as("import still %s: %s", status, job).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String http(String path) {
        HttpResponse<String> response = new HttpTestClient(port).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private byte[] bytes(String collection, String format) {
        String path = "/ogcapi/collections/" + collection + "/download?format=" + format;
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    new HttpTestClient(port).uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
