package fr.mel.opale.data.internal.filter;

import static fr.mel.opale.data.internal.TableNames.quote;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CQL2's temporal functions, Allen's interval relations, on instants (a date or timestamp property or literal: an
 * interval whose start is its end) and intervals ({@code INTERVAL(a, b)}, bounds literal, {@code ..} for open, or
 * properties). Each relation is a conjunction of comparisons of endpoints; a comparison with an open end is decided
 * here (a finite value lies strictly between the infinities). All properties dates: compared as dates; otherwise as
 * timestamps, a date literal covering its whole day in Europe/Paris and a date column its first instant.
 */
final class TemporalSql {
    private final Typing typing;

    TemporalSql(Typing typing) {
        this.typing = typing;
    }

    /** One end of a time span: a SQL expression, a literal still to be bound, or an open end. */
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

    void write(Filter.Temporal temporal, SqlText out) {
        Typing.Kind kind = temporalKind(temporal.left(), temporal.right());
        Span a = span(temporal.left(), kind);
        Span b = span(temporal.right(), kind);
        switch (temporal.operator()) {
            case AFTER -> all(out, cmp(a.start, ">", b.end));
            case BEFORE -> all(out, cmp(a.end, "<", b.start));
            case CONTAINS -> all(out, cmp(a.start, "<", b.start), cmp(a.end, ">", b.end));
            case DISJOINT -> {
                out.append("NOT ");
                all(out, cmp(a.start, "<=", b.end), cmp(a.end, ">=", b.start));
            }
            case DURING -> all(out, cmp(a.start, ">", b.start), cmp(a.end, "<", b.end));
            case EQUALS -> all(out, cmp(a.start, "=", b.start), cmp(a.end, "=", b.end));
            case FINISHEDBY -> all(out, cmp(a.start, "<", b.start), cmp(a.end, "=", b.end));
            case FINISHES -> all(out, cmp(a.start, ">", b.start), cmp(a.end, "=", b.end));
            case INTERSECTS -> all(out, cmp(a.start, "<=", b.end), cmp(a.end, ">=", b.start));
            case MEETS -> all(out, cmp(a.end, "=", b.start));
            case METBY -> all(out, cmp(a.start, "=", b.end));
            case OVERLAPPEDBY -> all(out, cmp(a.start, ">", b.start), cmp(a.start, "<", b.end), cmp(a.end, ">", b.end));
            case OVERLAPS -> all(out, cmp(a.start, "<", b.start), cmp(a.end, ">", b.start), cmp(a.end, "<", b.end));
            case STARTEDBY -> all(out, cmp(a.start, "=", b.start), cmp(a.end, ">", b.end));
            case STARTS -> all(out, cmp(a.start, "=", b.start), cmp(a.end, "<", b.end));
        }
    }

    /** DATE when every property involved is a date, TIMESTAMP otherwise; at least one property is needed. */
    private Typing.Kind temporalKind(Operand... operands) {
        List<Typing.Kind> kinds = new ArrayList<>();
        for (Operand operand : operands) {
            if (operand instanceof Operand.Property property) {
                kinds.add(columnKind(property));
            } else if (operand instanceof Operand.Interval interval) {
                for (Object bound : new Object[] {interval.start(), interval.end()}) {
                    if (bound instanceof Operand.Property property) {
                        kinds.add(columnKind(property));
                    }
                }
            }
        }
        if (kinds.isEmpty()) {
            throw DataProblem.invalidQuery("Une fonction temporelle doit porter sur au moins une propriété "
                    + "de type date ou horodatage.");
        }
        return kinds.stream().allMatch(k -> k == Typing.Kind.DATE) ? Typing.Kind.DATE : Typing.Kind.TIMESTAMP;
    }

    private Typing.Kind columnKind(Operand.Property property) {
        Typing.Kind kind = typing.kindOf(property);
        if (kind != Typing.Kind.DATE && kind != Typing.Kind.TIMESTAMP) {
            throw DataProblem.invalidQuery("La propriété « " + property.name()
                    + " » n'est ni une date ni un horodatage : pas de fonction temporelle sur elle.");
        }
        return kind;
    }

    private Span span(Operand operand, Typing.Kind kind) {
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

    private Endpoint columnEndpoint(Operand.Property property, Typing.Kind kind) {
        Typing.Kind own = columnKind(property);
        String column = quote(typing.column(property).name());
        // A date column among timestamps: its first instant, in the database session's zone.
        return new Endpoint(own == kind ? column : "CAST(" + column + " AS TIMESTAMP WITH TIME ZONE)", null, 0);
    }

    /** A literal bound: a date against timestamps covers its whole day (first instant at the start, last at the end). */
    private Endpoint bound(Object value, Typing.Kind kind, boolean end) {
        if (value instanceof Operand.Property property) {
            return columnEndpoint(property, kind);
        }
        if (!(value instanceof LocalDate) && !(value instanceof Instant)) {
            throw DataProblem.invalidQuery("La valeur « " + Typing.abbreviate(value.toString())
                    + " » n'est ni une date ni un horodatage.");
        }
        if (kind == Typing.Kind.TIMESTAMP && value instanceof LocalDate date) {
            OffsetDateTime instant = end
                    ? date.plusDays(1).atStartOfDay(Typing.LOCAL).toOffsetDateTime().minusNanos(1000)
                    : date.atStartOfDay(Typing.LOCAL).toOffsetDateTime();
            return new Endpoint(null, instant, 0);
        }
        return new Endpoint(null, Typing.coerce(value, kind), 0);
    }

    /** A comparison of two endpoints: a {@link Comparison} when both are finite, a constant {@link Boolean} otherwise. */
    private static Object cmp(Endpoint left, String operator, Endpoint right) {
        if (left.finite() && right.finite()) {
            return new Comparison(left, operator, right);
        }
        int order = Integer.compare(left.infinity(), right.infinity());
        // A finite value sits strictly between the infinities; two equal infinities compare equal.
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> order == 0 && left.infinity() != 0;
        };
    }

    private static void all(SqlText out, Object... comparisons) {
        List<Comparison> open = new ArrayList<>();
        for (Object comparison : comparisons) {
            if (comparison instanceof Boolean constant) {
                if (!constant) {
                    out.append("FALSE");
                    return;
                }
            } else {
                open.add((Comparison) comparison);
            }
        }
        if (open.isEmpty()) {
            out.append("TRUE");
            return;
        }
        out.append('(');
        for (int i = 0; i < open.size(); i++) {
            if (i > 0) {
                out.append(" AND ");
            }
            endpoint(open.get(i).left(), out);
            out.append(' ').append(open.get(i).operator()).append(' ');
            endpoint(open.get(i).right(), out);
        }
        out.append(')');
    }

    private static void endpoint(Endpoint endpoint, SqlText out) {
        if (endpoint.column() != null) {
            out.append(endpoint.column());
        } else {
            out.bind(endpoint.value());
        }
    }
}
