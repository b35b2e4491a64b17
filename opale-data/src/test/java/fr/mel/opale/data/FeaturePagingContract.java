package fr.mel.opale.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.geo.GeometryType;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Paging and counting as the OGC API pages ask them, on H2 and on PostGIS (the subclasses): a box takes exactly the
 * geometries that meet it (a point on its edge is in, one a hair outside is out — PostGIS's {@code &&} alone would
 * take it), an offset page is the page a cursor reaches, and a count of matches is counted once per version, never
 * answered wrong while it is being counted (the budget is zero here: pages show only counts already known; whether a
 * count is left out then depends on the race with the counting thread, which {@code MatchCountsTest} settles).
 */
@SpringBootTest(classes = DataStoreContract.DataTestApplication.class, properties = "opale.data.count-budget=0")
public abstract class FeaturePagingContract {
    private static final GeometryFactory JTS = new GeometryFactory();
    /** The box of the tests: a point at 3.05000001 is out, though PostGIS's float4 boxes round it in. */
    private static final Bbox BOX = new Bbox(3.0, 50.62, 3.05, 50.65);

    @Autowired
    Datasets datasets;
    @Autowired
    Features features;
    @Autowired
    AccessPolicy policy;
    @Autowired
    DataSource dataSource;

    <T> T admin(Supplier<T> work) {
        return policy.asPlatform(work);
    }

    private Dataset load(GeometryType kind, List<Row> rows) {
        Dataset dataset = admin(() -> datasets.create("Pages " + UUID.randomUUID(), null));
        LoadResult result = admin(() -> datasets.load(dataset.id(), new DatasetSchema(
                List.of(Column.of("nom", ColumnType.TEXT), Column.of("rang", ColumnType.INTEGER)),
                GeometryInfo.wgs84(kind)), RowSource.of(rows.iterator()), LoadOptions.defaults()));
        assertThat(result.cause()).isNull();
        return dataset;
    }

    private List<Object> names(String datasetId, FeatureQuery query) {
        List<Object> names = new ArrayList<>();
        admin(() -> features.read(datasetId, query, f -> names.add(f.properties().get("nom"))));
        return names;
    }

    private List<Long> fids(String datasetId, FeatureQuery query) {
        List<Long> fids = new ArrayList<>();
        admin(() -> features.read(datasetId, query, f -> fids.add(f.fid())));
        return fids;
    }

    @Test
    void aBoxTakesThePointsOnItsEdgeAndNoneAHairOutside() throws Exception {
        Dataset points = load(GeometryType.POINT, List.of(
                Row.of(point(3.02, 50.63), "dedans", 1L),
                Row.of(point(3.05, 50.63), "sur le bord est", 2L),
                Row.of(point(3.0, 50.62), "au coin sud-ouest", 3L),
                Row.of(point(3.05000001, 50.63), "un cheveu à l'est", 4L),
                Row.of(point(3.02, 50.65000001), "un cheveu au nord", 5L),
                Row.of(point(2.99999999, 50.63), "un cheveu à l'ouest", 6L),
                Row.of(point(3.1, 50.7), "loin", 7L),
                Row.of(null, "sans géométrie", 8L)));
        assertThat(admin(() -> datasets.currentVersion(points.id())).orElseThrow().geometry().kind())
                .isEqualTo(GeometryType.POINT);
        FeatureQuery inBox = FeatureQuery.all().withBbox(BOX);
        assertThat(names(points.id(), inBox)).containsExactly("dedans", "sur le bord est", "au coin sud-ouest");
        assertThat(admin(() -> features.count(points.id(), inBox))).isEqualTo(3);

        WKTReader wkt = new WKTReader();
        Dataset shapes = load(GeometryType.GEOMETRY, List.of(
                Row.of(wkt.read("POLYGON ((3.05 50.63, 3.1 50.63, 3.1 50.64, 3.05 50.64, 3.05 50.63))"),
                        "touche le bord", 1L),
                Row.of(wkt.read("POLYGON ((3.05000001 50.63, 3.1 50.63, 3.1 50.64, 3.05000001 50.64, "
                        + "3.05000001 50.63))"), "un cheveu à l'est", 2L),
                Row.of(wkt.read("LINESTRING (2.9 50.6, 3.1 50.66)"), "traverse", 3L),
                Row.of(wkt.read("LINESTRING (3.04 50.6, 3.1 50.64)"), "boîtes qui se croisent, pas la ligne", 4L),
                Row.of(wkt.read("POINT (3.05000001 50.63)"), "point un cheveu à l'est", 5L)));
        assertThat(names(shapes.id(), inBox)).containsExactly("touche le bord", "traverse");
        assertThat(admin(() -> features.count(shapes.id(), inBox))).isEqualTo(2);
    }

