package fr.mel.opale.data;

import fr.mel.opale.geo.GeometryType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.data.internal.StartupCleanup;
import fr.mel.opale.data.internal.TableNames;
import fr.mel.opale.data.internal.TableStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The data store's contract — loads, the atomic switch, failures, cancellation, versions kept, roll-back, slugs,
 * reading — on a real database; run on H2 and on PostGIS by the two subclasses. Each test works on datasets of its
 * own (contexts, hence databases, are shared between test classes).
 */
@SpringBootTest(classes = DataStoreContract.DataTestApplication.class)
public abstract class DataStoreContract {
    private static final GeometryFactory JTS = new GeometryFactory();

    /**
     * The data store and what it depends on (access, catalog), booted alone for this module's tests, the crash test's
     * servers and the load benchmark. Nested in this test class on purpose: this module's test-jar is on the test
     * classpath of modules that scan {@code fr.mel.opale.data}; Spring Boot's test filter leaves out classes nested in
     * test classes, where a top-level second {@code @SpringBootApplication} would be picked up (twice the same
     * repositories). Public for the benchmark, in another package.
     */
    @SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.data"})
    public static class DataTestApplication {
    }

    @Autowired
    Datasets datasets;
    @Autowired
    Features features;
    @Autowired
    AccessPolicy policy;
    @Autowired
    Catalog catalog;
    @Autowired
    DataSource dataSource;
    @Autowired
    TableStore store;
    @Autowired
    StartupCleanup cleanup;

    <T> T admin(Supplier<T> work) {
        return policy.asPlatform(work);
    }

    Dataset newDataset() {
        return admin(() -> datasets.create("Test " + UUID.randomUUID(), null));
    }

    LoadResult load(Dataset dataset, DatasetSchema schema, RowSource rows, LoadOptions options) {
        return admin(() -> datasets.load(dataset.id(), schema, rows, options));
    }

    LoadResult load(Dataset dataset, String label, long count) {
        return load(dataset, TestRows.SCHEMA, TestRows.generated(label, count),
                LoadOptions.defaults().withExpectedRows(count));
    }

    List<Feature> readAll(String datasetId, FeatureQuery query) {
        List<Feature> all = new ArrayList<>();
        admin(() -> features.read(datasetId, query, all::add));
        return all;
    }

    long count(String datasetId) {
        return admin(() -> features.count(datasetId, FeatureQuery.all()));
    }

