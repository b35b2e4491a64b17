package fr.mel.opale.ogcapi.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Feature;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import fr.mel.opale.testing.ExternalTools;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The contract every registered download format passes ({@link DownloadFormats#all()}: a new format is checked
 * without a line here): its {@link FeatureWriter}, made as the controller makes it, writes a selection that GDAL —
 * an independent reader, what QGIS users open files with — reads back with every row, the texts (accents, quotes,
 * separators), integers, decimals, dates and empty values as written, and each geometry at its place in the CRS
 * asked for (Lambert-93 here: the reprojection is part of the contract), a row without geometry without one. A
 * table (no geometry) is written by every format that accepts tables. The target is opened once, after the writer
 * is made, and the temporary files are gone after {@code close()}.
 *
 * <p>Needs GDAL ({@code ogr2ogr}, Debian gdal-bin): skipped with the reason without it, failing instead under
 * {@code OPALE_REQUIRE_OGC_CLIENTS=true} (CI), as {@code OgcClientsTest}.
 */
class FeatureWriterContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory WGS84 = new GeometryFactory();
    private static final List<Column> COLUMNS = List.of(new Column("nom", "Nom de l'objet", ColumnType.TEXT),
            Column.of("effectif", ColumnType.INTEGER), Column.of("surface", ColumnType.DECIMAL),
            Column.of("date_maj", ColumnType.DATE));
    /**
     * Lille town hall's neighbourhood in WGS84 and, as PostGIS/PROJ computes it (ST_Transform to 2154), in
     * Lambert-93: the same reference as the CRS tests.
     */
    private static final Coordinate LILLE = new Coordinate(3.0564358960588613, 50.62797459584252);
    private static final Coordinate LILLE_LAMBERT_93 = new Coordinate(704000, 7059000);
    private static final List<Map<String, Object>> ROWS = List.of(
            row("Hôtel de ville « Lille », \"centre\"; nord", 1_234L, "12.25", LocalDate.of(2024, 1, 31)),
            row("Gare Lille-Flandres", -7L, "0.1", LocalDate.of(1999, 12, 1)),
            row("Sans géométrie ni valeurs", null, null, null));
    @TempDir
    Path dir;

    private static Map<String, Object> row(String name, Long count, String surface, LocalDate day) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("nom", name);
        properties.put("effectif", count);
        properties.put("surface", surface == null ? null : new BigDecimal(surface));
        properties.put("date_maj", day);
        return properties;
    }

    @BeforeAll
    static void gdal() {
        ExternalTools.requireGdal();
    }

    static Stream<Arguments> formats() {
        List<Arguments> cases = new ArrayList<>();
        for (DownloadFormat format : DownloadFormats.all()) {
            cases.add(Arguments.of(format.key(), true));
            if (format.accepts(false)) {
                cases.add(Arguments.of(format.key(), false));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, géographique : {1}")
    @MethodSource("formats")
    void gdalReadsBackEveryRowValueAndGeometry(String key, boolean geographic) throws Exception {
        DownloadFormat format = DownloadFormats.parse("format", key);
        String id = "objets-" + key;
        Path file = dir.resolve(id + "." + format.extension());
        List<Feature> features = new ArrayList<>();
        features.add(new Feature(1, ROWS.get(0), geographic ? WGS84.createPoint(LILLE) : null));
        features.add(new Feature(2, ROWS.get(1), geographic ? WGS84.createPoint(new Coordinate(3.07, 50.64)) : null));
        features.add(new Feature(3, ROWS.get(2), null));
        DownloadSelection selection = new DownloadSelection(id, COLUMNS, geographic,
                geographic ? GeometryType.POINT : GeometryType.GEOMETRY, SupportedCrs.EPSG_2154,
                () -> features.size());
        long[] opened = {0};
        long spooledBefore = spooled();
        try (OutputStream out = Files.newOutputStream(file);
             FeatureWriter writer = format.open(selection, length -> {
                 opened[0]++;
                 return out;
             })) {
            for (Feature feature : features) {
                writer.write(feature);
            }
            writer.finish();
        }
        assertThat(opened[0]).as("target opened once").isEqualTo(1);

        JsonNode read = JSON.readTree(Gdal.run(gdalCommand(format, file, id)));
        JsonNode crs = read.path("crs").path("properties").path("name");
        if (!crs.isMissingNode()) {
            assertThat(crs.asString()).as("the CRS the file declares").contains("2154");
        }
        JsonNode rows = read.path("features");
        assertThat(rows.size()).as("rows read back by GDAL").isEqualTo(features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode properties = rows.get(i).path("properties");
            Map<String, Object> expected = ROWS.get(i);
            assertThat(text(properties, "nom")).as("nom, row %d", i + 1).isEqualTo(expected.get("nom"));
            assertNumber(properties, "effectif", (Long) expected.get("effectif"), i);
            assertNumber(properties, "surface", (BigDecimal) expected.get("surface"), i);
            assertDate(properties, (LocalDate) expected.get("date_maj"), i);
            Geometry geometry = geometry(rows.get(i), properties);
            if (!geographic || features.get(i).geometry() == null) {
                assertThat(geometry).as("geometry of row %d", i + 1).isNull();
            } else {
                assertThat(geometry).as("geometry of row %d", i + 1).isNotNull();
                assertThat(geometry.getGeometryType()).isEqualTo("Point");
            }
        }
        if (geographic) {
            Coordinate lille = geometry(rows.get(0), rows.get(0).path("properties")).getCoordinate();
            assertThat(lille.x).as("Lambert-93 easting").isCloseTo(LILLE_LAMBERT_93.x, within(0.01));
            assertThat(lille.y).as("Lambert-93 northing").isCloseTo(LILLE_LAMBERT_93.y, within(0.01));
        }
        assertThat(spooled()).as("temporary files deleted by close()").isEqualTo(spooledBefore);
    }

    /** The writers' temporary directories present now (shapefile parts, GeoPackage files). */
    private static long spooled() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith(ShapefileFeatureWriter.TEMPORARY_PREFIX) || f.startsWith("opale-gpkg-"))
                    .count();
        }
    }

    /**
     * ogr2ogr to GeoJSON on stdout, coordinates as written (no reprojection), every format opened as GDAL opens it
     * by default but for the spreadsheet-like ones: their {@code geom} column is WKT, which GDAL's CSV driver parses
     * when told its name (the XLSX driver has no such option: the test parses the text).
     */
    private static String[] gdalCommand(DownloadFormat format, Path file, String id) {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON"));
        String source = file.toAbsolutePath().toString();
        if (format.extension().equals("csv")) {
            command.addAll(List.of("-oo", "GEOM_POSSIBLE_NAMES=geom", "-oo", "KEEP_GEOM_COLUMNS=NO"));
        } else if (format.extension().equals("zip")) {
            source = "/vsizip/" + source + "/" + id + ".shp";
        }
        command.add("/vsistdout/");
        command.add(source);
        return command.toArray(String[]::new);
    }

    /** The geometry GDAL read, or the WKT of a {@code geom} text column (XLSX), or null. */
    private static Geometry geometry(JsonNode feature, JsonNode properties) throws Exception {
        JsonNode geometry = feature.path("geometry");
        if (geometry.isObject()) {
            JsonNode c = geometry.path("coordinates");
            return WGS84.createPoint(new Coordinate(c.get(0).doubleValue(), c.get(1).doubleValue()));
        }
        String wkt = text(properties, "geom");
        return wkt == null || wkt.isBlank() ? null : new WKTReader().read(wkt);
    }

    private static String text(JsonNode properties, String name) {
        JsonNode value = properties.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** A number as GDAL typed it, or as text (CSV), with a decimal comma for the French-Excel dialect. */
    private static void assertNumber(JsonNode properties, String name, Object expected, int row) {
        String text = text(properties, name);
        if (expected == null) {
            assertThat(text).as("%s, row %d: empty", name, row + 1).satisfiesAnyOf(t -> assertThat(t).isNull(),
                    t -> assertThat(t).isEmpty());
            return;
        }
        assertThat(text).as("%s, row %d", name, row + 1).isNotNull();
        assertThat(new BigDecimal(text.replace(',', '.'))).as("%s, row %d", name, row + 1)
                .isEqualByComparingTo(new BigDecimal(expected.toString()));
    }

    /** A date as GDAL writes a Date field ({@code 2024/01/31}), as ISO text, or as the French {@code 31/01/2024}. */
    private static void assertDate(JsonNode properties, LocalDate expected, int row) {
        String text = text(properties, "date_maj");
        if (expected == null) {
            assertThat(text).as("date_maj, row %d: empty", row + 1).satisfiesAnyOf(t -> assertThat(t).isNull(),
                    t -> assertThat(t).isEmpty());
            return;
        }
        assertThat(text).as("date_maj, row %d", row + 1).isNotNull();
        String digits = text.replaceAll("[^0-9]", "");
        String iso = expected.toString().replace("-", "");
        String french = String.format("%02d%02d%04d", expected.getDayOfMonth(), expected.getMonthValue(),
                expected.getYear());
        assertThat(digits).as("date_maj, row %d (%s)", row + 1, text).isIn(iso, french, iso + "000000",
                french + "000000");
    }
}
