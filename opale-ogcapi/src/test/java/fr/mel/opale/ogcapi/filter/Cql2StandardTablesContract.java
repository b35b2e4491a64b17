package fr.mel.opale.ogcapi.filter;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.LoadResult;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.ogcapi.OgcApiTestApplication;
import fr.mel.opale.ogcapi.filter.cql2.Cql2Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The CQL2 standard's own conformance tables (Annex A: "predicates and expected results" of each class Opale
 * declares) run on its test dataset, the three natural-earth layers of {@code ne110m4cql2.gpkg}, on H2 and on PostGIS
 * (the subclasses): each published predicate, parsed as written, must select the published number of features. One
 * adaptation: Opale's column names are lower-case, so the countries' {@code NAME} and {@code POP_EST} are read as
 * {@code name} and {@code pop_est}. The table of combinations (p1 to p4) of Basic CQL2 is not run.
 */
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class Cql2StandardTablesContract {
    /** {@code |[dependency |]data source |`predicate` |count}. */
    private static final Pattern ROW = Pattern.compile("^\\|(?:[^|`]*\\|)?\\s*(ne_110m_\\w+)\\s*\\|\\s*`(.+)`\\s*\\|\\s*(\\d+)\\s*$");

    /**
     * Published counts that the dataset contradicts, with the right ones: "Ch%" also matches Chicago and Chengdu,
     * and "chis%" only Chișinău (reported upstream: https://github.com/opengeospatial/ogcapi-features/issues/1011).
     */
    static final Map<String, Long> ERRATA = Map.of("ACCENTI(name) LIKE accenti('Ch%')", 3L,
            "ACCENTI(CASEI(name)) LIKE accenti(casei('Chiș%'))", 1L,
            "ACCENTI(CASEI(name)) LIKE accenti(casei('cHis%'))", 1L);

    @Autowired
    Datasets datasets;
    @Autowired
    Features features;
    @Autowired
    AccessPolicy policy;

    @TestFactory
    Stream<DynamicTest> everyPublishedPredicateSelectsThePublishedNumberOfFeatures() throws IOException {
        Path dir = StandardCql2Files.dir();
        Map<String, String> layers = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (String conformanceClass : Cql2ConformanceTables.CLASSES) {
            List<String> lines = Files.readAllLines(dir.resolve("ats").resolve("annex_ats_" + conformanceClass + ".adoc"),
                    StandardCharsets.UTF_8);
            int rows = 0;
            for (String line : lines) {
                Matcher row = ROW.matcher(line.strip());
                if (!row.matches()) {
                    continue;
                }
                rows++;
                String layer = row.group(1);
                String predicate = row.group(2).replace("\\(", "(").replace("\\<", "<");
                long expected = ERRATA.getOrDefault(predicate, Long.parseLong(row.group(3)));
                String dataset = layers.computeIfAbsent(layer, l -> load(dir.resolve("ne110m4cql2.gpkg"), l));
                tests.add(DynamicTest.dynamicTest(conformanceClass + " · " + layer + " · " + predicate, () -> {
                    Filter filter = lowerCase(Cql2Text.parse(predicate, UnaryOperator.identity()));
                    long count = policy.asPlatform(() -> features.count(dataset, FeatureQuery.all().withFilter(filter)));
                    assertThat(count).as(predicate).isEqualTo(expected);
                }));
            }
            assertThat(rows).as(conformanceClass + " publishes its predicates").isPositive();
        }
        return tests.stream();
    }

    /** One layer of the GeoPackage as a dataset (columns lower-cased, geometries in WGS84 as stored). */
    private String load(Path gpkg, String layer) {
        try (GeoPackage geoPackage = GeoPackageManager.open(gpkg.toFile(), false)) {
            FeatureDao dao = geoPackage.getFeatureDao(layer);
            List<FeatureColumn> columns = new ArrayList<>();
            List<Column> schema = new ArrayList<>();
            for (FeatureColumn column : dao.getTable().getColumns()) {
                if (column.isGeometry() || column.isPrimaryKey()) {
                    continue;
                }
                columns.add(column);
                schema.add(Column.of(column.getName().toLowerCase(Locale.ROOT), type(column.getDataType())));
            }
            List<Row> rows = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            FeatureResultSet result = dao.queryForAll();
            try {
                while (result.moveToNext()) {
                    FeatureRow feature = result.getRow();
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < columns.size(); i++) {
                        values[i] = value(feature.getValue(columns.get(i).getIndex()), columns.get(i).getDataType());
                    }
                    GeoPackageGeometryData geometry = feature.getGeometry();
                    rows.add(new Row(values, geometry == null || geometry.isEmpty() ? null
                            : withinTheWorld(wkb.read(geometry.getWkb()))));
                }
            } finally {
                result.close();
            }
            return policy.asPlatform(() -> {
                Dataset dataset = datasets.create(layer + " " + UUID.randomUUID(), null);
                LoadResult loaded = datasets.load(dataset.id(), new DatasetSchema(schema,
                        GeometryInfo.wgs84(GeometryType.GEOMETRY)), RowSource.of(rows.iterator()), LoadOptions.defaults());
                if (loaded.cause() != null) {
                    throw new IllegalStateException("Couche " + layer + " non chargée", loaded.cause());
                }
                return dataset.id();
            });
        } catch (Exception e) {
            throw new IllegalStateException("Couche " + layer + " illisible", e);
        }
    }

    /**
     * The geometry with longitudes rounded into [-180, 180]: Russia's polygon reaches 180.00000000000006, which the
     * data store refuses as "not WGS84".
     */
    private static Geometry withinTheWorld(Geometry geometry) {
        geometry.apply((CoordinateFilter) c -> c.x = Math.max(-180, Math.min(180, c.x)));
        geometry.geometryChanged();
        return geometry;
    }

    private static ColumnType type(GeoPackageDataType type) {
        return switch (type) {
            case BOOLEAN -> ColumnType.BOOLEAN;
            case TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER -> ColumnType.INTEGER;
            case FLOAT, DOUBLE, REAL -> ColumnType.DECIMAL;
            case DATE -> ColumnType.DATE;
            case DATETIME -> ColumnType.TIMESTAMP;
            default -> ColumnType.TEXT;
        };
    }

    private static Object value(Object value, GeoPackageDataType type) {
        if (value instanceof java.util.Date date) {
            return type == GeoPackageDataType.DATE ? date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate()
                    : date.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof String text && type == GeoPackageDataType.DATETIME) {
            // Written without an offset in this file: UTC, as the GeoPackage format says.
            return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? java.time.OffsetDateTime.parse(text)
                    : java.time.LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
        }
        if (value instanceof String text && type == GeoPackageDataType.DATE) {
            return java.time.LocalDate.parse(text);
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }

    /** The filter with lower-case property names (Opale's column names). */
    static Filter lowerCase(Filter filter) {
        if (filter instanceof Filter.And and) {
            return new Filter.And(and.operands().stream().map(Cql2StandardTablesContract::lowerCase).toList());
        }
        if (filter instanceof Filter.Or or) {
            return new Filter.Or(or.operands().stream().map(Cql2StandardTablesContract::lowerCase).toList());
        }
        if (filter instanceof Filter.Not not) {
            return new Filter.Not(lowerCase(not.operand()));
        }
        if (filter instanceof Filter.Comparison c) {
            return new Filter.Comparison(lowerCase(c.left()), c.operator(), lowerCase(c.right()));
        }
        if (filter instanceof Filter.Like like) {
            return new Filter.Like(lowerCase(like.text()), lowerCase(like.pattern()));
        }
        if (filter instanceof Filter.Between b) {
            return new Filter.Between(lowerCase(b.value()), lowerCase(b.low()), lowerCase(b.high()));
        }
        if (filter instanceof Filter.In in) {
            return new Filter.In(lowerCase(in.value()), in.list().stream().map(Cql2StandardTablesContract::lowerCase).toList());
        }
        if (filter instanceof Filter.IsNull isNull) {
            return new Filter.IsNull(lowerCase(isNull.value()));
        }
        if (filter instanceof Filter.Spatial s) {
            return new Filter.Spatial(s.operator(), lowerCase(s.left()), lowerCase(s.right()));
        }
        if (filter instanceof Filter.Temporal t) {
            return new Filter.Temporal(t.operator(), lowerCase(t.left()), lowerCase(t.right()));
        }
        return filter;
    }

    private static Operand lowerCase(Operand operand) {
        if (operand instanceof Operand.Property p) {
            return new Operand.Property(p.name().toLowerCase(Locale.ROOT));
        }
        if (operand instanceof Operand.CaseInsensitive c) {
            return new Operand.CaseInsensitive(lowerCase(c.text()));
        }
        if (operand instanceof Operand.AccentInsensitive a) {
            return new Operand.AccentInsensitive(lowerCase(a.text()));
        }
        if (operand instanceof Operand.Interval i) {
            return new Operand.Interval(i.start() instanceof Operand.Property p ? lowerCase(p) : i.start(),
                    i.end() instanceof Operand.Property p ? lowerCase(p) : i.end());
        }
        return operand;
    }
}
