package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.testing.SharedTestData;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Every file of {@code ../shared/data/csv} and {@code ../shared/data/geo} analysed and read: encoding, separator,
 * chosen column types, geometry guess, and the row count checked against {@link IndependentCounts}.
 */
class RealFilesTest {
    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private static final Charset UTF8 = StandardCharsets.UTF_8;
    private final TableReaders readers = TableReaders.standard();

    private Analysis analyse(Path file) {
        return readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
    }

    /** Reads every row; checks each row's shape; returns the summary and keeps the rows' values. */
    private record Read(ReadSummary summary, List<Row> rows) {
    }

    private Read readAll(Path file, ReadPlan plan) {
        List<Row> rows = new ArrayList<>();
        try (RowStream stream = readers.open(SourceFile.of(file), plan, Limits.DEFAULT, ReadListener.NONE)) {
            for (Row row = stream.next(); row != null; row = stream.next()) {
                assertThat(row.values()).hasSize(plan.outputColumns().size());
                rows.add(row);
            }
            return new Read(stream.summary(), rows);
        }
    }

    private static void assertCsv(Analysis a, String encoding, char delimiter) {
        assertThat(a.plan().settings().format()).isEqualTo("csv");
        assertThat(a.plan().settings().encoding()).isEqualTo(encoding);
        assertThat(a.plan().settings().delimiter()).isEqualTo(delimiter);
        assertThat(a.plan().settings().header()).isTrue();
    }

    private static void assertTypes(Analysis a, Object... nameThenType) {
        for (int i = 0; i < nameThenType.length; i += 2) {
            assertThat(a.column((String) nameThenType[i]).type()).as((String) nameThenType[i])
                    .isEqualTo(nameThenType[i + 1]);
        }
    }