    @Test
    void aBoxAcrossTheAntimeridianOnPoints() {
        Dataset points = load(GeometryType.POINT, List.of(
                Row.of(point(179, 66), "Est", 1L), Row.of(point(-179, 66), "Ouest", 2L),
                Row.of(point(0, 66), "Greenwich", 3L), Row.of(point(179, 10), "Est, au sud", 4L)));
        FeatureQuery across = FeatureQuery.all().withBbox(new Bbox(177, 65, -177, 70));
        assertThat(names(points.id(), across)).containsExactly("Est", "Ouest");
        assertThat(admin(() -> features.count(points.id(), across))).isEqualTo(2);
    }

    @Test
    void anOffsetPageIsThePageTheCursorReaches() {
        // points on a grid, so that a box takes every other column: filtered pages skip rows
        Dataset dataset = load(GeometryType.POINT, LongStream.rangeClosed(1, 2_345).mapToObj(i -> Row.of(
                point(3.0 + (i % 10) * 0.01, 50.6 + (i / 10) * 0.0001), "n" + i, i)).toList());
        for (FeatureQuery selection : List.of(FeatureQuery.all(), FeatureQuery.all().withBbox(
                new Bbox(3.0, 50.0, 3.045, 51.0)), FeatureQuery.all().withFilter(new Filter.Comparison(
                new Operand.Property("rang"), Filter.ComparisonOperator.GT, new Operand.Literal(1_000L))))) {
            List<Long> every = fids(dataset.id(), selection);
            assertThat(every).isNotEmpty();
            long after = 0;
            int position = 0;
            int pageSize = 100;
            while (true) {
                List<Long> byCursor = fids(dataset.id(), selection.after(after).withLimit(pageSize));
                List<Long> byOffset = fids(dataset.id(), selection.withOffset(position).withLimit(pageSize));
                assertThat(byOffset).as("offset %d of %s", position, selection).isEqualTo(byCursor)
                        .isEqualTo(every.subList(position, Math.min(every.size(), position + pageSize)));
                if (byCursor.isEmpty()) {
                    break;
                }
                after = byCursor.get(byCursor.size() - 1);
                position += byCursor.size();
            }
            assertThat(position).isEqualTo(every.size());
            for (long offset : List.of(1L, 999L, 2_344L, 2_345L, 5_000L)) {
                assertThat(fids(dataset.id(), selection.withOffset(offset).withLimit(10)))
                        .as("offset %d of %s", offset, selection)
                        .isEqualTo(every.subList((int) Math.min(offset, every.size()),
                                (int) Math.min(every.size(), offset + 10)));
            }
        }
        assertThat(fids(dataset.id(), FeatureQuery.all().withOffset(2_000).withLimit(3)))
                .containsExactly(2_001L, 2_002L, 2_003L);
    }

