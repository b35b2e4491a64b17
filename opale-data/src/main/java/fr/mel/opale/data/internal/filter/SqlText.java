package fr.mel.opale.data.internal.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The SQL of a condition being written, with its parameters in placeholder order. Values only ever enter as
 * parameters ({@link #bind}); {@link #append} takes SQL of our own (keywords, quoted column names). Not thread-safe.
 */
final class SqlText {
    private final StringBuilder sql = new StringBuilder();
    private final List<FilterSql.Param> params = new ArrayList<>();
    private final FilterDialect dialect;

    SqlText(FilterDialect dialect) {
        this.dialect = dialect;
    }

    FilterDialect dialect() {
        return dialect;
    }

    SqlText append(String text) {
        sql.append(text);
        return this;
    }

    SqlText append(char c) {
        sql.append(c);
        return this;
    }

    /** A {@code ?} bound to {@code value}: text, long, decimal, boolean, date or timestamp with offset. */
    SqlText bind(Object value) {
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
        return this;
    }

    /** The dialect's geometry placeholder, bound to {@code geometry}. */
    SqlText bindGeometry(Geometry geometry) {
        sql.append(dialect.geometryParameter());
        params.add((s, i) -> dialect.bindGeometry(s, i, geometry));
        return this;
    }

    /**
     * Runs {@code writer} and takes back the SQL it appended (its parameters stay, in order), for a caller that wraps
     * it in an expression of its own.
     */
    String capture(Runnable writer) {
        int start = sql.length();
        writer.run();
        String captured = sql.substring(start);
        sql.setLength(start);
        return captured;
    }

    FilterSql.Where where() {
        return new FilterSql.Where(sql.toString(), List.copyOf(params));
    }
}
