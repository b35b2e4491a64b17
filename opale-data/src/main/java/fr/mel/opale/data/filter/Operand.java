package fr.mel.opale.data.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/** What a predicate compares: a property, a literal, or a case- or accent-folded text. */
public sealed interface Operand {
    /** Name of the geometry property in filters (the table's {@code geom} column). */
    String GEOMETRY = "geometry";

    /**
     * A property of the features: a column name, or {@link #GEOMETRY}. Checked against the version's columns when the
     * query runs (an unknown name is a 400 naming it).
     */
    record Property(String name) implements Operand {
    }

    /**
     * A scalar literal: {@link String}, {@link Long}, {@link BigDecimal}, {@link Boolean}, {@link LocalDate} (a
     * CQL2 {@code DATE}) or {@link Instant} (a {@code TIMESTAMP}).
     */
    record Literal(Object value) implements Operand {
        public Literal {
            if (!(value instanceof String || value instanceof Long || value instanceof BigDecimal
                    || value instanceof Boolean || value instanceof LocalDate || value instanceof Instant)) {
                throw new IllegalArgumentException("Unsupported literal " + value.getClass());
            }
        }

        /** A number literal as {@link Long} when integral, {@link BigDecimal} otherwise. */
        public static Literal number(BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
                return new Literal(stripped.longValueExact());
            }
            return new Literal(number);
        }
    }

    /** A geometry literal in WGS84 longitude/latitude (already reprojected from the filter's CRS by the caller). */
    record GeometryLiteral(Geometry geometry) implements Operand {
    }

    /**
     * A time interval; a null bound is open ({@code ".."}). Bounds are {@link LocalDate}, {@link Instant} or a
     * {@link Property} naming a date or timestamp column.
     */
    record Interval(@Nullable Object start, @Nullable Object end) implements Operand {
    }

    /** CQL2 {@code CASEI(...)}: the text compared without regard to case. */
    record CaseInsensitive(Operand text) implements Operand {
    }

    /** CQL2 {@code ACCENTI(...)}: the text compared without regard to accents (é = e). */
    record AccentInsensitive(Operand text) implements Operand {
    }
}