    List<String> versionTables() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return store.versionTables(connection);
        }
    }

    // ---------------------------------------------------------------- round trip

    @Test
    void everyColumnTypeNullAndGeometryTypeRoundTrips() throws Exception {
        WKTReader wkt = new WKTReader();
        DatasetSchema schema = new DatasetSchema(List.of(
                Column.of("n", ColumnType.INTEGER),
                new Column("montant", "Montant", ColumnType.DECIMAL),
                Column.of("ouvert", ColumnType.BOOLEAN),
                // Reserved words as column names: quoting makes them harmless.
                new Column("date", "Date de pose", ColumnType.DATE),
                new Column("order", "Ordre", ColumnType.TIMESTAMP),
                new Column("libelle", "Libellé \"); DROP TABLE dataset; --", ColumnType.TEXT)),
                new GeometryInfo(GeometryType.GEOMETRY, "EPSG:2154"));
        String tricky = "Tab\there \"quoted\" 'single' back\\slash\\N\nnew line\r\n é à ç œ 🚲 ; DROP TABLE dataset; --";
        List<Object[]> values = List.of(
                new Object[] {1L, new BigDecimal("12.345678901234567890"), true, LocalDate.of(2024, 2, 29),
                        OffsetDateTime.parse("2024-03-31T02:30:00+02:00"), tricky},
                new Object[] {null, null, null, null, null, null},
                new Object[] {7, 0.1, false, LocalDate.of(1900, 1, 1), LocalDateTime.of(2024, 7, 14, 22, 0), ""},
                new Object[] {Long.MAX_VALUE, new BigDecimal("-1E+3"), true, LocalDate.of(2999, 12, 31),
                        java.time.Instant.parse("2024-01-01T00:00:00Z"), "\\"},
                new Object[] {-42L, BigDecimal.ZERO, false, null, null, "x"},
                new Object[] {0L, new BigDecimal("3.14"), true, null, null, "multi"},
                new Object[] {1L, BigDecimal.ONE, null, null, null, "collection"},
                new Object[] {2L, BigDecimal.TEN, null, null, null, "nothing"});
        List<Geometry> geometries = Arrays.asList(
                wkt.read("POINT (3.0573 50.6292)"),
                null,
                wkt.read("LINESTRING (3.05 50.62, 3.06 50.63, 3.07 50.61)"),
                wkt.read("POLYGON ((3.0 50.6, 3.1 50.6, 3.1 50.7, 3.0 50.7, 3.0 50.6), "
                        + "(3.02 50.62, 3.08 50.62, 3.08 50.68, 3.02 50.68, 3.02 50.62))"),
                wkt.read("MULTIPOINT ((3.1 50.7), (3.2 50.8))"),
                wkt.read("MULTILINESTRING ((3.1 50.7, 3.2 50.8), (3.3 50.6, 3.4 50.5))"),
                wkt.read("MULTIPOLYGON (((3.0 50.0, 3.1 50.0, 3.1 50.1, 3.0 50.0)), ((3.2 50.2, 3.3 50.2, 3.3 50.3, 3.2 50.2)))"),
                wkt.read("GEOMETRYCOLLECTION (POINT (2.9 50.5), LINESTRING (2.9 50.5, 3.0 50.6))"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Row(values.get(i), geometries.get(i)));
        }
        Dataset dataset = newDataset();
        LoadResult result = load(dataset, schema, RowSource.of(rows.iterator()),
                LoadOptions.defaults().withContentHash("sha256:abc"));

        assertThat(result.succeeded()).as("%s", result).isTrue();
        DatasetVersion version = result.version();
        assertThat(version.number()).isEqualTo(1);
        assertThat(version.tableName()).isEqualTo("ds_" + dataset.id() + "_v1");
        assertThat(version.rowCount()).isEqualTo(8);
        assertThat(version.contentHash()).isEqualTo("sha256:abc");
        assertThat(version.columns()).isEqualTo(schema.columns());
        assertThat(version.geometry()).isEqualTo(new GeometryInfo(GeometryType.GEOMETRY, "EPSG:2154"));
        assertThat(version.bbox()).isEqualTo(new Bbox(2.9, 50.0, 3.4, 50.8));
        assertThat(version.finished()).isNotNull();
        assertThat(admin(() -> datasets.currentVersion(dataset.id()))).hasValue(version);

        List<Feature> read = readAll(dataset.id(), FeatureQuery.all());
        assertThat(read).extracting(Feature::fid).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        Map<String, Object> first = read.get(0).properties();
        assertThat(first.keySet()).containsExactly("n", "montant", "ouvert", "date", "order", "libelle");
        assertThat(first.get("n")).isEqualTo(1L);
        assertThat((BigDecimal) first.get("montant")).isEqualByComparingTo("12.345678901234567890");
        assertThat(first.get("ouvert")).isEqualTo(true);
        assertThat(first.get("date")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(((OffsetDateTime) first.get("order")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-03-31T02:30:00+02:00").toInstant());
        assertThat(first.get("libelle")).isEqualTo(tricky);
        assertThat(read.get(1).properties()).containsOnlyKeys("n", "montant", "ouvert", "date", "order", "libelle")
                .allSatisfy((k, v) -> assertThat(v).as(k).isNull());
        assertThat(read.get(1).geometry()).isNull();
        Map<String, Object> third = read.get(2).properties();
        assertThat(third.get("n")).isEqualTo(7L);
        assertThat((BigDecimal) third.get("montant")).isEqualByComparingTo("0.1");
        assertThat(((OffsetDateTime) third.get("order")).toInstant()).as("local time taken in Europe/Paris")
                .isEqualTo(OffsetDateTime.parse("2024-07-14T22:00:00+02:00").toInstant());
        assertThat(third.get("libelle")).isEqualTo("");
        assertThat(read.get(3).properties().get("n")).isEqualTo(Long.MAX_VALUE);
        assertThat((BigDecimal) read.get(3).properties().get("montant")).isEqualByComparingTo("-1000");
        assertThat(read.get(3).properties().get("libelle")).isEqualTo("\\");
        for (int i = 0; i < geometries.size(); i++) {
            Geometry expected = geometries.get(i);
            Geometry actual = read.get(i).geometry();
            if (expected == null) {
                assertThat(actual).isNull();
            } else {
                assertThat(actual).as("geometry %d", i + 1).isNotNull();
                assertThat(actual.equalsExact(expected)).as("%s = %s", actual, expected).isTrue();
                assertThat(actual.getSRID()).isEqualTo(4326);
            }
        }
    }

    @Test
    void decimalsAreStoredExactlyByValueAndSummedExactlyInSql() throws Exception {
        DatasetSchema schema = new DatasetSchema(List.of(Column.of("k", ColumnType.INTEGER),
                Column.of("d", ColumnType.DECIMAL)), null);
        String[][] cases = { // as handed, as read back on both stores
            {"0.1", "0.1"}, {"0.2", "0.2"}, {"12345678901234.56789", "12345678901234.56789"}, {"12.30", "12.3"},
            {"1E+3", "1000"}, {"0.00", "0"}, {"-0.0000001", "-0.0000001"}, {"1.23E+1", "12.3"}, {"100", "100"},
            {"123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"},
            {"1E-1000", "0." + "0".repeat(999) + "1"}, {"1" + "0".repeat(999), "1" + "0".repeat(999)}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(Row.of(null, (long) i, new BigDecimal(cases[i][0])));
        }
        rows.add(Row.of(null, 99L, 0.1)); // a double from a source: its shortest decimal
        Dataset dataset = newDataset();
        LoadResult result = load(dataset, schema, RowSource.of(rows.iterator()), LoadOptions.defaults());
        assertThat(result.succeeded()).as("%s", result).isTrue();

        List<Feature> read = readAll(dataset.id(), FeatureQuery.all());
        for (int i = 0; i < cases.length; i++) {
            BigDecimal value = (BigDecimal) read.get(i).properties().get("d");
            // equals, not compareTo: the same scale on both stores, so the same text everywhere.
            assertThat(value).as(cases[i][0]).isEqualTo(new BigDecimal(cases[i][1]));
            assertThat(value.toPlainString()).isEqualTo(cases[i][1]);
        }
        assertThat(read.get(cases.length).properties().get("d")).isEqualTo(new BigDecimal("0.1"));

        String table = TableNames.quote(result.version().tableName());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (var sums = sql.executeQuery("SELECT SUM(\"d\") FROM " + table + " WHERE \"k\" IN (0, 1)")) {
                sums.next();
                assertThat(sums.getBigDecimal(1)).isEqualByComparingTo("0.3"); // not 0.30000000000000004
            }
            try (var equal = sql.executeQuery("SELECT COUNT(*) FROM " + table
                    + " WHERE \"k\" IN (0, 1) HAVING SUM(\"d\") = 0.3")) {
                assertThat(equal.next()).as("0.1 + 0.2 = 0.3 in SQL").isTrue();
            }
            try (var big = sql.executeQuery("SELECT SUM(\"d\") FROM " + table + " WHERE \"k\" IN (2, 3, 4)")) {
                big.next();
                assertThat(big.getBigDecimal(1)).isEqualByComparingTo("12345678902246.86789");
            }
        }

        LoadResult tooLong = load(dataset, schema, RowSource.of(List.of(Row.of(null, 1L,
                new BigDecimal("1" + "2".repeat(1000) + ".5"))).iterator()), LoadOptions.defaults());
        assertThat(tooLong.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(tooLong.version().message()).contains("ligne 1", "colonne « d »", "1000 chiffres");
    }

    @Test
    void nonGeographicDatasetsHaveNoGeometry() {
        DatasetSchema schema = new DatasetSchema(List.of(Column.of("nom", ColumnType.TEXT),
                Column.of("places", ColumnType.INTEGER)), null);
        Dataset dataset = newDataset();
        LoadResult result = load(dataset, schema, RowSource.of(List.of(Row.of(null, "Lille", 10),
                Row.of(null, "Roubaix", null)).iterator()), LoadOptions.defaults());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.version().geographic()).isFalse();
        assertThat(result.version().bbox()).isNull();
        assertThat(readAll(dataset.id(), FeatureQuery.all())).extracting(Feature::geometry).containsOnlyNulls();
        assertThat(readAll(dataset.id(), FeatureQuery.all())).extracting(f -> f.properties().get("nom"))
                .containsExactly("Lille", "Roubaix");
        FeatureQuery inLille = FeatureQuery.all().withBbox(new Bbox(3, 50.6, 3.1, 50.7));
        assertThat(admin(() -> features.count(dataset.id(), inLille))).isZero();
        assertThat(readAll(dataset.id(), inLille)).isEmpty();

        LoadResult withGeometry = load(dataset, schema, RowSource.of(List.of(
                Row.of(JTS.createPoint(new Coordinate(3, 50)), "Lille", 1)).iterator()), LoadOptions.defaults());
        assertThat(withGeometry.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(withGeometry.version().message()).contains("ligne 1", "non géographique");
    }

    @Test
    void aSourceWideningItsColumnsAfterTheLastRowIsPublishedWithTheWiderTypes() {
        DatasetSchema schema = new DatasetSchema(List.of(Column.of("code", ColumnType.INTEGER),
                Column.of("montant", ColumnType.INTEGER), Column.of("jour", ColumnType.DATE),
                Column.of("maj", ColumnType.DATE), Column.of("nom", ColumnType.TEXT)), null);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            rows.add(Row.of(null, i == 30 ? null : (long) i, i == 31 ? null : (long) -i * 7,
                    i == 32 ? null : LocalDate.of(2024, 1 + i % 12, 1 + i % 28), LocalDate.of(1990 + i, 2, 3),
                    "n" + i));
        }
        SchemaRevision revision = new SchemaRevision(List.of(Column.of("code", ColumnType.TEXT),
                Column.of("montant", ColumnType.DECIMAL), Column.of("jour", ColumnType.TEXT),
                Column.of("maj", ColumnType.TEXT), Column.of("nom", ColumnType.TEXT)),
                java.util.Map.of("jour", SchemaRevision.TextForm.DAY_MONTH_YEAR,
                        "maj", SchemaRevision.TextForm.CANONICAL),
                List.of(new SchemaRevision.Cell(30, 0, "2A004"), new SchemaRevision.Cell(31, 1, new BigDecimal("12.5")),
                        new SchemaRevision.Cell(32, 2, "inconnue"), new SchemaRevision.Cell(5, 0, "N/A"),
                        new SchemaRevision.Cell(6, 0, "en\0cours")));
        Iterator<Row> iterator = rows.iterator();
        Dataset dataset = newDataset();
        LoadResult result = load(dataset, schema, new RowSource() {
            @Override
            public @Nullable Row next() {
                return iterator.hasNext() ? iterator.next() : null;
            }

            @Override
            public SchemaRevision revision() {
                return revision;
            }
        }, LoadOptions.defaults());

        assertThat(result.succeeded()).as(String.valueOf(result.version().message())).isTrue();
        assertThat(result.version().columns()).isEqualTo(revision.columns());
        List<Feature> read = readAll(dataset.id(), FeatureQuery.all());
        assertThat(read).hasSize(40);
        assertThat(read.get(0).properties()).containsEntry("code", "1").containsEntry("montant", new BigDecimal("-7"))
                .containsEntry("jour", "02/02/2024").containsEntry("maj", "1991-02-03");
        assertThat(read.get(4).properties()).containsEntry("code", "N/A");
        // a cell written over goes through the same checks as a row's: a text without its NULs, as any text
        assertThat(read.get(5).properties()).containsEntry("code", "encours");
        assertThat(read.get(29).properties()).containsEntry("code", "2A004");
        assertThat(read.get(30).properties()).containsEntry("montant", new BigDecimal("12.5"));
        assertThat(read.get(31).properties()).containsEntry("jour", "inconnue");
        assertThat(read.get(39).properties()).containsEntry("maj", "2030-02-03").containsEntry("nom", "n40");

        // a revision that narrows fails the load: the version is not served
        Iterator<Row> again = rows.iterator();
        LoadResult narrowed = load(dataset, schema, new RowSource() {
            @Override
            public @Nullable Row next() {
                return again.hasNext() ? again.next() : null;
            }

            @Override
            public SchemaRevision revision() {
                return new SchemaRevision(List.of(Column.of("code", ColumnType.INTEGER),
                        Column.of("montant", ColumnType.INTEGER), Column.of("jour", ColumnType.DATE),
                        Column.of("maj", ColumnType.DATE), Column.of("nom", ColumnType.INTEGER)),
                        java.util.Map.of(), List.of());
            }
        }, LoadOptions.defaults());
        assertThat(narrowed.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(narrowed.version().message()).contains("nom", "sans relecture");
        assertThat(admin(() -> datasets.currentVersion(dataset.id())).orElseThrow().number()).isEqualTo(result.version().number());

        // nor a decimal beyond the bounds a row's decimal is held to
        Iterator<Row> third = rows.iterator();
        LoadResult oversized = load(dataset, schema, new RowSource() {
            @Override
            public @Nullable Row next() {
                return third.hasNext() ? third.next() : null;
            }

            @Override
            public SchemaRevision revision() {
                return new SchemaRevision(revision.columns(), revision.textForms(),
                        List.of(new SchemaRevision.Cell(31, 1, new BigDecimal("1E+1001"))));
            }
        }, LoadOptions.defaults());
        assertThat(oversized.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(oversized.version().message()).contains("montant", "ligne 31", "plus de 1000 chiffres");
        assertThat(admin(() -> datasets.currentVersion(dataset.id())).orElseThrow().number()).isEqualTo(result.version().number());
    }

    // ---------------------------------------------------------------- reading

    @Test
    void pagesByKeysetAndOffsetSelectsPropertiesAndRefusesUnknownOnes() {
        Dataset dataset = newDataset();
        assertThat(load(dataset, "page", 2500).succeeded()).isTrue();

        List<Long> sizes = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Feature> page = new ArrayList<>();
            long from = after;
            ReadResult result = admin(() -> features.read(dataset.id(), FeatureQuery.all().after(from).withLimit(1000),
                    page::add));
            if (result.returned() == 0) {
                break;
            }
            assertThat(page.get(0).fid()).isEqualTo(after + 1);
            sizes.add(result.returned());
            after = result.lastFid();
        }
        assertThat(sizes).containsExactly(1000L, 1000L, 500L);

        assertThat(readAll(dataset.id(), FeatureQuery.all().withOffset(10).withLimit(5)))
                .extracting(Feature::fid).containsExactly(11L, 12L, 13L, 14L, 15L);
        assertThat(readAll(dataset.id(), FeatureQuery.all().after(2000).withOffset(10).withLimit(2)))
                .extracting(Feature::fid).containsExactly(2011L, 2012L);

        List<Feature> selected = readAll(dataset.id(), FeatureQuery.all().withProperties(List.of("libelle", "n"))
                .withGeometry(false).withLimit(1));
        assertThat(selected.get(0).properties()).containsExactly(Map.entry("libelle", "page 1"), Map.entry("n", 1L));
        assertThat(selected.get(0).geometry()).isNull();
        assertThat(admin(() -> features.find(dataset.id(), 1234))).get()
                .satisfies(f -> assertThat(f.properties().get("n")).isEqualTo(1234L));
        assertThat(admin(() -> features.find(dataset.id(), 2501))).isEmpty();

        for (String hostile : List.of("nope", "n\" FROM dataset; --", "_fid", "geom", "N")) {
            assertThatThrownBy(() -> readAll(dataset.id(), FeatureQuery.all().withProperties(List.of(hostile))))
                    .isInstanceOf(DataProblem.class)
                    .satisfies(e -> assertThat(((DataProblem) e).getStatusCode().value()).isEqualTo(400));
        }
    }

    @Test
    void bboxKeepsOnlyFeaturesReallyIntersectingIt() throws Exception {
        WKTReader wkt = new WKTReader();
        DatasetSchema schema = new DatasetSchema(List.of(Column.of("nom", ColumnType.TEXT)),
                GeometryInfo.wgs84(GeometryType.GEOMETRY));
        Dataset dataset = newDataset();
        load(dataset, schema, RowSource.of(List.of(
                Row.of(wkt.read("POINT (3.0573 50.6292)"), "Lille"),
                Row.of(wkt.read("POINT (3.1746 50.6942)"), "Roubaix"),
                // A ring around Lille: its box covers Lille, the hole does too — ST_Intersects must say no.
                Row.of(wkt.read("POLYGON ((2.9 50.5, 3.2 50.5, 3.2 50.8, 2.9 50.8, 2.9 50.5), "
                        + "(3.0 50.6, 3.1 50.6, 3.1 50.7, 3.0 50.7, 3.0 50.6))"), "Anneau"),
                Row.of(null, "Sans lieu")).iterator()), LoadOptions.defaults());

        FeatureQuery lille = FeatureQuery.all().withBbox(new Bbox(3.05, 50.62, 3.06, 50.635));
        assertThat(readAll(dataset.id(), lille)).extracting(f -> f.properties().get("nom")).containsExactly("Lille");
        assertThat(admin(() -> features.count(dataset.id(), lille))).isEqualTo(1);
        FeatureQuery metropole = FeatureQuery.all().withBbox(new Bbox(2.8, 50.4, 3.3, 50.9));
        assertThat(readAll(dataset.id(), metropole)).extracting(f -> f.properties().get("nom"))
                .containsExactly("Lille", "Roubaix", "Anneau");
        assertThat(admin(() -> features.count(dataset.id(), metropole))).isEqualTo(3);
        assertThat(readAll(dataset.id(), metropole.after(1).withLimit(1))).extracting(Feature::fid)
                .containsExactly(2L);
        assertThat(admin(() -> features.count(dataset.id(), FeatureQuery.all()))).isEqualTo(4);
    }

    // ---------------------------------------------------------------- versions

    @Test
    void readersKeepSeeingTheServedVersionUntilTheSwitch() throws Exception {
        Dataset dataset = newDataset();
        load(dataset, "v1", 1000);
        AtomicReference<String> seenDuringLoad = new AtomicReference<>();
        RowSource second = new RowSource() {
            final RowSource rows = TestRows.generated("v2", 3000);
            long i;

            @Override
            public @Nullable Row next() throws Exception {
                if (++i == 2500) {
                    // Another thread, another connection, while 2 499 rows of v2 are in its uncommitted table.
                    seenDuringLoad.set(CompletableFuture.supplyAsync(() -> admin(() -> {
                        List<Feature> firstRow = new ArrayList<>();
                        features.read(dataset.id(), FeatureQuery.all().withLimit(1), firstRow::add);
                        return features.count(dataset.id(), FeatureQuery.all()) + " " + firstRow.get(0).properties()
                                .get("libelle") + " v" + datasets.find(dataset.id()).orElseThrow().currentVersion();
                    })).get(30, TimeUnit.SECONDS));
                }
                return rows.next();
            }
        };
        LoadResult result = load(dataset, TestRows.SCHEMA, second, LoadOptions.defaults());

        assertThat(seenDuringLoad.get()).isEqualTo("1000 v1 1 v1");
        assertThat(result.succeeded()).isTrue();
        assertThat(count(dataset.id())).isEqualTo(3000);
        assertThat(readAll(dataset.id(), FeatureQuery.all().withLimit(1)).get(0).properties().get("libelle"))
                .isEqualTo("v2 1");
    }

    @Test
    void aFailureMidLoadDropsTheNewTableAndKeepsServingTheOldVersion() throws Exception {
        Dataset dataset = newDataset();
        load(dataset, "v1", 1000);
        RowSource broken = new RowSource() {
            final RowSource rows = TestRows.generated("v2", 5000);
            long i;

            @Override
            public @Nullable Row next() throws Exception {
                if (++i == 500) {
                    throw new java.io.IOException("fichier tronqué");
                }
                return rows.next();
            }
        };
        LoadResult result = load(dataset, TestRows.SCHEMA, broken, LoadOptions.defaults());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(result.version().message()).contains("ligne 500", "fichier tronqué");
        assertThat(result.cause()).isInstanceOf(java.io.IOException.class);
        assertThat(versionTables()).contains("ds_" + dataset.id() + "_v1").doesNotContain("ds_" + dataset.id() + "_v2");
        assertThat(admin(() -> datasets.find(dataset.id())).orElseThrow().currentVersion()).isEqualTo(1);
        assertThat(count(dataset.id())).isEqualTo(1000);
        assertThat(readAll(dataset.id(), FeatureQuery.all().after(999))).extracting(f -> f.properties().get("libelle"))
                .containsExactly("v1 1000");

        RowSource wrongType = RowSource.of(List.of(TestRows.row("ok", 1), TestRows.row("ok", 2),
                new Row(new Object[] {"trois", null, null, null, null, null}, null)).iterator());
        LoadResult typed = load(dataset, TestRows.SCHEMA, wrongType, LoadOptions.defaults());
        assertThat(typed.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(typed.version().message()).contains("ligne 3", "colonne « n »", "trois");
        // a quoted cell holding NUL (which PostgreSQL refuses in text) must not keep the failure from being recorded
        RowSource nul = RowSource.of(List.of(new Row(new Object[] {"tr\0ois", null, null, null, null, null}, null))
                .iterator());
        LoadResult withNul = load(dataset, TestRows.SCHEMA, nul, LoadOptions.defaults());
        assertThat(withNul.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(withNul.version().message()).contains("ligne 1", "trois").doesNotContain("\0");
        RowSource projected = RowSource.of(List.of(Row.of(JTS.createPoint(new Coordinate(704_000, 7_059_000)),
                1L, null, null, null, null, "Lambert-93 pris pour du WGS84")).iterator());
        assertThat(load(dataset, TestRows.SCHEMA, projected, LoadOptions.defaults()).version().message())
                .contains("WGS84");
        assertThat(count(dataset.id())).isEqualTo(1000);
        assertThat(versionTables()).filteredOn(t -> t.startsWith("ds_" + dataset.id())).containsExactly(
                "ds_" + dataset.id() + "_v1");
    }

    @Test
    void cancellationDiscardsTheNewVersion() throws Exception {
        Dataset dataset = newDataset();
        load(dataset, "v1", 100);
        AtomicLong progress = new AtomicLong();
        AtomicLong served = new AtomicLong();
        RowSource rows = new RowSource() {
            final RowSource generated = TestRows.generated("v2", 50_000);

            @Override
            public @Nullable Row next() throws Exception {
                served.incrementAndGet();
                return generated.next();
            }
        };
        LoadResult result = load(dataset, TestRows.SCHEMA, rows, LoadOptions.defaults()
                .withProgress(progress::set).withCancellation(() -> served.get() >= 25_000));

        assertThat(result.version().status()).isEqualTo(VersionStatus.CANCELLED);
        assertThat(result.version().message()).isEqualTo("Import annulé.");
        assertThat(result.cause()).isNull();
        assertThat(progress.get()).isEqualTo(20_000);
        assertThat(served.get()).isLessThan(50_000);
        assertThat(versionTables()).doesNotContain("ds_" + dataset.id() + "_v2");
        assertThat(count(dataset.id())).isEqualTo(100);
    }

    @Test
    void keepsTheNewestVersionsAndRollsBack() throws Exception {
        Dataset dataset = newDataset();
        for (int v = 1; v <= 5; v++) {
            assertThat(load(dataset, "v" + v, v * 10L).succeeded()).isTrue();
        }
        List<DatasetVersion> versions = admin(() -> datasets.versions(dataset.id()));
        assertThat(versions).extracting(DatasetVersion::number).containsExactly(5, 4, 3);
        assertThat(versionTables()).filteredOn(t -> t.startsWith("ds_" + dataset.id()))
                .containsExactlyInAnyOrder("ds_" + dataset.id() + "_v3", "ds_" + dataset.id() + "_v4",
                        "ds_" + dataset.id() + "_v5");

        Dataset rolledBack = admin(() -> datasets.rollback(dataset.id(), 3));
        assertThat(rolledBack.currentVersion()).isEqualTo(3);
        assertThat(count(dataset.id())).isEqualTo(30);
        assertThat(readAll(dataset.id(), FeatureQuery.all().withLimit(1)).get(0).properties().get("libelle"))
                .isEqualTo("v3 1");
        assertThat(readAll(dataset.id(), FeatureQuery.all().withVersion(5).withLimit(1)).get(0).properties()
                .get("libelle")).as("a kept version stays readable by number").isEqualTo("v5 1");

        assertThatThrownBy(() -> admin(() -> datasets.rollback(dataset.id(), 1))).isInstanceOf(DataProblem.class)
                .satisfies(e -> assertThat(((DataProblem) e).getStatusCode().value()).isEqualTo(404));
        LoadResult failed = load(dataset, TestRows.SCHEMA, () -> {
            throw new IllegalStateException("illisible");
        }, LoadOptions.defaults());
        assertThatThrownBy(() -> admin(() -> datasets.rollback(dataset.id(), failed.version().number())))
                .isInstanceOf(DataProblem.class)
                .satisfies(e -> assertThat(((DataProblem) e).getStatusCode().value()).isEqualTo(409));

        // A load after a roll-back serves the new version and keeps the newest others.
        assertThat(load(dataset, "v7", 70).succeeded()).isTrue();
        assertThat(admin(() -> datasets.versions(dataset.id())))
                .filteredOn(v -> v.status() == VersionStatus.READY).extracting(DatasetVersion::number)
                .containsExactly(7, 5, 4);
        admin(() -> datasets.rollback(dataset.id(), 5));
        assertThat(load(dataset, "v8", 80).succeeded()).isTrue();
        assertThat(admin(() -> datasets.versions(dataset.id())))
                .filteredOn(v -> v.status() == VersionStatus.READY).extracting(DatasetVersion::number)
                .containsExactly(8, 7, 5);
    }

    // ---------------------------------------------------------------- identity, access, hostile input

    @Test
    void slugsAreUniqueAndRenamesKeepTheOldOneAsAnAlias() {
        Dataset first = admin(() -> datasets.create("Stations V'Lille", null));
        assertThat(first.slug()).isEqualTo("stations-vlille");
        Dataset second = admin(() -> datasets.create("Stations V’Lille", null));
        assertThat(second.slug()).isEqualTo("stations-vlille-2");

        Dataset renamed = admin(() -> datasets.rename(first.id(), "Stations V'Lille (2026)"));
        assertThat(renamed.slug()).isEqualTo("stations-vlille-2026");
        assertThat(admin(() -> datasets.resolve("stations-vlille"))).hasValue(new ResolvedSlug(renamed, true));
        assertThat(admin(() -> datasets.resolve("stations-vlille-2026"))).hasValue(new ResolvedSlug(renamed, false));
        assertThat(admin(() -> datasets.formerSlugs(first.id()))).containsExactly("stations-vlille");

        Dataset third = admin(() -> datasets.create("Stations V'Lille", null));
        assertThat(third.slug()).as("a former slug is never given to another dataset").isEqualTo("stations-vlille-3");
        Dataset back = admin(() -> datasets.rename(first.id(), "Stations V'LILLE"));
        assertThat(back.slug()).as("a dataset may take back its own former slug").isEqualTo("stations-vlille");
        assertThat(admin(() -> datasets.resolve("stations-vlille-2026"))).hasValue(new ResolvedSlug(back, true));
        assertThat(admin(() -> datasets.create("Éléments œuvre à Lille-Hellemmes !", null)).slug())
                .isEqualTo("elements-oeuvre-a-lille-hellemmes");
    }

    @Test
    void hostileTitlesSlugsAndColumnNamesAreHarmless() throws Exception {
        Dataset hostile = admin(() -> datasets.create("Robert'); DROP TABLE dataset; -- " + UUID.randomUUID(), null));
        assertThat(hostile.slug()).startsWith("robert-drop-table-dataset-");
        assertThat(admin(() -> datasets.find(hostile.id()))).isPresent();
        for (String slug : List.of("x' OR '1'='1", "stations-vlille'; DROP TABLE dataset; --", "", "../etc")) {
            assertThat(admin(() -> datasets.resolve(slug))).as(slug).isEmpty();
        }
        for (String id : List.of("x' OR '1'='1", "abc\"; DROP TABLE dataset; --")) {
            assertThat(admin(() -> datasets.find(id))).isEmpty();
            assertThatThrownBy(() -> count(id)).isInstanceOf(DataProblem.class);
        }
        for (String name : List.of("a\"; DROP TABLE dataset; --", "Nb places", "é", "1abc", "_fid", "geom", "x".repeat(64))) {
            assertThatThrownBy(() -> Column.of(name, ColumnType.TEXT)).as(name).isInstanceOf(DataProblem.class);
        }
        assertThat(load(hostile, "ok", 3).succeeded()).isTrue();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM dataset").close();
        }
    }

    @Test
    void theAccessPolicyDecidesWhoReadsAndWrites() {
        assertThatThrownBy(() -> datasets.create("Anonyme", null)).isInstanceOf(AccessDenied.class);
        Dataset dataset = newDataset();
        load(dataset, "public", 10);
        assertThat(datasets.find(dataset.id())).as("no record yet: unpublished, hidden from visitors").isEmpty();
        assertThatThrownBy(() -> features.count(dataset.id(), FeatureQuery.all())).isInstanceOf(DataProblem.class);
        assertThatThrownBy(() -> datasets.load(dataset.id(), TestRows.SCHEMA, TestRows.generated("x", 1),
                LoadOptions.defaults())).isInstanceOf(DataProblem.class);

        String recordId = "rec-data-" + UUID.randomUUID();
        admin(() -> catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", "Jeu public")).build(),
                Visibility.PUBLIC));
        admin(() -> datasets.linkRecord(dataset.id(), recordId));
        assertThat(datasets.find(dataset.id())).isPresent();
        assertThat(features.count(dataset.id(), FeatureQuery.all())).isEqualTo(10);
        assertThatThrownBy(() -> datasets.load(dataset.id(), TestRows.SCHEMA, TestRows.generated("x", 1),
                LoadOptions.defaults())).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> datasets.rollback(dataset.id(), 1)).isInstanceOf(AccessDenied.class);
    }

    // ---------------------------------------------------------------- crash leftovers

    @Test
    void theStartupCleanupFailsInterruptedLoadsAndDropsOrphanTables() throws Exception {
        Dataset dataset = newDataset();
        load(dataset, "v1", 10);
        String interrupted = "ds_" + dataset.id() + "_v2";
        String orphan = "ds_zz" + dataset.id().substring(2) + "_v1";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // What a killed server leaves: a version registered LOADING with its half-filled table, and a table whose
            // registry row is gone.
            statement.execute("UPDATE dataset SET last_version = 2 WHERE id = '" + dataset.id() + "'");
            statement.execute("INSERT INTO dataset_version (dataset_id, version_number, table_name, status, row_count, "
                    + "columns, created_at) VALUES ('" + dataset.id() + "', 2, '" + interrupted + "', 'LOADING', 0, "
                    + "'[]', CURRENT_TIMESTAMP)");
            statement.execute("CREATE TABLE \"" + interrupted + "\" (\"_fid\" BIGINT)");
            statement.execute("CREATE TABLE \"" + orphan + "\" (\"_fid\" BIGINT)");
        }

        StartupCleanup.Report report = cleanup.cleanUp();

        assertThat(report.interrupted()).isGreaterThanOrEqualTo(1);
        assertThat(report.orphans()).isGreaterThanOrEqualTo(1);
        assertThat(versionTables()).contains("ds_" + dataset.id() + "_v1").doesNotContain(interrupted, orphan);
        DatasetVersion failed = admin(() -> datasets.versions(dataset.id())).get(0);
        assertThat(failed.number()).isEqualTo(2);
        assertThat(failed.status()).isEqualTo(VersionStatus.FAILED);
        assertThat(failed.message()).isEqualTo(StartupCleanup.INTERRUPTED);
        assertThat(count(dataset.id())).isEqualTo(10);
        assertThat(load(dataset, "v3", 5).version().number()).isEqualTo(3);
    }
}