    private static Object value(Read read, ReadPlan plan, int row, String name) {
        List<ColumnPlan> columns = plan.outputColumns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return read.rows().get(row).values()[i];
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void everySharedFileIsCoveredByThisTest() throws Exception {
        List<String> covered = List.of("AC2_ASSIETTE_SUP_S_014_latin1.csv", "AC2_ASSIETTE_SUP_S_014_utf8.csv",
                "cartolavage-2023.csv", "eaux-baignades.csv", "n_tri_lill_inondable_s_059.csv",
                "perimetre-epci-contrat-de-ville.csv", "population-millesimee-communes-mel.csv", "rephytox.csv",
                "rge-null-chars.csv", "salles-yffiniac.csv", "vlille_temps_reel_20251222.csv",
                "41175_PLU_ZONE_URBA_shp.zip", "AC_TEMPLATE_SHP_QGIS.zip", "communes-59-nord.geojson",
                "perimetre-epci-contrat-de-ville.geojson", "pprt_69dreal20090005.gpkg");
        Path csv = SharedTestData.file("csv");
        Path geo = SharedTestData.file("geo");
        try (Stream<Path> a = Files.list(csv); Stream<Path> b = Files.list(geo)) {
            assertThat(Stream.concat(a, b).map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(covered);
        }
    }

    @Test
    void latin1AndUtf8TwinsGiveIdenticalRows() throws Exception {
        Path latin1 = SharedTestData.file("csv/AC2_ASSIETTE_SUP_S_014_latin1.csv");
        Path utf8 = SharedTestData.file("csv/AC2_ASSIETTE_SUP_S_014_utf8.csv");
        Analysis a = analyse(latin1);
        Analysis b = analyse(utf8);
        assertCsv(a, "ISO-8859-1", ',');
        assertCsv(b, "UTF-8", ',');
        assertTypes(a, "idass", ColumnType.INTEGER, "nomass", ColumnType.TEXT, "modegeoass", ColumnType.TEXT);
        assertThat(a.column("modegeoass").samples()).containsExactly("Egal au générateur");
        assertThat(a.plan().geometry()).isNull();
        long expected = IndependentCounts.csvRows(latin1, LATIN1, ',');
        assertThat(expected).isEqualTo(111);
        assertThat(a.rows()).isEqualTo(expected);
        Read ra = readAll(latin1, a.plan());
        Read rb = readAll(utf8, b.plan());
        assertThat(ra.rows()).hasSize((int) expected);
        for (int i = 0; i < ra.rows().size(); i++) {
            assertThat(ra.rows().get(i).values()).containsExactly(rb.rows().get(i).values());
        }
        assertThat(a.columns()).isEqualTo(b.columns());
    }

    @Test
    void cartolavageBomSemicolonDecimalCommasAndOuiNonNsp() throws Exception {
        Path file = SharedTestData.file("csv/cartolavage-2023.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ';');
        assertThat(a.plan().settings().decimalSeparator()).isEqualTo(',');
        assertThat(a.column("ID").label()).isEqualTo("ID"); // BOM stripped from the first label
        assertTypes(a, "id", ColumnType.INTEGER, "longitude", ColumnType.DECIMAL, "latitude", ColumnType.DECIMAL,
                "bouteilles", ColumnType.BOOLEAN, "collecte_des_emballages_sales", ColumnType.TEXT,
                "code_commune", ColumnType.TEXT, "region", ColumnType.TEXT);
        assertThat(a.warnings()).anyMatch(w -> w.code().equals("type-demoted") && "NSP".equals(w.message()
                .replaceAll(".*« (NSP) ».*", "$1")) && w.row() != null);
        GeometryPlan g = a.plan().geometry();
        assertThat(g.kind()).isEqualTo(GeometrySource.XY);
        assertThat(g.srid()).isEqualTo(Crs.WGS84);
        long expected = IndependentCounts.csvRows(file, UTF8, ';');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(56);
        Read read = readAll(file, a.plan());
        assertThat(read.rows()).hasSize((int) expected);
        assertThat(value(read, a.plan(), 0, "longitude")).isEqualTo(new java.math.BigDecimal("2.236558914"));
        assertThat(value(read, a.plan(), 0, "bouteilles")).isEqualTo(false);
        assertThat(read.summary().geometries()).isEqualTo(expected);
        assertThat(read.rows().get(0).geometry().getCoordinate().y).isEqualTo(48.8915863);
    }

    @Test
    void eauxBaignadesEmptyLonLatGiveNullGeometriesCounted() throws Exception {
        Path file = SharedTestData.file("csv/eaux-baignades.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ',');
        assertTypes(a, "id", ColumnType.INTEGER, "dep_num", ColumnType.TEXT, "long", ColumnType.DECIMAL,
                "lat", ColumnType.DECIMAL, "qeb_2020", ColumnType.TEXT);
        assertThat(a.column("dep_num").samples()).contains("01"); // quoted code keeps its leading zero
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.XY);
        long expected = IndependentCounts.csvRows(file, UTF8, ',');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(300);
        Read read = readAll(file, a.plan());
        long emptyCoordinates = IndependentCounts.csv(file, UTF8, ',').stream().skip(1)
                .filter(r -> r.get(9).isEmpty() || r.get(10).isEmpty()).count();
        assertThat(read.summary().missingGeometries()).isEqualTo(emptyCoordinates).isPositive();
        assertThat(read.summary().geometries()).isEqualTo(expected - emptyCoordinates);
        assertThat(read.summary().bbox().getMinY()).isGreaterThan(41);
    }

    @Test
    void floodZonesTakeTheGeoJsonShapeColumn() throws Exception {
        Path file = SharedTestData.file("csv/n_tri_lill_inondable_s_059.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ';');
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.GEOJSON);
        assertThat(a.plan().columns().get(1).skip()).isTrue(); // geo_shape consumed
        assertTypes(a, "datentree", ColumnType.DATE, "typ_inond", ColumnType.TEXT);
        long expected = IndependentCounts.csvRows(file, UTF8, ';');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(8);
        Read read = readAll(file, a.plan());
        assertThat(read.rows()).hasSize((int) expected);
        assertThat(value(read, a.plan(), 0, "datentree")).isEqualTo(LocalDate.of(2014, 4, 28));
        Envelope lille = new Envelope(2.9, 3.3, 50.5, 50.8);
        assertThat(lille.contains(read.summary().bbox())).isTrue();
        assertThat(read.rows().get(0).geometry().getGeometryType()).isEqualTo("Polygon");
    }

    @Test
    void epciCsvTakesGeoPoint2d() throws Exception {
        Path file = SharedTestData.file("csv/perimetre-epci-contrat-de-ville.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ';');
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.LAT_LON_TEXT);
        assertTypes(a, "st_area_shape", ColumnType.DECIMAL, "code_epci", ColumnType.INTEGER,
                "code_dep", ColumnType.TEXT);
        long expected = IndependentCounts.csvRows(file, UTF8, ';');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(37);
        Read read = readAll(file, a.plan());
        Geometry first = read.rows().get(0).geometry();
        assertThat(first.getCoordinate().x).isEqualTo(3.37305747018);
        assertThat(first.getCoordinate().y).isEqualTo(43.7929180957);
    }

    @Test
    void populationHasNoGeometryAndCodesStayText() throws Exception {
        Path file = SharedTestData.file("csv/population-millesimee-communes-mel.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ';');
        assertTypes(a, "population_totale", ColumnType.INTEGER, "superficie", ColumnType.DECIMAL,
                "code_commune", ColumnType.TEXT, "code_insee", ColumnType.INTEGER, "libepci", ColumnType.TEXT);
        assertThat(a.plan().geometry()).isNull();
        long expected = IndependentCounts.csvRows(file, UTF8, ';');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(475);
        assertThat(readAll(file, a.plan()).rows()).hasSize((int) expected);
        assertThat(a.column("libepci").distinct()).isEqualTo(5);
    }

    @Test
    void rephytoxFrenchDatesAndLongHeaders() throws Exception {
        Path file = SharedTestData.file("csv/rephytox.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ';');
        assertTypes(a, "passage_date", ColumnType.DATE,
                "coordonnees_passage_coordonnees_minx", ColumnType.DECIMAL,
                "resultat_valeur_de_la_mesure", ColumnType.DECIMAL,
                "lieu_de_surveillance_mnemonique", ColumnType.TEXT);
        assertThat(a.plan().columns().stream().filter(c -> c.name().equals("passage_date")).findFirst().orElseThrow()
                .format()).isEqualTo("dd/MM/yyyy");
        assertThat(a.column("passage_date").label()).isEqualTo("Passage : Date");
        assertThat(a.plan().geometry()).isNull(); // min/max bounds, not a lat/lon pair: the producer may choose
        long expected = IndependentCounts.csvRows(file, UTF8, ';');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(279);
        Read read = readAll(file, a.plan());
        assertThat(value(read, a.plan(), 0, "passage_date")).isEqualTo(LocalDate.of(2008, 4, 15));
    }

    @Test
    void rgeNulBytesAreStrippedWithAWarningNamingTheLine() throws Exception {
        Path file = SharedTestData.file("csv/rge-null-chars.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ',');
        ReadWarning nul = a.warnings().stream().filter(w -> w.code().equals("nul-bytes")).findFirst().orElseThrow();
        assertThat(nul.row()).isEqualTo(6);
        assertThat(nul.message()).contains("3 caractère(s) nul(s)");
        assertTypes(a, "siret", ColumnType.INTEGER, "latitude", ColumnType.DECIMAL, "date_debut", ColumnType.DATE,
                "telephone", ColumnType.TEXT);
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.XY);
        long expected = IndependentCounts.csvRows(file, UTF8, ',');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(7);
        Read read = readAll(file, a.plan());
        assertThat(read.summary().hasWarning("nul-bytes")).isTrue();
        assertThat(read.rows().stream().flatMap(r -> Arrays.stream(r.values())))
                .noneMatch(v -> v instanceof String s && s.indexOf('\0') >= 0);
    }

    @Test
    void sallesYffiniacBomInQuotedHeaderAndRaggedRow() throws Exception {
        Path file = SharedTestData.file("csv/salles-yffiniac.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ',');
        assertThat(a.columns().get(0).label()).isEqualTo("SALLE");
        assertThat(a.columns().get(2).label()).isEqualTo("CAPACITE"); // trailing space trimmed
        assertThat(a.column("capacite").type()).isEqualTo(ColumnType.TEXT); // "150-200"
        ReadWarning ragged = a.warnings().stream().filter(w -> w.code().equals("ragged-row")).findFirst().orElseThrow();
        assertThat(ragged.row()).isEqualTo(9);
        assertThat(ragged.message()).contains("1 champ au lieu de 5");
        ReadWarning demoted = a.warnings().stream().filter(w -> w.code().equals("type-demoted")).findFirst()
                .orElseThrow();
        assertThat(demoted.message()).contains("150-200");
        assertThat(demoted.row()).isEqualTo(3);
        long expected = IndependentCounts.csvRows(file, UTF8, ',');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(7);
        Read read = readAll(file, a.plan());
        assertThat(read.rows()).hasSize((int) expected);
        assertThat(read.summary().hasWarning("ragged-row")).isTrue();
    }

    @Test
    void vlilleTakesTheWktColumnAndIsoTimestamps() throws Exception {
        Path file = SharedTestData.file("csv/vlille_temps_reel_20251222.csv");
        Analysis a = analyse(file);
        assertCsv(a, "UTF-8", ',');
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.WKT);
        assertTypes(a, "date_modification", ColumnType.TIMESTAMP, "nb_velos_dispo", ColumnType.INTEGER,
                "x", ColumnType.DECIMAL, "code_insee", ColumnType.TEXT);
        assertThat(a.column("code_insee").nulls()).isEqualTo(a.rows());
        assertThat(a.column("geom").name()).isEqualTo("geom_"); // "geom" is reserved for the table's geometry
        long expected = IndependentCounts.csvRows(file, UTF8, ',');
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(302);
        Read read = readAll(file, a.plan());
        assertThat(value(read, a.plan(), 0, "date_modification"))
                .isEqualTo(OffsetDateTime.parse("2022-11-29T10:47:16.181Z"));
        assertThat(read.summary().geometries()).isEqualTo(expected);
        assertThat(new Envelope(2.9, 3.3, 50.5, 50.8).contains(read.summary().bbox())).isTrue();
    }

    @Test
    void pezouShapefileInLambert93WithUtf8DbfAndNoCpg() throws Exception {
        Path file = SharedTestData.file("geo/41175_PLU_ZONE_URBA_shp.zip");
        Analysis a = analyse(file);
        assertThat(a.plan().settings().format()).isEqualTo("shapefile");
        assertThat(a.plan().settings().encoding()).isEqualTo("UTF-8");
        assertThat(a.plan().settings().sourceSrid()).isEqualTo(Crs.LAMBERT_93);
        assertThat(a.hasWarning("encoding-guessed")).isTrue();
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.NATIVE);
        assertTypes(a, "libelong", ColumnType.TEXT, "destdomi", ColumnType.TEXT);
        assertThat(a.column("libelong").samples()).anyMatch(s -> s.contains("où l'évolution"));
        long expected = IndependentCounts.dbfRecords(file);
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(118);
        Read read = readAll(file, a.plan());
        assertThat(read.rows()).hasSize((int) expected);
        Envelope bbox = read.summary().bbox();
        assertThat(bbox.centre().x).isCloseTo(1.15, within(0.05)); // Pezou, Loir-et-Cher
        assertThat(bbox.centre().y).isCloseTo(47.87, within(0.05));
        assertThat(read.summary().geometries()).isEqualTo(expected);
        assertThat(read.rows().get(0).geometry().getSRID()).isEqualTo(Crs.WGS84);
    }

    @Test
    void emptyTemplateShapefileHasColumnsAndNoRows() throws Exception {
        Path file = SharedTestData.file("geo/AC_TEMPLATE_SHP_QGIS.zip");
        Analysis a = analyse(file);
        assertThat(IndependentCounts.dbfRecords(file)).isZero();
        assertThat(a.rows()).isZero();
        assertThat(a.columns()).hasSize(30);
        assertThat(a.plan().settings().encoding()).isEqualTo("UTF-8"); // from the .cpg
        assertThat(a.plan().settings().sourceSrid()).isEqualTo(Crs.WGS84);
        assertTypes(a, "largeur_d", ColumnType.DECIMAL, "trafic_vit", ColumnType.INTEGER, "ame_d", ColumnType.TEXT);
        assertThat(a.hasWarning("empty-table")).isTrue();
        assertThat(readAll(file, a.plan()).rows()).isEmpty();
    }

    @Test
    void communesGeoJsonMixedPolygonTypes() throws Exception {
        Path file = SharedTestData.file("geo/communes-59-nord.geojson");
        Analysis a = analyse(file);
        assertThat(a.plan().settings().format()).isEqualTo("geojson");
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.NATIVE);
        assertTypes(a, "code", ColumnType.TEXT, "nom", ColumnType.TEXT);
        long expected = IndependentCounts.geoJsonFeatures(file);
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(648);
        Read read = readAll(file, a.plan());
        assertThat(read.rows().stream().map(r -> r.geometry().getGeometryType()).distinct())
                .containsExactlyInAnyOrder("Polygon", "MultiPolygon");
        assertThat(read.summary().geometries() + read.summary().rejectedGeometries()).isEqualTo(expected);
        assertThat(new Envelope(2.0, 4.3, 49.9, 51.1).contains(read.summary().bbox())).isTrue();
    }

    @Test
    void epciGeoJsonPointsKeepJsonTypes() throws Exception {
        Path file = SharedTestData.file("geo/perimetre-epci-contrat-de-ville.geojson");
        Analysis a = analyse(file);
        long expected = IndependentCounts.geoJsonFeatures(file);
        assertThat(a.rows()).isEqualTo(expected).isEqualTo(37);
        assertTypes(a, "code_epci", ColumnType.INTEGER, "st_area_shape", ColumnType.DECIMAL,
                "code_dep", ColumnType.TEXT, "code_region", ColumnType.TEXT);
        Read read = readAll(file, a.plan());
        assertThat(read.rows()).allMatch(r -> r.geometry().getGeometryType().equals("Point"));
    }

    @Test
    void geoPackageLayersIncludingAttributeOnlyTables() throws Exception {
        Path file = SharedTestData.file("geo/pprt_69dreal20090005.gpkg");
        Analysis a = analyse(file);
        assertThat(a.plan().settings().format()).isEqualTo("geopackage");
        List<String> features = IndependentCounts.sqliteTables(file, "features");
        List<String> attributes = IndependentCounts.sqliteTables(file, "attributes");
        assertThat(features).hasSize(3);
        assertThat(attributes).hasSize(2);
        assertThat(a.plan().settings().layers()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(features.stream(), attributes.stream()).toList());
        for (String layer : a.plan().settings().layers()) {
            Analysis la = readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT.withLayer(layer),
                    ReadListener.NONE);
            long expected = IndependentCounts.sqliteCount(file, layer);
            assertThat(la.rows()).as(layer).isEqualTo(expected);
            Read read = readAll(file, la.plan());
            assertThat(read.rows()).hasSize((int) expected);
            if (features.contains(layer)) {
                assertThat(la.plan().geometry().kind()).isEqualTo(GeometrySource.NATIVE);
                assertThat(la.plan().settings().sourceSrid()).isEqualTo(Crs.LAMBERT_93);
                if (expected > 0) {
                    // Rhône (PPRT 69): around 5.8°E, 45.2°N once in WGS84
                    assertThat(new Envelope(4.2, 6.0, 45.0, 46.4).contains(read.summary().bbox())).as(layer).isTrue();
                }
            } else {
                assertThat(la.plan().geometry()).as(layer).isNull();
                assertThat(read.rows()).allMatch(r -> r.geometry() == null);
            }
        }
    }

    @Test
    void ogcApiItemsWithBomInPropertyName() throws Exception {
        Path file = SharedTestData.file("ogcapi-responses/liste-des-jardins-familiaux-et-partages-de-roubaix_items.json");
        Analysis a = analyse(file);
        assertThat(a.plan().settings().format()).isEqualTo("geojson");
        assertThat(a.columns()).anyMatch(c -> c.label().equals("nom") && c.name().equals("nom"));
        assertThat(a.columns()).noneMatch(c -> c.label().contains("\uFEFF"));
        assertThat(a.rows()).isEqualTo(IndependentCounts.geoJsonFeatures(file));
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.GEOJSON); // geo_shape as a JSON string
        Read read = readAll(file, a.plan());
        assertThat(read.rows()).hasSize((int) a.rows());
        assertThat(new Envelope(3.1, 3.25, 50.6, 50.75).contains(read.summary().bbox())).isTrue(); // Roubaix
    }
}
