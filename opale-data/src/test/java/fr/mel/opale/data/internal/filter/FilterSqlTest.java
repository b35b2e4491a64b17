package fr.mel.opale.data.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.data.VersionStatus;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Each translator's SQL, on its own: what is written, what is bound (never the user's text in the SQL), what is a
 * 400. The database tables (opale-ogcapi's CQL2 conformance contract) check that this SQL selects the right rows.
 */
class FilterSqlTest {
    private static final GeometryFactory JTS = new GeometryFactory();
    /** A dialect that shows what it was asked: placeholders and foldings are visible in the SQL. */
    private static final FilterDialect DIALECT = new FilterDialect() {
        @Override
        public String geometryParameter() {
            return "GEOM(?)";
        }

        @Override
        public void bindGeometry(PreparedStatement statement, int index, Geometry geometry) {
        }

        @Override
        public String foldCase(String expression) {
            return "FC(" + expression + ")";
        }

        @Override
        public String foldAccents(String expression) {
            return "FA(" + expression + ")";
        }

        @Override
        public boolean spatialFunctionsIndexed() {
            return false;
        }
    };
    private static final List<Column> COLUMNS = List.of(Column.of("nom", ColumnType.TEXT),
            Column.of("pop", ColumnType.INTEGER), Column.of("surface", ColumnType.DECIMAL),
            Column.of("ouvert", ColumnType.BOOLEAN), Column.of("jour", ColumnType.DATE),
            Column.of("debut", ColumnType.TIMESTAMP), Column.of("fin", ColumnType.TIMESTAMP));
    private static final DatasetVersion GEO = version(GeometryInfo.wgs84(GeometryType.POINT));
    private static final DatasetVersion TABLE = version(null);

    private static DatasetVersion version(GeometryInfo geometry) {
        return new DatasetVersion("d", 1, "ds_d_v1", VersionStatus.READY, 0, COLUMNS, geometry, null, null,
                Instant.EPOCH, null, null);
    }

    private static FilterSql.Where sql(Filter filter) {
        return FilterSql.translate(filter, GEO, DIALECT);
    }

    private static Operand.Property p(String name) {
        return new Operand.Property(name);
    }

    private static Operand.Literal v(Object value) {
        return new Operand.Literal(value);
    }

    private static void assertSql(Filter filter, String expected, int parameters) {
        FilterSql.Where where = sql(filter);
        assertThat(where.sql()).isEqualTo(expected);
        assertThat(where.params()).hasSize(parameters);
    }

    private static void assertBad(Filter filter, String message) {
        assertThatThrownBy(() -> sql(filter)).isInstanceOf(DataProblem.class).hasMessageContaining(message);
    }

    @Nested
    class BooleanStructure {
        @Test
        void andOrNotAndConstants() {
            Filter a = new Filter.Comparison(p("pop"), Filter.ComparisonOperator.GT, v(1L));
            assertSql(new Filter.And(List.of(a, new Filter.Not(a))), "((\"pop\" > ?) AND NOT ((\"pop\" > ?)))", 2);
            assertSql(new Filter.Or(List.of(a, new Filter.Constant(false))), "((\"pop\" > ?) OR FALSE)", 1);
            assertSql(new Filter.And(List.of()), "TRUE", 0);
            assertSql(new Filter.Or(List.of()), "FALSE", 0);
        }
    }

    @Nested
    class Comparisons {
        @Test
        void literalsAreBoundAndTypedByTheColumn() {
            assertSql(new Filter.Comparison(p("nom"), Filter.ComparisonOperator.EQ, v("x'); DROP TABLE t; --")),
                    "(\"nom\" = ?)", 1);
            assertSql(new Filter.Comparison(v(3L), Filter.ComparisonOperator.LE, p("surface")), "(? <= \"surface\")", 1);
            assertSql(new Filter.Comparison(p("pop"), Filter.ComparisonOperator.NE, p("pop")), "(\"pop\" <> \"pop\")", 0);
        }

        @Test
        void mistypedUnknownOrLiteralOnlyComparisonsAre400() {
            assertBad(new Filter.Comparison(p("pop"), Filter.ComparisonOperator.EQ, v("abc")), "n'est pas un nombre");
            assertBad(new Filter.Comparison(p("inconnue"), Filter.ComparisonOperator.EQ, v(1L)), "inconnue");
            assertBad(new Filter.Comparison(v(1L), Filter.ComparisonOperator.EQ, v(1L)), "au moins une propriété");
            assertBad(new Filter.Comparison(p("pop"), Filter.ComparisonOperator.EQ, p("nom")), "types différents");
            assertBad(new Filter.Comparison(p("geometry"), Filter.ComparisonOperator.EQ, p("geometry")), "S_EQUALS");
        }

        @Test
        void isNull() {
            assertSql(new Filter.IsNull(p("jour")), "(\"jour\" IS NULL)", 0);
            assertSql(new Filter.IsNull(p("geometry")), "(\"geom\" IS NULL)", 0);
            assertSql(new Filter.IsNull(v("x")), "FALSE", 0);
            assertThat(FilterSql.translate(new Filter.IsNull(p("geometry")), TABLE, DIALECT).sql()).isEqualTo("TRUE");
        }
    }

    @Nested
    class Like {
        @Test
        void declaresTheBackslashEscape() {
            assertSql(new Filter.Like(p("nom"), v("L%")), "(\"nom\" LIKE ? ESCAPE '\\')", 1);
            assertBad(new Filter.Like(p("pop"), v("1%")), "LIKE s'applique à du texte");
        }
    }

    @Nested
    class BetweenAndIn {
        @Test
        void between() {
            assertSql(new Filter.Between(p("pop"), v(1L), v(new BigDecimal("2.5"))), "(\"pop\" BETWEEN ? AND ?)", 2);
            assertBad(new Filter.Between(p("pop"), v(1L), v("z")), "n'est pas un nombre");
        }

        @Test
        void inIsBounded() {
            assertSql(new Filter.In(p("nom"), List.of(v("a"), v("b"))), "(\"nom\" IN (?, ?))", 2);
            assertBad(new Filter.In(p("nom"), List.of()), "IN attend");
            assertBad(new Filter.In(p("pop"), java.util.Collections.nCopies(InSql.MAX_LIST + 1, v(1L))), "IN attend");
        }
    }

    @Nested
    class Folding {
        @Test
        void propertiesAndLiteralsGoThroughTheSameFunction() {
            Operand name = new Operand.AccentInsensitive(new Operand.CaseInsensitive(p("nom")));
            Operand literal = new Operand.AccentInsensitive(new Operand.CaseInsensitive(v("École")));
            assertSql(new Filter.Comparison(name, Filter.ComparisonOperator.EQ, literal), "(FA(FC(\"nom\")) = FA(FC(?)))", 1);
            assertSql(new Filter.Like(new Operand.CaseInsensitive(p("nom")), new Operand.CaseInsensitive(v("l%"))),
                    "(FC(\"nom\") LIKE FC(?) ESCAPE '\\')", 1);
            assertSql(new Filter.In(new Operand.AccentInsensitive(p("nom")), List.of(new Operand.AccentInsensitive(v("a")),
                    new Operand.AccentInsensitive(v("b")))), "(FA(\"nom\") IN (FA(?), FA(?)))", 2);
        }

        @Test
        void textOnly() {
            assertBad(new Filter.Comparison(new Operand.CaseInsensitive(p("pop")), Filter.ComparisonOperator.EQ, v(1L)),
                    "CASEI s'applique à du texte");
            assertBad(new Filter.Comparison(new Operand.AccentInsensitive(v(2L)), Filter.ComparisonOperator.EQ, p("nom")),
                    "ACCENTI s'applique à du texte");
        }
    }

    @Nested
    class Spatial {
        private final Geometry point = JTS.createPoint(new Coordinate(3, 50));
        private final Geometry other = JTS.createPoint(new Coordinate(4, 51));

        @Test
        void indexOperatorThenRelationButForDisjoint() {
            assertSql(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, p("geometry"), new Operand.GeometryLiteral(point)),
                    "(\"geom\" && GEOM(?) AND ST_Intersects(\"geom\", GEOM(?)))", 2);
            assertSql(new Filter.Spatial(Filter.SpatialOperator.DISJOINT, p("geom"), new Operand.GeometryLiteral(point)),
                    "(ST_Disjoint(\"geom\", GEOM(?)))", 1);
            for (Filter.SpatialOperator operator : Filter.SpatialOperator.values()) {
                assertThat(sql(new Filter.Spatial(operator, new Operand.GeometryLiteral(point), p("geometry"))).sql())
                        .contains(SpatialSql.function(operator) + "(GEOM(?), \"geom\")");
            }
        }

        @Test
        void relationAloneWhenTheEngineIndexesItsFunctions() {
            FilterDialect indexed = new FilterDialect() {
                @Override
                public String geometryParameter() {
                    return DIALECT.geometryParameter();
                }

                @Override
                public void bindGeometry(PreparedStatement statement, int index, Geometry geometry) {
                }

                @Override
                public String foldCase(String expression) {
                    return DIALECT.foldCase(expression);
                }

                @Override
                public String foldAccents(String expression) {
                    return DIALECT.foldAccents(expression);
                }

                @Override
                public boolean spatialFunctionsIndexed() {
                    return true;
                }
            };
            for (Filter.SpatialOperator operator : Filter.SpatialOperator.values()) {
                FilterSql.Where where = FilterSql.translate(new Filter.Spatial(operator, p("geometry"),
                        new Operand.GeometryLiteral(point)), GEO, indexed);
                assertThat(where.sql()).isEqualTo("(" + SpatialSql.function(operator) + "(\"geom\", GEOM(?)))");
                assertThat(where.params()).hasSize(1);
            }
        }

        @Test
        void twoLiteralsAreDecidedHereAndATableHasNoGeometry() {
            assertSql(new Filter.Spatial(Filter.SpatialOperator.DISJOINT, new Operand.GeometryLiteral(point),
                    new Operand.GeometryLiteral(other)), "TRUE", 0);
            assertSql(new Filter.Spatial(Filter.SpatialOperator.EQUALS, new Operand.GeometryLiteral(point),
                    new Operand.GeometryLiteral(other)), "FALSE", 0);
            assertThat(FilterSql.translate(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, p("geometry"),
                    new Operand.GeometryLiteral(point)), TABLE, DIALECT).sql()).isEqualTo("CAST(NULL AS BOOLEAN)");
            assertBad(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, p("nom"), new Operand.GeometryLiteral(point)),
                    "fonctions spatiales comparent des géométries");
        }
    }

    @Nested
    class Temporal {
        private final Operand period = new Operand.Interval(p("debut"), p("fin"));
        private final Operand literal = new Operand.Interval(Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2021-02-01T00:00:00Z"));

        @Test
        void intervalToIntervalRelationsAreComparisonsOfEndpoints() {
            assertSql(new Filter.Temporal(Filter.TemporalOperator.MEETS, period, literal), "(\"fin\" = ?)", 1);
            assertSql(new Filter.Temporal(Filter.TemporalOperator.OVERLAPS, period, literal),
                    "(\"debut\" < ? AND \"fin\" > ? AND \"fin\" < ?)", 3);
            assertSql(new Filter.Temporal(Filter.TemporalOperator.DURING, period, literal),
                    "(\"debut\" > ? AND \"fin\" < ?)", 2);
            assertSql(new Filter.Temporal(Filter.TemporalOperator.DISJOINT, period, literal),
                    "NOT (\"debut\" <= ? AND \"fin\" >= ?)", 2);
        }

        @Test
        void openEndsAreDecidedHere() {
            Operand open = new Operand.Interval(null, Instant.parse("2021-01-01T00:00:00Z"));
            assertSql(new Filter.Temporal(Filter.TemporalOperator.AFTER, p("debut"), open), "(\"debut\" > ?)", 1);
            assertSql(new Filter.Temporal(Filter.TemporalOperator.BEFORE, p("debut"), open), "FALSE", 0);
            assertSql(new Filter.Temporal(Filter.TemporalOperator.INTERSECTS, p("debut"), new Operand.Interval(null, null)),
                    "TRUE", 0);
        }

        @Test
        void aDateAmongTimestampsIsItsDay() {
            assertSql(new Filter.Temporal(Filter.TemporalOperator.INTERSECTS, p("jour"), v(LocalDate.of(2024, 1, 1))),
                    "(\"jour\" <= ? AND \"jour\" >= ?)", 2);
            assertThat(sql(new Filter.Temporal(Filter.TemporalOperator.EQUALS, new Operand.Interval(p("jour"), p("fin")),
                    literal)).sql()).isEqualTo("(CAST(\"jour\" AS TIMESTAMP WITH TIME ZONE) = ? AND \"fin\" = ?)");
            assertBad(new Filter.Temporal(Filter.TemporalOperator.AFTER, p("nom"), literal), "ni une date ni un horodatage");
            assertBad(new Filter.Temporal(Filter.TemporalOperator.AFTER, v(LocalDate.EPOCH), literal), "au moins une propriété");
        }
    }
}
