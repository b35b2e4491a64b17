package fr.mel.opale.ogcapi.filter;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import fr.mel.opale.ogcapi.filter.Cql2Places.Place;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One table per CQL2 conformance class Opale declares: each row is a filter in CQL2 text, the same filter in CQL2
 * JSON (or null where the text alone is the point), and the places it must select, computed in plain Java over
 * {@link Cql2Places} (JTS for geometries, {@code java.time} for periods), never by the database. The contract runs
 * every row on H2 and on PostGIS.
 */
final class Cql2ConformanceTables {
    static final String CONF = "http://www.opengis.net/spec/cql2/1.0/conf/";
    /**
     * The classes with a table here (method named after the class: {@code basic-cql2} → {@link #basicCql2()}), besides
     * cql2-text and cql2-json, which every table runs; {@code /conformance} must list exactly these.
     */
    static final List<String> CLASSES = List.of("basic-cql2", "advanced-comparison-operators",
            "case-insensitive-comparison", "accent-insensitive-comparison", "basic-spatial-functions",
            "basic-spatial-functions-plus", "spatial-functions", "temporal-functions");

    private static final GeometryFactory JTS = new GeometryFactory();

    private Cql2ConformanceTables() {
    }

    private static Arguments row(String text, @Nullable String json, Predicate<Place> expected) {
        return arguments(text, json, expected);
    }

    private static boolean text(Place p, Predicate<String> test) {
        return p.name() != null && test.test(p.name());
    }

