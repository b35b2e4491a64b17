package fr.mel.opale.ogcapi.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Feature;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import fr.mel.opale.testing.ExternalTools;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The shapefile writer on geometries and values the contract's collections do not have: every geometry family
 * mixed in one selection, polygons with holes given in the wrong orientation, geometry collections, null
 * geometries, column names longer than dBase's 10 characters, texts beyond 254 bytes, the size limit. The files are
 * parsed byte by byte here (headers, record counts, ring orientation) and read back by GDAL, an independent reader.
 */
class ShapefileFeatureWriterTest {
    private static final List<Column> COLUMNS = List.of(new Column("nom", "Nom de l'objet", ColumnType.TEXT),
            Column.of("population_2020", ColumnType.INTEGER), Column.of("population_2021", ColumnType.INTEGER),
            Column.of("surface", ColumnType.DECIMAL), Column.of("ouvert", ColumnType.BOOLEAN),
            Column.of("date_maj", ColumnType.DATE), Column.of("releve", ColumnType.TIMESTAMP),
            Column.of("description", ColumnType.TEXT));
    private static final String LONG_TEXT = "é".repeat(300); // 600 bytes in UTF-8
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static Feature feature(long fid, String wkt) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("nom", "Objet " + fid);
        properties.put("population_2020", fid * 1000);
        properties.put("population_2021", fid == 1 ? -12_345_678_901L : null);
        properties.put("surface", new BigDecimal(fid + ".25"));
        properties.put("ouvert", fid % 2 == 0);
        properties.put("date_maj", LocalDate.of(2024, 1, (int) fid));
        properties.put("releve", OffsetDateTime.of(2024, 1, 1, 2, 30, 0, 0, ZoneOffset.ofHours(1)));
        properties.put("description", fid == 4 ? LONG_TEXT : "Court");
        return new Feature(fid, properties, wkt == null ? null : new WKTReader().read(wkt));
    }

    /** Every family, in the orientations a GeoJSON source gives (outer rings counter-clockwise). */
    private static final List<String> MIXED = java.util.Arrays.asList(
            "POINT (3.1 50.6)",
            "MULTIPOINT ((3.1 50.6), (3.2 50.7))",
            "LINESTRING (3 50, 3.1 50.1, 3.2 50)",
            "POLYGON ((3 50, 3.1 50, 3.1 50.1, 3 50.1, 3 50), (3.02 50.02, 3.02 50.08, 3.08 50.08, 3.08 50.02, 3.02 50.02))",
            "MULTIPOLYGON (((3 50, 3.1 50, 3.1 50.1, 3 50), (3.05 50.01, 3.05 50.02, 3.06 50.01, 3.05 50.01)), "
                    + "((4 50, 4.1 50, 4.1 50.1, 4 50)))",
            null,
            "GEOMETRYCOLLECTION (POINT (3.3 50.3), LINESTRING (3.3 50.3, 3.4 50.4))",
            "MULTILINESTRING ((3 50, 3.1 50.1), (3.2 50.2, 3.3 50.3))");

    private static DownloadSelection selection(String id, GeometryType kind, SupportedCrs crs) {
        return new DownloadSelection(id, COLUMNS, true, kind, crs, () -> {
            throw new AssertionError("the writer made directly counts nothing");
        });
    }

    private Map<String, byte[]> write(GeometryType kind, SupportedCrs crs, List<String> geometries, Path zip)
            throws Exception {
        try (OutputStream out = Files.newOutputStream(zip);
             ShapefileFeatureWriter writer = new ShapefileFeatureWriter(selection("mes-objets", kind, crs),
                     length -> out, ShapefileFeatureWriter.MAX_BYTES)) {
            for (int i = 0; i < geometries.size(); i++) {
                writer.write(feature(i + 1, geometries.get(i)));
            }
            writer.finish();
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void mixedGeometriesMakeOneShapefilePerFamilyAndATableForRowsWithoutGeometry() throws Exception {
        long before = leftovers();
        Map<String, byte[]> files = write(GeometryType.GEOMETRY, SupportedCrs.CRS84, MIXED, dir.resolve("m.zip"));
        assertThat(files.keySet()).containsExactly(
                "mes-objets_points.shp", "mes-objets_points.shx", "mes-objets_points.dbf", "mes-objets_points.cpg",
                "mes-objets_points.prj",
                "mes-objets_lignes.shp", "mes-objets_lignes.shx", "mes-objets_lignes.dbf", "mes-objets_lignes.cpg",
                "mes-objets_lignes.prj",
                "mes-objets_polygones.shp", "mes-objets_polygones.shx", "mes-objets_polygones.dbf",
                "mes-objets_polygones.cpg", "mes-objets_polygones.prj",
                "mes-objets_multipoints.shp", "mes-objets_multipoints.shx", "mes-objets_multipoints.dbf",
                "mes-objets_multipoints.cpg", "mes-objets_multipoints.prj",
                "mes-objets_sans_geometrie.dbf", "mes-objets_sans_geometrie.cpg",
                "mes-objets_champs.csv");
        assertThat(leftovers()).isEqualTo(before);
        // Points: rows 1 and 7 (the collection's point); 2 records of 28 bytes.
        byte[] points = files.get("mes-objets_points.shp");
        assertShpHeader(points, 1, 2);
        assertThat(points.length).isEqualTo(100 + 2 * 28);
        ByteBuffer header = ByteBuffer.wrap(points).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getDouble(36)).isEqualTo(3.1); // xmin
        assertThat(header.getDouble(44)).isEqualTo(50.3); // ymin
        assertThat(header.getDouble(52)).isEqualTo(3.3); // xmax
        assertThat(header.getDouble(60)).isEqualTo(50.6); // ymax
        assertShx(files.get("mes-objets_points.shx"), 2);
        assertShpHeader(files.get("mes-objets_lignes.shp"), 3, 3);
        assertShpHeader(files.get("mes-objets_multipoints.shp"), 8, 1);
        byte[] polygons = files.get("mes-objets_polygones.shp");
        assertShpHeader(polygons, 5, 2);
        // Outer rings clockwise, holes counter-clockwise, although the source had them the other way round.
        List<Coordinate[]> rings = rings(polygons, 0);
        assertThat(rings).hasSize(2);
        assertThat(Orientation.isCCW(rings.get(0))).isFalse();
        assertThat(Orientation.isCCW(rings.get(1))).isTrue();
        List<Coordinate[]> multi = rings(polygons, 1);
        assertThat(multi).hasSize(3);
        assertThat(multi.stream().map(Orientation::isCCW)).containsExactly(false, true, false);
        assertThat(new String(files.get("mes-objets_points.cpg"), StandardCharsets.US_ASCII)).isEqualTo("UTF-8");
        assertThat(new String(files.get("mes-objets_points.prj"), StandardCharsets.US_ASCII))
                .startsWith("GEOGCS[\"GCS_WGS_1984\"");
    }

    @Test
    void theDbfHasShortUniqueNamesFittedWidthsAndTheMappingFileTellsWhatWasCut() throws Exception {
        Map<String, byte[]> files = write(GeometryType.GEOMETRY, SupportedCrs.CRS84, MIXED, dir.resolve("d.zip"));
        ByteBuffer dbf = ByteBuffer.wrap(files.get("mes-objets_polygones.dbf")).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(dbf.get(0)).isEqualTo((byte) 0x03);
        assertThat(dbf.getInt(4)).isEqualTo(2); // records
        int headerLength = dbf.getShort(8);
        assertThat(headerLength).isEqualTo(32 + 32 * COLUMNS.size() + 1);
        List<String> fields = new ArrayList<>();
        int recordLength = 1;
        for (int i = 0; i < COLUMNS.size(); i++) {
            int at = 32 + 32 * i;
            String name = new String(files.get("mes-objets_polygones.dbf"), at, 11, StandardCharsets.US_ASCII)
                    .replace("\0", "");
            fields.add(name + ":" + (char) dbf.get(at + 11) + (dbf.get(at + 16) & 0xFF) + "." + dbf.get(at + 17));
            recordLength += dbf.get(at + 16) & 0xFF;
        }
        // population_2021's widest value is -12345678901 (12 characters); the 600-byte text is cut to 254 bytes.
        assertThat(fields).containsExactly("nom:C7.0", "population:N4.0", "populati_1:N12.0", "surface:N4.2",
                "ouvert:L1.0", "date_maj:D8.0", "releve:C20.0", "descriptio:C254.0");
        assertThat(dbf.getShort(10)).isEqualTo((short) recordLength);
        assertThat(files.get("mes-objets_polygones.dbf")).hasSize(headerLength + 2 * recordLength + 1);
        String mapping = new String(files.get("mes-objets_champs.csv"), StandardCharsets.UTF_8);
        assertThat(mapping).startsWith("champ_dbf,colonne,titre,type_dbf,largeur,decimales,remarque\r\n");
        assertThat(mapping).contains("nom,nom,Nom de l'objet,C,7,0,\r\n")
                .contains("populati_1,population_2021,population_2021,N,12,0,\r\n")
                .contains("releve,releve,releve,C,20,0,horodatage ISO 8601 en UTC (texte)\r\n")
                .contains("descriptio,description,description,C,254,0,1 valeur(s) tronquée(s) à 254 octets\r\n");
    }

    @Test
    void gdalReadsEveryFamilyWithItsValuesAndCrs() throws Exception {
        ExternalTools.requireGdal();
        Path zip = dir.resolve("g.zip");
        write(GeometryType.GEOMETRY, SupportedCrs.CRS84, MIXED, zip);
        assertThat(Gdal.summary(zip, "mes-objets_points.shp")).contains("Geometry: Point", "Feature Count: 2",
                "ID[\"EPSG\",4326]", "populati_1: Integer64 (12.0)", "surface: Real (4.2)", "date_maj: Date (10.0)");
        assertThat(Gdal.summary(zip, "mes-objets_lignes.shp")).contains("Geometry: Line String", "Feature Count: 3");
        assertThat(Gdal.summary(zip, "mes-objets_multipoints.shp")).contains("Geometry: Multi Point",
                "Feature Count: 1");
        assertThat(Gdal.summary(zip, "mes-objets_sans_geometrie.dbf")).contains("Geometry: None",
                "Feature Count: 1");
        JsonNode polygons = JSON.readTree(Gdal.geoJson(zip, "mes-objets_polygones.shp")).get("features");
        assertThat(polygons.size()).isEqualTo(2);
        JsonNode first = polygons.get(0);
        assertThat(first.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(first.get("geometry").get("coordinates").size()).isEqualTo(2); // the hole is a hole
        assertThat(polygons.get(1).get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        JsonNode values = first.get("properties");
        assertThat(values.get("nom").asString()).isEqualTo("Objet 4");
        assertThat(values.get("population").asLong()).isEqualTo(4000);
        assertThat(values.get("populati_1").isNull()).isTrue();
        assertThat(values.get("surface").asDouble()).isEqualTo(4.25);
        // GDAL 3.6 reads a dBase logical as the text T/F, later versions as a boolean.
        assertThat(values.get("ouvert").toString()).isIn("true", "\"T\"");
        assertThat(values.get("date_maj").asString()).isEqualTo("2024-01-04");
        assertThat(values.get("releve").asString()).isEqualTo("2024-01-01T01:30:00Z");
        assertThat(values.get("descriptio").asString()).isEqualTo("é".repeat(127)); // 254 bytes, no split character
        JsonNode point = JSON.readTree(Gdal.geoJson(zip, "mes-objets_points.shp")).get("features").get(0);
        assertThat(point.get("properties").get("populati_1").asLong()).isEqualTo(-12_345_678_901L);
        assertThat(point.get("properties").get("ouvert").toString()).isIn("false", "\"F\"");
    }

    @Test
    void oneFamilyIsOneShapefileWithNullShapesAndLambert93ReadsBackInEpsg2154() throws Exception {
        Path zip = dir.resolve("l93.zip");
        Map<String, byte[]> files = write(GeometryType.POLYGON, SupportedCrs.EPSG_2154, java.util.Arrays.asList(
                "POLYGON ((3 50, 3.1 50, 3.1 50.1, 3 50.1, 3 50))", null,
                "MULTIPOLYGON (((3 50, 3.1 50, 3.1 50.1, 3 50)))"), zip);
        assertThat(files.keySet()).containsExactly("mes-objets.shp", "mes-objets.shx", "mes-objets.dbf",
                "mes-objets.cpg", "mes-objets.prj", "mes-objets_champs.csv");
        byte[] shp = files.get("mes-objets.shp");
        assertShpHeader(shp, 5, 3);
        int second = ByteBuffer.wrap(files.get("mes-objets.shx")).getInt(100 + 8) * 2; // big-endian offset
        assertThat(ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).getInt(second + 8)).isZero(); // Null Shape
        assertThat(ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN).getDouble(36)).isBetween(600_000.0, 800_000.0);
        ExternalTools.requireGdal();
        String summary = Gdal.run("ogrinfo", "-ro", "-al", "/vsizip/" + zip.toAbsolutePath() + "/mes-objets.shp");
        assertThat(summary).contains("Geometry: Polygon", "Feature Count: 3", "ID[\"EPSG\",2154]");
        JsonNode features = JSON.readTree(Gdal.geoJson(zip, "mes-objets.shp")).get("features");
        assertThat(features.get(1).get("geometry").isNull()).isTrue();
        double x = features.get(0).get("geometry").get("coordinates").get(0).get(0).get(0).asDouble();
        assertThat(x).isBetween(600_000.0, 800_000.0); // metres
    }

    @Test
    void anEmptyMixedSelectionStillHasItsFields() throws Exception {
        Map<String, byte[]> files = write(GeometryType.GEOMETRY, SupportedCrs.CRS84, List.of(), dir.resolve("e.zip"));
        assertThat(files.keySet()).containsExactly("mes-objets_sans_geometrie.dbf", "mes-objets_sans_geometrie.cpg",
                "mes-objets_champs.csv");
        assertThat(ByteBuffer.wrap(files.get("mes-objets_sans_geometrie.dbf")).order(ByteOrder.LITTLE_ENDIAN)
                .getInt(4)).isZero();
    }

    @Test
    void aFileBeyondTheLimitStopsWithA400PointingToGeoPackageAndLeavesNoFile() throws Exception {
        long before = leftovers();
        assertThatThrownBy(() -> {
            try (ShapefileFeatureWriter writer = new ShapefileFeatureWriter(selection("gros", GeometryType.POINT,
                    SupportedCrs.CRS84), length -> OutputStream.nullOutputStream(), 1_000)) {
                for (int i = 1; i <= 100; i++) {
                    writer.write(feature(1 + i % 28, "POINT (3 50)"));
                }
            }
        }).isInstanceOfSatisfying(OgcApiProblem.class, p -> assertThat(p.getMessage()).contains("GeoPackage"));
        assertThat(leftovers()).isEqualTo(before);
        // The DBF (fixed-width records) is checked before the zip starts.
        assertThatThrownBy(() -> {
            try (ShapefileFeatureWriter writer = new ShapefileFeatureWriter(selection("gros", GeometryType.POINT,
                    SupportedCrs.CRS84), length -> {
                        throw new AssertionError("opened before the sizes were checked");
                    }, 2_000)) {
                for (int i = 1; i <= 20; i++) {
                    writer.write(feature(4, "POINT (3 50)"));
                }
                writer.finish();
            }
        }).isInstanceOf(OgcApiProblem.class);
        assertThat(leftovers()).isEqualTo(before);
        assertThat(ShapefileFeatureWriter.surelyTooLarge(80_000_000, 1, GeometryType.POINT,
                ShapefileFeatureWriter.MAX_BYTES)).isTrue();
        assertThat(ShapefileFeatureWriter.surelyTooLarge(1_000_000, 8, GeometryType.POINT,
                ShapefileFeatureWriter.MAX_BYTES)).isFalse();
    }

    // ---------------------------------------------------------------- byte-level reading

    private static void assertShpHeader(byte[] shp, int shapeType, int records) {
        ByteBuffer big = ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN);
        assertThat(big.getInt(0)).isEqualTo(9994);
        assertThat(big.getInt(24) * 2L).as("file length in 16-bit words").isEqualTo(shp.length);
        ByteBuffer little = ByteBuffer.wrap(shp).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(little.getInt(28)).isEqualTo(1000);
        assertThat(little.getInt(32)).isEqualTo(shapeType);
        int count = 0;
        for (int at = 100; at < shp.length; count++) {
            assertThat(big.getInt(at)).as("record number").isEqualTo(count + 1);
            at += 8 + big.getInt(at + 4) * 2;
        }
        assertThat(count).isEqualTo(records);
    }

    private static void assertShx(byte[] shx, int records) {
        ByteBuffer big = ByteBuffer.wrap(shx).order(ByteOrder.BIG_ENDIAN);
        assertThat(big.getInt(0)).isEqualTo(9994);
        assertThat(shx).hasSize(100 + 8 * records);
        assertThat(big.getInt(24) * 2L).isEqualTo(shx.length);
        assertThat(big.getInt(100)).as("first record at 100 bytes = 50 words").isEqualTo(50);
    }

    /** The rings of the n-th polygon record, as written. */
    private static List<Coordinate[]> rings(byte[] shp, int n) {
        ByteBuffer big = ByteBuffer.wrap(shp).order(ByteOrder.BIG_ENDIAN);
        int at = 100;
        for (int i = 0; i < n; i++) {
            at += 8 + big.getInt(at + 4) * 2;
        }
        ByteBuffer content = ByteBuffer.wrap(shp, at + 8, shp.length - at - 8).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(content.getInt(0)).isEqualTo(5);
        int parts = content.getInt(36);
        int points = content.getInt(40);
        List<Coordinate[]> rings = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int start = content.getInt(44 + 4 * p);
            int end = p + 1 < parts ? content.getInt(44 + 4 * (p + 1)) : points;
            Coordinate[] ring = new Coordinate[end - start];
            for (int i = start; i < end; i++) {
                int xy = 44 + 4 * parts + 16 * i;
                ring[i - start] = new Coordinate(content.getDouble(xy), content.getDouble(xy + 8));
            }
            rings.add(ring);
        }
        return rings;
    }

    private static long leftovers() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(ShapefileFeatureWriter.TEMPORARY_PREFIX))
                    .count();
        }
    }
}