    @Test
    void aCountIsRememberedForItsVersionAndLeftOutWhileUnknown() throws Exception {
        Dataset dataset = load(GeometryType.POINT, LongStream.rangeClosed(1, 50).mapToObj(i -> Row.of(
                point(3.0 + i * 0.001, 50.63), "n" + i, i)).toList());
        FeatureQuery bigOnes = FeatureQuery.all().withFilter(new Filter.Comparison(new Operand.Property("rang"),
                Filter.ComparisonOperator.GT, new Operand.Literal(30L)));
        assertThat(admin(() -> features.countWithinBudget(dataset.id(), bigOnes))).as("cold, budget zero")
                .satisfiesAnyOf(c -> assertThat(c).isEmpty(), c -> assertThat(c).hasValue(20));
        assertThat(admin(() -> features.count(dataset.id(), bigOnes))).isEqualTo(20);
        assertThat(admin(() -> features.countWithinBudget(dataset.id(), bigOnes))).hasValue(20);
        assertThat(admin(() -> features.countWithinBudget(dataset.id(), FeatureQuery.all())))
                .as("no filter: the registered row count, always known").hasValue(50);

        // the count is not asked again of the database: rows removed behind the store's back are not seen by it
        DatasetVersion first = admin(() -> datasets.currentVersion(dataset.id())).orElseThrow();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM \"" + first.tableName() + "\" WHERE \"rang\" > 45");
        }
        assertThat(admin(() -> features.count(dataset.id(), bigOnes))).isEqualTo(20);
        assertThat(names(dataset.id(), bigOnes)).hasSize(15);

        // a new version is counted anew; the old one keeps its count, true of it for as long as it exists
        load(dataset, 80);
        assertThat(admin(() -> features.countWithinBudget(dataset.id(), bigOnes)))
                .satisfiesAnyOf(c -> assertThat(c).isEmpty(), c -> assertThat(c).hasValue(50));
        assertThat(admin(() -> features.count(dataset.id(), bigOnes))).isEqualTo(50);
        assertThat(admin(() -> features.count(dataset.id(), bigOnes.withVersion(first.number())))).isEqualTo(20);
        // a bad filter is refused whatever is cached
        FeatureQuery unknown = FeatureQuery.all().withFilter(new Filter.Comparison(new Operand.Property("absente"),
                Filter.ComparisonOperator.GT, new Operand.Literal(30L)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin(() -> features.countWithinBudget(dataset.id(),
                unknown))).isInstanceOf(DataProblem.class);
    }

    @Test
    void aCountLeftOutIsFinishedInTheBackgroundForTheNextPage() throws Exception {
        Dataset dataset = load(GeometryType.POINT, LongStream.rangeClosed(1, 500).mapToObj(i -> Row.of(
                point(3.0 + i * 0.0001, 50.63), "n" + i, i)).toList());
        FeatureQuery inBox = FeatureQuery.all().withBbox(new Bbox(3.0, 50.62, 3.02005, 50.64));
        assertThat(admin(() -> features.countWithinBudget(dataset.id(), inBox)))
                .satisfiesAnyOf(c -> assertThat(c).isEmpty(), c -> assertThat(c).hasValue(200));
        OptionalLong later = OptionalLong.empty();
        for (int i = 0; i < 500 && later.isEmpty(); i++) {
            Thread.sleep(10);
            later = admin(() -> features.countWithinBudget(dataset.id(), inBox));
        }
        assertThat(later).hasValue(200);
    }

    private void load(Dataset dataset, int rows) {
        LoadResult result = admin(() -> datasets.load(dataset.id(), new DatasetSchema(
                List.of(Column.of("nom", ColumnType.TEXT), Column.of("rang", ColumnType.INTEGER)),
                GeometryInfo.wgs84(GeometryType.POINT)), RowSource.of(LongStream.rangeClosed(1, rows)
                .mapToObj(i -> Row.of(point(3.0 + i * 0.001, 50.63), "n" + i, i))), LoadOptions.defaults()));
        assertThat(result.cause()).isNull();
    }

    private static org.locationtech.jts.geom.Point point(double lon, double lat) {
        return JTS.createPoint(new Coordinate(lon, lat));
    }
}