    private static boolean fid(Place p, long... fids) {
        for (long fid : fids) {
            if (p.fid() == fid) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ basic-cql2

    static Stream<Arguments> basicCql2() {
        return Stream.of(
                row("name = 'Lille'", "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"Lille\"]}",
                        p -> "Lille".equals(p.name())),
                row("name <> 'Lille'", "{\"op\":\"<>\",\"args\":[{\"property\":\"name\"},\"Lille\"]}",
                        p -> p.name() != null && !"Lille".equals(p.name())),
                row("name < 'Lille'", "{\"op\":\"<\",\"args\":[{\"property\":\"name\"},\"Lille\"]}",
                        p -> text(p, n -> n.compareTo("Lille") < 0)),
                row("pop > 95000", "{\"op\":\">\",\"args\":[{\"property\":\"pop\"},95000]}",
                        p -> p.pop() != null && p.pop() > 95_000),
                row("pop >= 95000", "{\"op\":\">=\",\"args\":[{\"property\":\"pop\"},95000]}",
                        p -> p.pop() != null && p.pop() >= 95_000),
                row("pop <= 500", "{\"op\":\"<=\",\"args\":[{\"property\":\"pop\"},500]}",
                        p -> p.pop() != null && p.pop() <= 500),
                row("area = 34.8", "{\"op\":\"=\",\"args\":[{\"property\":\"area\"},34.8]}",
                        p -> p.area() != null && p.area().compareTo(new BigDecimal("34.8")) == 0),
                row("area < 1.5", "{\"op\":\"<\",\"args\":[{\"property\":\"area\"},1.5]}",
                        p -> p.area() != null && p.area().compareTo(new BigDecimal("1.5")) < 0),
                row("capital = true", "{\"op\":\"=\",\"args\":[{\"property\":\"capital\"},true]}",
                        p -> Boolean.TRUE.equals(p.capital())),
                row("capital <> true", "{\"op\":\"<>\",\"args\":[{\"property\":\"capital\"},true]}",
                        p -> Boolean.FALSE.equals(p.capital())),
                row("founded = DATE('2001-03-15')",
                        "{\"op\":\"=\",\"args\":[{\"property\":\"founded\"},{\"date\":\"2001-03-15\"}]}",
                        p -> LocalDate.of(2001, 3, 15).equals(p.founded())),
                row("founded > DATE('2004-01-01')",
                        "{\"op\":\">\",\"args\":[{\"property\":\"founded\"},{\"date\":\"2004-01-01\"}]}",
                        p -> p.founded() != null && p.founded().isAfter(LocalDate.of(2004, 1, 1))),
                row("start >= TIMESTAMP('2021-04-16T10:30:00Z')",
                        "{\"op\":\">=\",\"args\":[{\"property\":\"start\"},{\"timestamp\":\"2021-04-16T10:30:00Z\"}]}",
                        p -> p.start() != null && !p.start().isBefore(Instant.parse("2021-04-16T10:30:00Z"))),
                row("start < TIMESTAMP('2021-04-16T10:00:00Z')",
                        "{\"op\":\"<\",\"args\":[{\"property\":\"start\"},{\"timestamp\":\"2021-04-16T10:00:00Z\"}]}",
                        p -> p.start() != null && p.start().isBefore(Cql2Places.PERIOD_START)),
                row("pop IS NULL", "{\"op\":\"isNull\",\"args\":[{\"property\":\"pop\"}]}", p -> p.pop() == null),
                row("pop IS NOT NULL", "{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"pop\"}]}]}",
                        p -> p.pop() != null),
                row("founded IS NULL", "{\"op\":\"isNull\",\"args\":[{\"property\":\"founded\"}]}",
                        p -> p.founded() == null),
                row("geometry IS NULL", "{\"op\":\"isNull\",\"args\":[{\"property\":\"geometry\"}]}",
                        p -> p.geom() == null),
                row("true", "true", p -> true),
                row("false", "false", p -> false),
                row("pop > 50000 AND capital = false",
                        "{\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"pop\"},50000]},"
                                + "{\"op\":\"=\",\"args\":[{\"property\":\"capital\"},false]}]}",
                        p -> p.pop() != null && p.pop() > 50_000 && Boolean.FALSE.equals(p.capital())),
                row("pop < 100 OR capital = true",
                        "{\"op\":\"or\",\"args\":[{\"op\":\"<\",\"args\":[{\"property\":\"pop\"},100]},"
                                + "{\"op\":\"=\",\"args\":[{\"property\":\"capital\"},true]}]}",
                        p -> (p.pop() != null && p.pop() < 100) || Boolean.TRUE.equals(p.capital())),
                // SQL's three-valued logic, as CQL2 says: NOT of unknown (a null population) is still unknown.
                row("NOT (pop > 95000)", "{\"op\":\"not\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"pop\"},95000]}]}",
                        p -> p.pop() != null && p.pop() <= 95_000),
                row("(NOT (pop < 50000) AND capital = false) OR (pop IS NULL AND founded IS NOT NULL)", null,
                        p -> (p.pop() != null && p.pop() >= 50_000 && Boolean.FALSE.equals(p.capital()))
                                || (p.pop() == null && p.founded() != null)));
    }

    // ------------------------------------------------------------------ advanced-comparison-operators

    static Stream<Arguments> advancedComparisonOperators() {
        return Stream.of(
                row("name LIKE 'L%'", "{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"L%\"]}",
                        p -> text(p, n -> n.startsWith("L"))),
                row("name LIKE '_i%'", "{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"_i%\"]}",
                        p -> text(p, n -> n.length() >= 2 && n.charAt(1) == 'i')),
                row("name NOT LIKE '%s'", "{\"op\":\"not\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"%s\"]}]}",
                        p -> text(p, n -> !n.endsWith("s"))),
                row("name LIKE 'Taux 100\\%%'", "{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"Taux 100\\\\%%\"]}",
                        p -> text(p, n -> n.startsWith("Taux 100%"))),
                row("name LIKE '%a\\_b'", "{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"%a\\\\_b\"]}",
                        p -> text(p, n -> n.endsWith("a_b"))),
                row("pop BETWEEN 30000 AND 98000",
                        "{\"op\":\"between\",\"args\":[{\"property\":\"pop\"},30000,98000]}",
                        p -> p.pop() != null && p.pop() >= 30_000 && p.pop() <= 98_000),
                row("pop NOT BETWEEN 30000 AND 98000",
                        "{\"op\":\"not\",\"args\":[{\"op\":\"between\",\"args\":[{\"property\":\"pop\"},30000,98000]}]}",
                        p -> p.pop() != null && (p.pop() < 30_000 || p.pop() > 98_000)),
                row("area BETWEEN 11.6 AND 16.9", "{\"op\":\"between\",\"args\":[{\"property\":\"area\"},11.6,16.9]}",
                        p -> p.area() != null && p.area().compareTo(new BigDecimal("11.6")) >= 0
                                && p.area().compareTo(new BigDecimal("16.9")) <= 0),
                row("founded BETWEEN DATE('2001-01-01') AND DATE('2002-12-31')",
                        "{\"op\":\"between\",\"args\":[{\"property\":\"founded\"},{\"date\":\"2001-01-01\"},{\"date\":\"2002-12-31\"}]}",
                        p -> p.founded() != null && p.founded().getYear() >= 2001 && p.founded().getYear() <= 2002),
                row("name IN ('Lille', 'Mons', 'lens', 'Nowhere')",
                        "{\"op\":\"in\",\"args\":[{\"property\":\"name\"},[\"Lille\",\"Mons\",\"lens\",\"Nowhere\"]]}",
                        p -> Set.of("Lille", "Mons", "lens", "Nowhere").contains(p.name())),
                row("name NOT IN ('Lille', 'Mons')",
                        "{\"op\":\"not\",\"args\":[{\"op\":\"in\",\"args\":[{\"property\":\"name\"},[\"Lille\",\"Mons\"]]}]}",
                        p -> p.name() != null && !Set.of("Lille", "Mons").contains(p.name())),
                row("pop IN (500, 600, 12)", "{\"op\":\"in\",\"args\":[{\"property\":\"pop\"},[500,600,12]]}",
                        p -> p.pop() != null && Set.of(500L, 600L, 12L).contains(p.pop())),
                row("founded IN (DATE('2001-03-15'), DATE('2010-01-02'))",
                        "{\"op\":\"in\",\"args\":[{\"property\":\"founded\"},[{\"date\":\"2001-03-15\"},{\"date\":\"2010-01-02\"}]]}",
                        p -> p.founded() != null && Set.of(LocalDate.of(2001, 3, 15), LocalDate.of(2010, 1, 2))
                                .contains(p.founded())),
                row("capital IN (true)", "{\"op\":\"in\",\"args\":[{\"property\":\"capital\"},[true]]}",
                        p -> Boolean.TRUE.equals(p.capital())));
    }

    // ------------------------------------------------------------------ case-insensitive-comparison

    static Stream<Arguments> caseInsensitiveComparison() {
        return Stream.of(
                row("CASEI(name) = casei('LILLE')",
                        "{\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},{\"op\":\"casei\",\"args\":[\"LILLE\"]}]}",
                        p -> fid(p, 1)),
                row("CASEI(name) = CASEI('école')",
                        "{\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},{\"op\":\"casei\",\"args\":[\"école\"]}]}",
                        p -> fid(p, 11)),
                row("CASEI(name) = CASEI('łÓdŹ')", null, p -> fid(p, 7)),
                row("CASEI(name) LIKE CASEI('fidji%')",
                        "{\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},{\"op\":\"casei\",\"args\":[\"fidji%\"]}]}",
                        p -> fid(p, 8, 9)),
                row("CASEI(name) IN (CASEI('ROUBAIX'), casei('lens'), CASEI('x'))",
                        "{\"op\":\"in\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},[{\"op\":\"casei\",\"args\":[\"ROUBAIX\"]},"
                                + "{\"op\":\"casei\",\"args\":[\"lens\"]},{\"op\":\"casei\",\"args\":[\"x\"]}]]}",
                        p -> fid(p, 2, 17)),
                // Case is folded, accents are kept: "ecole" is not "ÉCOLE".
                row("CASEI(name) = CASEI('ecole')", null, p -> false));
    }

    // ------------------------------------------------------------------ accent-insensitive-comparison

    static Stream<Arguments> accentInsensitiveComparison() {
        return Stream.of(
                row("ACCENTI(name) = accenti('Chisinau')",
                        "{\"op\":\"=\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"property\":\"name\"}]},{\"op\":\"accenti\",\"args\":[\"Chisinau\"]}]}",
                        p -> fid(p, 6)),
                row("ACCENTI(name) = ACCENTI('Chișinău')", null, p -> fid(p, 6)),
                row("ACCENTI(name) = ACCENTI('Lodz')", null, p -> fid(p, 7)),
                row("ACCENTI(name) = ACCENTI('Strasse')", null, p -> fid(p, 5)),
                row("ACCENTI(name) = ACCENTI('Perenchies')", null, p -> fid(p, 3)),
                // The same word with a combining acute accent (e + U+0301) instead of é.
                row("ACCENTI(name) = ACCENTI('Pe\u0301renchies')", null, p -> fid(p, 3)),
                row("ACCENTI(CASEI(name)) = ACCENTI(CASEI('OEUVRE D''ORESUND'))",
                        "{\"op\":\"=\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]}]},"
                                + "{\"op\":\"accenti\",\"args\":[{\"op\":\"casei\",\"args\":[\"OEUVRE D'ORESUND\"]}]}]}",
                        p -> fid(p, 4)),
                row("ACCENTI(CASEI(name)) = ACCENTI(CASEI('ecole'))", null, p -> fid(p, 11)),
                row("ACCENTI(name) LIKE ACCENTI('%o%')",
                        "{\"op\":\"like\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"property\":\"name\"}]},{\"op\":\"accenti\",\"args\":[\"%o%\"]}]}",
                        p -> fid(p, 2, 7, 13, 14, 16)),
                row("name LIKE '%o%'", null, p -> fid(p, 2, 13, 14, 16)),
                row("ACCENTI(name) IN (ACCENTI('Lodz'), ACCENTI('Chisinau'), ACCENTI('Paris'))",
                        "{\"op\":\"in\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"property\":\"name\"}]},[{\"op\":\"accenti\",\"args\":[\"Lodz\"]},"
                                + "{\"op\":\"accenti\",\"args\":[\"Chisinau\"]},{\"op\":\"accenti\",\"args\":[\"Paris\"]}]]}",
                        p -> fid(p, 6, 7)));
    }

    // ------------------------------------------------------------------ spatial classes

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(JTS).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A box as the standard means it: across the antimeridian when west > east (two boxes). */
    private static Geometry box(double west, double south, double east, double north) {
        if (west <= east) {
            return JTS.toGeometry(new Envelope(west, east, south, north));
        }
        return JTS.toGeometry(new Envelope(west, 180, south, north))
                .union(JTS.toGeometry(new Envelope(-180, east, south, north)));
    }

    private static Predicate<Place> intersects(Geometry literal) {
        return p -> p.geom() != null && p.geom().intersects(literal);
    }

    static Stream<Arguments> basicSpatialFunctions() {
        return Stream.of(
                row("S_INTERSECTS(geometry, BBOX(2.9, 50.5, 3.2, 50.7))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[2.9,50.5,3.2,50.7]}]}",
                        intersects(box(2.9, 50.5, 3.2, 50.7))),
                row("S_INTERSECTS(geom, POINT(3.06 50.63))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Point\",\"coordinates\":[3.06,50.63]}]}",
                        intersects(wkt("POINT(3.06 50.63)"))),
                row("S_INTERSECTS(geometry, BBOX(178, -20, -178, -10))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[178,-20,-178,-10]}]}",
                        intersects(box(178, -20, -178, -10))),
                // six numbers: heights (ignored) after each corner
                row("S_INTERSECTS(geometry, BBOX(170, -90, 0, -170, 90, 10))", null, intersects(box(170, -90, -170, 90))),
                row("S_INTERSECTS(geometry, BBOX(-10, 40, 40, 60)) AND NOT S_INTERSECTS(geometry, BBOX(2, 50, 4, 51))", null,
                        p -> intersects(box(-10, 40, 40, 60)).test(p) && !intersects(box(2, 50, 4, 51)).test(p)),
                row("S_INTERSECTS(geometry, BBOX(28, 46, 30, 48)) OR S_INTERSECTS(geometry, POINT(0 0))", null,
                        intersects(box(28, 46, 30, 48)).or(intersects(wkt("POINT(0 0)")))));
    }

    static Stream<Arguments> basicSpatialFunctionsPlus() {
        return Stream.of(
                row("S_INTERSECTS(geometry, LINESTRING(2.9 50.63, 3.1 50.63))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"LineString\",\"coordinates\":[[2.9,50.63],[3.1,50.63]]}]}",
                        intersects(wkt("LINESTRING(2.9 50.63, 3.1 50.63)"))),
                row("S_INTERSECTS(geometry, POLYGON((2.5 50, 3.5 50, 3.5 51, 2.5 51, 2.5 50), (2.9 50.5, 3 50.5, 3 50.7, 2.9 50.7, 2.9 50.5)))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":"
                                + "[[[2.5,50],[3.5,50],[3.5,51],[2.5,51],[2.5,50]],[[2.9,50.5],[3,50.5],[3,50.7],[2.9,50.7],[2.9,50.5]]]}]}",
                        intersects(wkt("POLYGON((2.5 50, 3.5 50, 3.5 51, 2.5 51, 2.5 50), (2.9 50.5, 3 50.5, 3 50.7, 2.9 50.7, 2.9 50.5))"))),
                row("S_INTERSECTS(geometry, MULTIPOINT((0 0), (19.46 51.76)))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"MultiPoint\",\"coordinates\":[[0,0],[19.46,51.76]]}]}",
                        intersects(wkt("MULTIPOINT((0 0), (19.46 51.76))"))),
                row("S_INTERSECTS(geometry, MULTILINESTRING((179 -17, 179.9 -17), (28 47, 30 47)))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"MultiLineString\",\"coordinates\":"
                                + "[[[179,-17],[179.9,-17]],[[28,47],[30,47]]]}]}",
                        intersects(wkt("MULTILINESTRING((179 -17, 179.9 -17), (28 47, 30 47))"))),
                row("S_INTERSECTS(geometry, MULTIPOLYGON(((-180 -20, -179 -20, -179 -10, -180 -10, -180 -20)), ((12 55, 13 55, 13 56, 12 56, 12 55))))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"MultiPolygon\",\"coordinates\":"
                                + "[[[[-180,-20],[-179,-20],[-179,-10],[-180,-10],[-180,-20]]],[[[12,55],[13,55],[13,56],[12,56],[12,55]]]]}]}",
                        intersects(wkt("MULTIPOLYGON(((-180 -20, -179 -20, -179 -10, -180 -10, -180 -20)), ((12 55, 13 55, 13 56, 12 56, 12 55)))"))),
                row("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(3.95 50.45), POLYGON((2 50, 2.9 50, 2.9 50.5, 2 50.5, 2 50))))",
                        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"GeometryCollection\",\"geometries\":["
                                + "{\"type\":\"Point\",\"coordinates\":[3.95,50.45]},"
                                + "{\"type\":\"Polygon\",\"coordinates\":[[[2,50],[2.9,50],[2.9,50.5],[2,50.5],[2,50]]]}]}]}",
                        intersects(wkt("GEOMETRYCOLLECTION(POINT(3.95 50.45), POLYGON((2 50, 2.9 50, 2.9 50.5, 2 50.5, 2 50)))"))));
    }

    private static Predicate<Place> relation(String relation, Geometry literal) {
        return p -> p.geom() != null && switch (relation) {
            case "equals" -> p.geom().equalsTopo(literal);
            case "disjoint" -> p.geom().disjoint(literal);
            case "touches" -> p.geom().touches(literal);
            case "within" -> p.geom().within(literal);
            case "overlaps" -> p.geom().overlaps(literal);
            case "crosses" -> p.geom().crosses(literal);
            case "contains" -> p.geom().contains(literal);
            default -> throw new IllegalArgumentException(relation);
        };
    }

    static Stream<Arguments> spatialFunctions() {
        return Stream.of(
                row("S_EQUALS(geometry, POINT(3.06 50.63))",
                        "{\"op\":\"s_equals\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[3.06,50.63]}]}",
                        relation("equals", wkt("POINT(3.06 50.63)"))),
                row("S_EQUALS(geometry, LINESTRING(4 51, 2 50))", null, relation("equals", wkt("LINESTRING(4 51, 2 50)"))),
                row("S_DISJOINT(geometry, BBOX(2, 50, 4, 51))",
                        "{\"op\":\"s_disjoint\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[2,50,4,51]}]}",
                        relation("disjoint", box(2, 50, 4, 51))),
                row("S_TOUCHES(geometry, POLYGON((29 46.9, 29.5 46.9, 29.5 47.1, 29 47.1, 29 46.9)))",
                        "{\"op\":\"s_touches\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":"
                                + "[[[29,46.9],[29.5,46.9],[29.5,47.1],[29,47.1],[29,46.9]]]}]}",
                        relation("touches", wkt("POLYGON((29 46.9, 29.5 46.9, 29.5 47.1, 29 47.1, 29 46.9))"))),
                row("S_TOUCHES(geometry, POINT(4 51))", null, relation("touches", wkt("POINT(4 51)"))),
                row("S_WITHIN(geometry, BBOX(2, 50, 4, 51.5))",
                        "{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[2,50,4,51.5]}]}",
                        relation("within", box(2, 50, 4, 51.5))),
                row("S_OVERLAPS(geometry, POLYGON((28.9 47, 29.2 47, 29.2 47.3, 28.9 47.3, 28.9 47)))",
                        "{\"op\":\"s_overlaps\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":"
                                + "[[[28.9,47],[29.2,47],[29.2,47.3],[28.9,47.3],[28.9,47]]]}]}",
                        relation("overlaps", wkt("POLYGON((28.9 47, 29.2 47, 29.2 47.3, 28.9 47.3, 28.9 47))"))),
                row("S_CROSSES(geometry, LINESTRING(3 50, 3 52))",
                        "{\"op\":\"s_crosses\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"LineString\",\"coordinates\":[[3,50],[3,52]]}]}",
                        relation("crosses", wkt("LINESTRING(3 50, 3 52)"))),
                row("S_CONTAINS(geometry, POINT(28.8 47))",
                        "{\"op\":\"s_contains\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[28.8,47]}]}",
                        relation("contains", wkt("POINT(28.8 47)"))),
                row("S_CONTAINS(geometry, LINESTRING(28.8 47, 28.9 47.05))", null,
                        relation("contains", wkt("LINESTRING(28.8 47, 28.9 47.05)"))),
                row("S_WITHIN(POINT(3.06 50.63), geometry)", null, p -> p.geom() != null
                        && wkt("POINT(3.06 50.63)").within(p.geom())));
    }

    // ------------------------------------------------------------------ temporal-functions

    /** Allen's relations of [as, ae] to [bs, be]; a null b bound is open, a null a bound is unknown (false). */
    static boolean allen(String relation, @Nullable Comparable<?> as, @Nullable Comparable<?> ae,
                         @Nullable Comparable<?> bs, @Nullable Comparable<?> be) {
        if (as == null || ae == null) {
            return false;
        }
        int startStart = bs == null ? 1 : compare(as, bs);
        int startEnd = be == null ? -1 : compare(as, be);
        int endStart = bs == null ? 1 : compare(ae, bs);
        int endEnd = be == null ? -1 : compare(ae, be);
        return switch (relation) {
            case "after" -> startEnd > 0;
            case "before" -> endStart < 0;
            case "contains" -> startStart < 0 && endEnd > 0;
            case "disjoint" -> startEnd > 0 || endStart < 0;
            case "during" -> startStart > 0 && endEnd < 0;
            case "equals" -> startStart == 0 && endEnd == 0;
            case "finishedby" -> startStart < 0 && endEnd == 0;
            case "finishes" -> startStart > 0 && endEnd == 0;
            case "intersects" -> startEnd <= 0 && endStart >= 0;
            case "meets" -> endStart == 0;
            case "metby" -> startEnd == 0;
            case "overlappedby" -> startStart > 0 && startEnd < 0 && endEnd > 0;
            case "overlaps" -> startStart < 0 && endStart > 0 && endEnd < 0;
            case "startedby" -> startStart == 0 && endEnd > 0;
            case "starts" -> startStart == 0 && endEnd < 0;
            default -> throw new IllegalArgumentException(relation);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b) {
        return Integer.signum(a.compareTo(b));
    }

    static final String[] RELATIONS = {"after", "before", "contains", "disjoint", "during", "equals", "finishedby",
            "finishes", "intersects", "meets", "metby", "overlappedby", "overlaps", "startedby", "starts"};

    static Stream<Arguments> temporalFunctions() {
        Stream.Builder<Arguments> rows = Stream.builder();
        String period = "INTERVAL('2021-04-16T10:00:00Z', '2021-04-16T12:00:00Z')";
        String periodJson = "{\"interval\":[\"2021-04-16T10:00:00Z\",\"2021-04-16T12:00:00Z\"]}";
        for (String r : RELATIONS) {
            String op = "T_" + r.toUpperCase(Locale.ROOT);
            // interval–interval: every relation has at least one place (see Cql2Places)
            rows.add(row(op + "(INTERVAL(start, \"end\"), " + period + ")",
                    "{\"op\":\"t_" + r + "\",\"args\":[{\"interval\":[{\"property\":\"start\"},{\"property\":\"end\"}]},"
                            + periodJson + "]}",
                    p -> allen(r, p.start(), p.end(), Cql2Places.PERIOD_START, Cql2Places.PERIOD_END)));
            // instant–interval, an open end
            rows.add(row(op + "(start, INTERVAL('2021-04-16T10:00:00Z', '..'))", null,
                    p -> allen(r, p.start(), p.start(), Cql2Places.PERIOD_START, null)));
            // date–date
            rows.add(row(op + "(founded, DATE('2004-01-01'))",
                    "{\"op\":\"t_" + r + "\",\"args\":[{\"property\":\"founded\"},{\"date\":\"2004-01-01\"}]}",
                    p -> allen(r, p.founded(), p.founded(), LocalDate.of(2004, 1, 1), LocalDate.of(2004, 1, 1))));
        }
        rows.add(row("T_INTERSECTS(start, TIMESTAMP('2021-04-16T10:00:00Z'))", null,
                p -> Cql2Places.PERIOD_START.equals(p.start())));
        rows.add(row("T_DURING(founded, INTERVAL('2001-03-15', '2003-05-06'))", null,
                p -> allen("during", p.founded(), p.founded(), LocalDate.of(2001, 3, 15), LocalDate.of(2003, 5, 6))));
        rows.add(row("T_BEFORE(INTERVAL('..', start), TIMESTAMP('2021-04-16T09:30:00Z'))", null,
                p -> p.start() != null && p.start().isBefore(Instant.parse("2021-04-16T09:30:00Z"))));
        return rows.build();
    }
}
