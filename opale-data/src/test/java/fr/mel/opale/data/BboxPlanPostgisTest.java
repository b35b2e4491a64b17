package fr.mel.opale.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.testing.OnPostgis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What PostgreSQL makes of a bbox page of points: with the box's selectivity counted once (~4 % of the rows here), it
 * walks the {@code _fid} key and stops after the page's 1 000 rows (~25 000 rows read, whatever the table's size),
 * where a doubled estimate (~0.2 %) made it fetch every row in the box by the spatial index and sort them. 200 000
 * rows shaped as the items benchmark's: at 100 000 the two plans cost within 4 % of each other and either may be
 * chosen; from there on the sort's share grows with the table and the walk's does not.
 */
@OnPostgis
@SpringBootTest(classes = DataStoreContract.DataTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BboxPlanPostgisTest {
    private static final int ROWS = 200_000;

    @Autowired
    Datasets datasets;
    @Autowired
    Features features;
    @Autowired
    AccessPolicy policy;
    @Autowired
    DataSource dataSource;

    Dataset dataset;
    String table;

    @BeforeAll
    void load() {
        GeometryFactory jts = new GeometryFactory();
        Random random = new Random(42);
        dataset = policy.asPlatform(() -> datasets.create("Plan " + UUID.randomUUID(), null));
        LoadResult loaded = policy.asPlatform(() -> datasets.load(dataset.id(), new DatasetSchema(
                List.of(Column.of("nom", ColumnType.TEXT), Column.of("rang", ColumnType.INTEGER)),
                GeometryInfo.wgs84(GeometryType.POINT)),
                RowSource.of(LongStream.rangeClosed(1, ROWS).mapToObj(i -> Row.of(jts.createPoint(new Coordinate(
                        2.95 + random.nextDouble() * 0.25, 50.55 + random.nextDouble() * 0.15)),
                        "Objet " + i + " Villeneuve-d'Ascq", i))),
                LoadOptions.defaults().withExpectedRows(ROWS)));
        assertThat(loaded.cause()).isNull();
        table = policy.asPlatform(() -> datasets.currentVersion(dataset.id())).orElseThrow().tableName();
    }

    @Test
    void aBboxPageOfPointsWalksTheKeyAndStopsAtTheLimit() {
        FeatureQuery page = FeatureQuery.all().withBbox(new Bbox(3.0, 50.62, 3.05, 50.65)).withLimit(1000);

        String plan = policy.asPlatform(() -> features.plan(dataset.id(), page, "EXPLAIN"));
        List<String> lines = plan.lines().map(String::strip).toList();
        assertThat(lines.get(0)).as(plan).startsWith("Limit");
        // the key's index: "_pk" built beside the spatial index, then declared the primary key
        assertThat(lines.get(1)).as(plan).matches("->  Index Scan using " + table + "_pk(ey)? on " + table + " .*");
        assertThat(plan).as("no sort: rows come in key order").doesNotContain("Sort");
        assertThat(plan).as("the box written once").containsOnlyOnce("&&").doesNotContainIgnoringCase("st_intersects");
        // the estimate of the scan: the box's ~4 % (4 000 rows), not its square (~160)
        long estimated = Long.parseLong(lines.get(1).replaceAll(".* rows=(\\d+) .*", "$1"));
        assertThat(estimated).as(plan).isBetween(ROWS * 4 / 100 / 2L, ROWS * 4 / 100 * 2L);

        String analysed = policy.asPlatform(() -> features.plan(dataset.id(), page, "EXPLAIN (ANALYZE, TIMING OFF)"));
        assertThat(analysed).as(analysed).contains("actual rows=1000 loops=1");
    }

    /**
     * A polygon filter (CQL2 {@code S_INTERSECTS}, ~1.2 % of the rows) is costed high enough (10 000 operators a row
     * for {@code ST_Intersects}) for a parallel plan, whose workers cost more to start on two cores than the page
     * costs to read: one process reads it, and the connection goes back to the pool with the server's settings.
     */
    @Test
    void aPolygonPageIsReadByOneProcessAndTheConnectionGoesBackAsItCame() throws Exception {
        Polygon centre = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(3.04, 50.62),
                new Coordinate(3.07, 50.62), new Coordinate(3.07, 50.635), new Coordinate(3.04, 50.635),
                new Coordinate(3.04, 50.62)});
        FeatureQuery page = FeatureQuery.all().withFilter(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS,
                new Operand.Property("geometry"), new Operand.GeometryLiteral(centre))).withLimit(1000);

        String plan = policy.asPlatform(() -> features.plan(dataset.id(), page, "EXPLAIN (ANALYZE, TIMING OFF)"));
        assertThat(plan).as(plan).containsIgnoringCase("st_intersects").doesNotContain("Gather")
                .doesNotContain("Workers").contains("actual rows=1000 loops=1");
        assertThat(policy.asPlatform(() -> features.count(dataset.id(), page))).isBetween(ROWS / 200L, ROWS / 40L);

        // every pooled connection as the server configures it (the pool hands back any of them)
        for (int i = 0; i < 12; i++) {
            try (Connection pooled = dataSource.getConnection(); Statement statement = pooled.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name, setting, reset_val FROM pg_settings"
                         + " WHERE name IN ('max_parallel_workers_per_gather', 'jit')")) {
                int seen = 0;
                while (rows.next()) {
                    seen++;
                    assertThat(rows.getString(2)).as(rows.getString(1)).isEqualTo(rows.getString(3));
                }
                assertThat(seen).isEqualTo(2);
            }
        }
    }
}
