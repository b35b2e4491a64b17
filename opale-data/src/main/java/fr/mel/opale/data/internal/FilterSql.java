package fr.mel.opale.data.internal;

import static fr.mel.opale.data.internal.TableNames.quote;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * Translates a {@link Filter} into a parameterised SQL condition on one version table, for H2 or PostGIS (the
 * {@link TableStore} says how geometries are bound). Property names are resolved against the version's columns
 * (unknown = 400 naming it) and quoted; literals are checked against the column they meet and bound as parameters,
 * never written into the SQL. Not thread-safe: one instance per query.
 *
 * <p>Typing is strict where SQL would fail (a text literal against a number column is a 400, not a database error);
 * dates meet timestamps as whole days in Europe/Paris (the zone of MEL's data).
 */
public final class FilterSql {
    /** Longest {@code IN} list accepted: bounds the statement a request can make the database parse. */
    public static final int MAX_IN_LIST = 1000;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Paris");
    /** Accent folding shared by the SQL ({@code TRANSLATE}) and the literals (Java), so both sides agree. */
    private static final String ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
    private static final String PLAIN = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY";

    /** Binds one parameter at the given index. */
    @FunctionalInterface
    public interface Param {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    /** A condition and its parameters, in order. */
    public record Where(String sql, List<Param> params) {
        public int bind(PreparedStatement statement, int index) throws SQLException {
            for (Param param : params) {
                param.bind(statement, index++);
            }
            return index;
        }
    }

    private enum Kind { NUMBER, TEXT, BOOLEAN, DATE, TIMESTAMP, GEOMETRY }

    private final DatasetVersion version;
    private final TableStore store;
    private final StringBuilder sql = new StringBuilder();
    private final List<Param> params = new ArrayList<>();

    private FilterSql(DatasetVersion version, TableStore store) {
        this.version = version;
        this.store = store;
    }

    /** The SQL condition of {@code filter} on {@code version}'s table. */
    public static Where translate(Filter filter, DatasetVersion version, TableStore store) {
        FilterSql translation = new FilterSql(version, store);
        translation.filter(filter);
        return new Where(translation.sql.toString(), List.copyOf(translation.params));
    }

    /** Folds accents as the SQL side of {@code ACCENTI} does. */
    public static String foldAccents(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = ACCENTED.indexOf(c);
            folded.append(at < 0 ? c : PLAIN.charAt(at));
        }
        return folded.toString();
    }

    // ------------------------------------------------------------------ boolean structure

    private void filter(Filter filter) {
        if (filter instanceof Filter.And and) {
            junction(and.operands(), " AND ", "TRUE");
        } else if (filter instanceof Filter.Or or) {
            junction(or.operands(), " OR ", "FALSE");
        } else if (filter instanceof Filter.Not not) {
            sql.append("NOT (");
            filter(not.operand());
            sql.append(')');
        } else if (filter instanceof Filter.Constant constant) {
            sql.append(constant.value() ? "TRUE" : "FALSE");
        } else if (filter instanceof Filter.Comparison comparison) {
            comparison(comparison);
        } else if (filter instanceof Filter.Like like) {
            like(like);
        } else if (filter instanceof Filter.Between between) {
            between(between);
        } else if (filter instanceof Filter.In in) {
            in(in);
        } else if (filter instanceof Filter.IsNull isNull) {
            isNull(isNull);
        } else if (filter instanceof Filter.Spatial spatial) {
            spatial(spatial);
        } else if (filter instanceof Filter.Temporal temporal) {
            temporal(temporal);
        }
    }

    private void junction(List<Filter> operands, String operator, String empty) {
        if (operands.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            filter(operands.get(i));
        }
        sql.append(')');
    }

    // ------------------------------------------------------------------ comparisons

    private void comparison(Filter.Comparison comparison) {
        Kind kind = commonKind(comparison.left(), comparison.right());
        if (kind == Kind.GEOMETRY) {
            throw DataProblem.invalidQuery("Les géométries se comparent avec les fonctions spatiales (S_EQUALS...), "
                    + "pas avec " + comparison.operator().sql + ".");
        }
        sql.append('(');
        scalar(comparison.left(), kind);
        sql.append(' ').append(comparison.operator().sql).append(' ');
        scalar(comparison.right(), kind);
        sql.append(')');
    }

    private void like(Filter.Like like) {
        if (kindOf(like.text()) != Kind.TEXT) {
            throw DataProblem.invalidQuery("LIKE s'applique à du texte.");
        }
        sql.append('(');
        scalar(like.text(), Kind.TEXT);
        sql.append(" LIKE ");
        scalar(like.pattern(), Kind.TEXT);
        sql.append(" ESCAPE '\\')");
    }

    private void between(Filter.Between between) {
        Kind kind = commonKind(between.value(), between.low());
        commonKind(between.value(), between.high());
        sql.append('(');
        scalar(between.value(), kind);
        sql.append(" BETWEEN ");
        scalar(between.low(), kind);
        sql.append(" AND ");
        scalar(between.high(), kind);
        sql.append(')');
    }

    private void in(Filter.In in) {
        if (in.list().isEmpty() || in.list().size() > MAX_IN_LIST) {
            throw DataProblem.invalidQuery("IN attend entre 1 et " + MAX_IN_LIST + " valeurs.");
        }
        Kind kind = null;
        for (Operand item : in.list()) {
            kind = commonKind(in.value(), item);
        }
        sql.append('(');
        scalar(in.value(), kind);
        sql.append(" IN (");
        for (int i = 0; i < in.list().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            scalar(in.list().get(i), kind);
        }
        sql.append("))");
    }

    private void isNull(Filter.IsNull isNull) {
        Operand value = isNull.value();
        if (value instanceof Operand.Property property && isGeometry(property) && !version.geographic()) {
            sql.append("TRUE");
            return;
        }
        Kind kind = kindOf(value);
        if (isLiteral(value)) {
            sql.append("FALSE");
            return;
        }
        sql.append('(');
        scalar(value, kind);
        sql.append(" IS NULL)");
    }

    /** The kind both sides are compared as; at least one side must be a property (or a function of one). */
    private Kind commonKind(Operand left, Operand right) {
        boolean leftLiteral = isLiteral(left);
        boolean rightLiteral = isLiteral(right);
        if (leftLiteral && rightLiteral) {
            throw DataProblem.invalidQuery("Une comparaison doit porter sur au moins une propriété.");
        }
        Kind leftKind = kindOf(left);
        Kind rightKind = kindOf(right);
        if (!leftLiteral && !rightLiteral && leftKind != rightKind) {
            throw DataProblem.invalidQuery("Comparaison entre des propriétés de types différents ("
                    + name(leftKind) + " et " + name(rightKind) + ").");
        }
        return leftLiteral ? rightKind : leftKind;
    }

    private static boolean isLiteral(Operand operand) {
        if (operand instanceof Operand.CaseInsensitive c) {
            return isLiteral(c.text());
        }
        if (operand instanceof Operand.AccentInsensitive a) {
            return isLiteral(a.text());
        }
        return !(operand instanceof Operand.Property);
    }

    private Kind kindOf(Operand operand) {
        if (operand instanceof Operand.Property property) {
            return isGeometry(property) ? Kind.GEOMETRY : kindOf(column(property).type());
        }
        if (operand instanceof Operand.Literal literal) {
            Object value = literal.value();
            return value instanceof String ? Kind.TEXT : value instanceof Boolean ? Kind.BOOLEAN
                    : value instanceof LocalDate ? Kind.DATE : value instanceof Instant ? Kind.TIMESTAMP : Kind.NUMBER;
        }
        if (operand instanceof Operand.GeometryLiteral) {
            return Kind.GEOMETRY;
        }
        if (operand instanceof Operand.CaseInsensitive c) {
            return textOnly(c.text(), "CASEI");
        }
        if (operand instanceof Operand.AccentInsensitive a) {
            return textOnly(a.text(), "ACCENTI");
        }
        throw DataProblem.invalidQuery("Un intervalle ne s'utilise que dans une fonction temporelle (T_INTERSECTS...).");
    }

    private Kind textOnly(Operand inner, String function) {
        if (kindOf(inner) != Kind.TEXT) {
            throw DataProblem.invalidQuery(function + " s'applique à du texte.");
        }
        return Kind.TEXT;
    }

    private static Kind kindOf(ColumnType type) {
        return switch (type) {
            case INTEGER, DECIMAL -> Kind.NUMBER;
            case TEXT -> Kind.TEXT;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case TIMESTAMP -> Kind.TIMESTAMP;
        };
    }

    /** Appends a scalar operand as SQL, a literal converted to {@code kind} and bound as a parameter. */
    private void scalar(Operand operand, Kind kind) {
        if (operand instanceof Operand.Property property) {
            if (isGeometry(property)) {
                throw DataProblem.invalidQuery("La géométrie ne s'utilise que dans les fonctions spatiales.");
            }
            sql.append(quote(column(property).name()));
        } else if (operand instanceof Operand.Literal literal) {
            bindValue(coerce(literal.value(), kind));
        } else if (operand instanceof Operand.CaseInsensitive c) {
            if (isLiteral(c.text())) {
                bindValue(foldedLiteral(c));
            } else {
                sql.append("LOWER(");
                scalar(c.text(), Kind.TEXT);
                sql.append(')');
            }
        } else if (operand instanceof Operand.AccentInsensitive a) {
            if (isLiteral(a.text())) {
                bindValue(foldedLiteral(a));
            } else {
                // Constants of ours, not user text: safe inline.
                sql.append("TRANSLATE(");
                scalar(a.text(), Kind.TEXT);
                sql.append(", '").append(ACCENTED).append("', '").append(PLAIN).append("')");
            }
        } else if (operand instanceof Operand.GeometryLiteral) {
            throw DataProblem.invalidQuery("Une géométrie ne s'utilise que dans les fonctions spatiales.");
        } else {
            throw DataProblem.invalidQuery("Un intervalle ne s'utilise que dans une fonction temporelle (T_INTERSECTS...).");
        }
    }

    private static String foldedLiteral(Operand operand) {
        if (operand instanceof Operand.Literal literal && literal.value() instanceof String text) {
            return text;
        }
        if (operand instanceof Operand.CaseInsensitive c) {
            return foldedLiteral(c.text()).toLowerCase(Locale.ROOT);
        }
        if (operand instanceof Operand.AccentInsensitive a) {
            return foldAccents(foldedLiteral(a.text()));
        }
        throw DataProblem.invalidQuery("CASEI et ACCENTI s'appliquent à du texte.");
    }

    private void bindValue(Object value) {
        sql.append('?');
        if (value instanceof String text) {
            params.add((s, i) -> s.setString(i, text));
        } else if (value instanceof Long number) {
            params.add((s, i) -> s.setLong(i, number));
        } else if (value instanceof BigDecimal number) {
            params.add((s, i) -> s.setBigDecimal(i, number));
        } else if (value instanceof Boolean bool) {
            params.add((s, i) -> s.setBoolean(i, bool));
        } else if (value instanceof LocalDate || value instanceof OffsetDateTime) {
            params.add((s, i) -> s.setObject(i, value));
        } else {
            throw new IllegalStateException("Unexpected parameter " + value.getClass());
        }
    }

    /** The literal as the Java value of {@code kind}'s columns; 400 when it cannot be one. */
    private static Object coerce(Object value, Kind kind) {
        try {
            switch (kind) {
                case TEXT:
                    return value instanceof String ? value : value.toString();
                case NUMBER:
                    if (value instanceof Long || value instanceof BigDecimal) {
                        return value;
                    }
                    if (value instanceof String text) {
                        return new BigDecimal(text.strip());
                    }
                    break;
                case BOOLEAN:
                    if (value instanceof Boolean) {
                        return value;
                    }
                    if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                        return Boolean.valueOf(text);
                    }
                    break;
                case DATE:
                    if (value instanceof LocalDate) {
                        return value;
                    }
                    if (value instanceof Instant instant) {
                        return instant.atZone(LOCAL).toLocalDate();
                    }
                    if (value instanceof String text) {
                        return LocalDate.parse(text.strip());
                    }
                    break;
                case TIMESTAMP:
                    if (value instanceof Instant instant) {
                        return instant.atOffset(ZoneOffset.UTC);
                    }
                    if (value instanceof LocalDate date) {
                        return date.atStartOfDay(LOCAL).toOffsetDateTime();
                    }
                    if (value instanceof String text) {
                        return OffsetDateTime.parse(text.strip());
                    }
                    break;
                default:
                    break;
            }
            throw mismatch(value, kind);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw mismatch(value, kind);
        }
    }

    private static DataProblem mismatch(Object value, Kind kind) {
        return DataProblem.invalidQuery("La valeur « " + abbreviate(value.toString()) + " » n'est pas "
                + name(kind) + ".");
    }

    private static String name(Kind kind) {
        return switch (kind) {
            case NUMBER -> "un nombre";
            case TEXT -> "un texte";
            case BOOLEAN -> "un booléen (true ou false)";
            case DATE -> "une date (AAAA-MM-JJ)";
            case TIMESTAMP -> "un horodatage (AAAA-MM-JJThh:mm:ssZ)";
            case GEOMETRY -> "une géométrie";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    // ------------------------------------------------------------------ spatial

    private void spatial(Filter.Spatial spatial) {
        Operand left = spatial.left();
        Operand right = spatial.right();
        if (kindOf(left) != Kind.GEOMETRY || kindOf(right) != Kind.GEOMETRY) {
            throw DataProblem.invalidQuery("Les fonctions spatiales comparent des géométries (la propriété "
                    + Operand.GEOMETRY + " ou un littéral WKT/GeoJSON).");
        }
        if (!version.geographic() && (!isLiteral(left) || !isLiteral(right))) {
            sql.append("CAST(NULL AS BOOLEAN)"); // no geometry: unknown, as SQL says of a null geometry
            return;
        }
        if (isLiteral(left) && isLiteral(right)) {
            Geometry a = ((Operand.GeometryLiteral) left).geometry();
            Geometry b = ((Operand.GeometryLiteral) right).geometry();
            sql.append(evaluate(spatial.operator(), a, b) ? "TRUE" : "FALSE");
            return;
        }
        String function = switch (spatial.operator()) {
            case INTERSECTS -> "ST_Intersects";
            case EQUALS -> "ST_Equals";
            case DISJOINT -> "ST_Disjoint";
            case TOUCHES -> "ST_Touches";
            case WITHIN -> "ST_Within";
            case OVERLAPS -> "ST_Overlaps";
            case CROSSES -> "ST_Crosses";
            case CONTAINS -> "ST_Contains";
        };
        sql.append('(');
        if (spatial.operator() != Filter.SpatialOperator.DISJOINT) {
            // Every relation but disjoint implies that the boxes meet: && lets the spatial index pre-select rows.
            geometry(left);
            sql.append(" && ");
            geometry(right);
            sql.append(" AND ");
        }
        sql.append(function).append('(');
        geometry(left);
        sql.append(", ");
        geometry(right);
        sql.append("))");
    }

    private void geometry(Operand operand) {
        if (operand instanceof Operand.GeometryLiteral literal) {
            sql.append(store.geometryParameter());
            Geometry geometry = literal.geometry();
            params.add((s, i) -> store.bindGeometry(s, i, geometry));
        } else {
            sql.append("\"geom\"");
        }
    }

    private static boolean evaluate(Filter.SpatialOperator operator, Geometry a, Geometry b) {
        return switch (operator) {
            case INTERSECTS -> a.intersects(b);
            case EQUALS -> a.equalsTopo(b);
            case DISJOINT -> a.disjoint(b);
            case TOUCHES -> a.touches(b);
            case WITHIN -> a.within(b);
            case OVERLAPS -> a.overlaps(b);
            case CROSSES -> a.crosses(b);
            case CONTAINS -> a.contains(b);
        };
    }

    // ------------------------------------------------------------------ temporal

    /** One end of a time span: a SQL expression (with its parameter, if a literal) or an open end. */
    private record Endpoint(@Nullable String column, @Nullable Object value, int infinity) {
        static final Endpoint MINUS_INFINITY = new Endpoint(null, null, -1);
        static final Endpoint PLUS_INFINITY = new Endpoint(null, null, 1);

        boolean finite() {
            return infinity == 0;
        }
    }

    private record Span(Endpoint start, Endpoint end) {
    }

    /** A comparison of two finite endpoints, still to be written as SQL. */
    private record Comparison(Endpoint left, String operator, Endpoint right) {
    }

    private void temporal(Filter.Temporal temporal) {
        Kind kind = temporalKind(temporal.left(), temporal.right());
        Span a = span(temporal.left(), kind);
        Span b = span(temporal.right(), kind);
        switch (temporal.operator()) {
            case AFTER -> all(cmp(a.start, ">", b.end));
            case BEFORE -> all(cmp(a.end, "<", b.start));
            case CONTAINS -> all(cmp(a.start, "<", b.start), cmp(a.end, ">", b.end));
            case DISJOINT -> {
                sql.append("NOT ");
                all(cmp(a.start, "<=", b.end), cmp(a.end, ">=", b.start));
            }
            case DURING -> all(cmp(a.start, ">", b.start), cmp(a.end, "<", b.end));
            case EQUALS -> all(cmp(a.start, "=", b.start), cmp(a.end, "=", b.end));
            case FINISHEDBY -> all(cmp(a.start, "<", b.start), cmp(a.end, "=", b.end));
            case FINISHES -> all(cmp(a.start, ">", b.start), cmp(a.end, "=", b.end));
            case INTERSECTS -> all(cmp(a.start, "<=", b.end), cmp(a.end, ">=", b.start));
            case MEETS -> all(cmp(a.end, "=", b.start));
            case METBY -> all(cmp(a.start, "=", b.end));
            case OVERLAPPEDBY -> all(cmp(a.start, ">", b.start), cmp(a.start, "<", b.end), cmp(a.end, ">", b.end));
            case OVERLAPS -> all(cmp(a.start, "<", b.start), cmp(a.end, ">", b.start), cmp(a.end, "<", b.end));
            case STARTEDBY -> all(cmp(a.start, "=", b.start), cmp(a.end, ">", b.end));
            case STARTS -> all(cmp(a.start, "=", b.start), cmp(a.end, "<", b.end));
        }
    }

    /** DATE when every property involved is a date, TIMESTAMP otherwise; at least one property is needed. */
    private Kind temporalKind(Operand... operands) {
        List<Kind> kinds = new ArrayList<>();
        for (Operand operand : operands) {
            collectTemporalKinds(operand, kinds);
        }
        if (kinds.isEmpty()) {
            throw DataProblem.invalidQuery("Une fonction temporelle doit porter sur au moins une propriété "
                    + "de type date ou horodatage.");
        }
        return kinds.stream().allMatch(k -> k == Kind.DATE) ? Kind.DATE : Kind.TIMESTAMP;
    }

    private void collectTemporalKinds(Operand operand, List<Kind> kinds) {
        if (operand instanceof Operand.Property property) {
            kinds.add(temporalColumnKind(property));
        } else if (operand instanceof Operand.Interval interval) {
            for (Object bound : new Object[] {interval.start(), interval.end()}) {
                if (bound instanceof Operand.Property property) {
                    kinds.add(temporalColumnKind(property));
                }
            }
        }
    }

    private Kind temporalColumnKind(Operand.Property property) {
        Kind kind = isGeometry(property) ? Kind.GEOMETRY : kindOf(column(property).type());
        if (kind != Kind.DATE && kind != Kind.TIMESTAMP) {
            throw DataProblem.invalidQuery("La propriété « " + property.name()
                    + " » n'est ni une date ni un horodatage : pas de fonction temporelle sur elle.");
        }
        return kind;
    }

    private Span span(Operand operand, Kind kind) {
        if (operand instanceof Operand.Property property) {
            Endpoint endpoint = columnEndpoint(property, kind);
            return new Span(endpoint, endpoint);
        }
        if (operand instanceof Operand.Literal literal) {
            return new Span(bound(literal.value(), kind, false), bound(literal.value(), kind, true));
        }
        if (operand instanceof Operand.Interval interval) {
            return new Span(
                    interval.start() == null ? Endpoint.MINUS_INFINITY : bound(interval.start(), kind, false),
                    interval.end() == null ? Endpoint.PLUS_INFINITY : bound(interval.end(), kind, true));
        }
        throw DataProblem.invalidQuery("Une fonction temporelle compare des dates, des horodatages ou des intervalles.");
    }

    private Endpoint columnEndpoint(Operand.Property property, Kind kind) {
        Kind own = temporalColumnKind(property);
        String column = quote(column(property).name());
        // A date column among timestamps: its first instant, in the database session's zone.
        return new Endpoint(own == kind ? column : "CAST(" + column + " AS TIMESTAMP WITH TIME ZONE)", null, 0);
    }

    /** A literal bound: a date against timestamps covers its whole day (first instant at the start, last at the end). */
    private Endpoint bound(Object value, Kind kind, boolean end) {
        if (value instanceof Operand.Property property) {
            return columnEndpoint(property, kind);
        }
        if (!(value instanceof LocalDate) && !(value instanceof Instant)) {
            throw DataProblem.invalidQuery("La valeur « " + abbreviate(value.toString())
                    + " » n'est ni une date ni un horodatage.");
        }
        if (kind == Kind.TIMESTAMP && value instanceof LocalDate date) {
            OffsetDateTime instant = end
                    ? date.plusDays(1).atStartOfDay(LOCAL).toOffsetDateTime().minusNanos(1000)
                    : date.atStartOfDay(LOCAL).toOffsetDateTime();
            return new Endpoint(null, instant, 0);
        }
        return new Endpoint(null, coerce(value, kind), 0);
    }

    /** A comparison of two endpoints: a {@link Comparison} when both are finite, a constant {@link Boolean} otherwise. */
    private Object cmp(Endpoint left, String operator, Endpoint right) {
        if (left.finite() && right.finite()) {
            return new Comparison(left, operator, right);
        }
        int a = left.infinity();
        int b = right.infinity();
        // A finite value sits strictly between the infinities; two equal infinities compare equal.
        int order = Integer.compare(a, b);
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> order == 0 && a != 0;
        };
    }

    private void all(Object... comparisons) {
        List<Comparison> open = new ArrayList<>();
        for (Object comparison : comparisons) {
            if (comparison instanceof Boolean constant) {
                if (!constant) {
                    sql.append("FALSE");
                    return;
                }
            } else {
                open.add((Comparison) comparison);
            }
        }
        if (open.isEmpty()) {
            sql.append("TRUE");
            return;
        }
        sql.append('(');
        for (int i = 0; i < open.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            endpoint(open.get(i).left());
            sql.append(' ').append(open.get(i).operator()).append(' ');
            endpoint(open.get(i).right());
        }
        sql.append(')');
    }

    private void endpoint(Endpoint endpoint) {
        if (endpoint.column() != null) {
            sql.append(endpoint.column());
        } else {
            bindValue(endpoint.value());
        }
    }

    // ------------------------------------------------------------------ properties

    private static boolean isGeometry(Operand.Property property) {
        return property.name().equals(Operand.GEOMETRY) || property.name().equals("geom");
    }

    private Column column(Operand.Property property) {
        return version.column(property.name()).orElseThrow(() -> DataProblem.unknownProperty(property.name()));
    }
}
