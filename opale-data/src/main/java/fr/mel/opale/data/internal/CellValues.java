package fr.mel.opale.data.internal;

import fr.mel.opale.data.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a row source hands into the one Java type each column type is stored from (see {@link ColumnType}).
 * Lenient on the carrier (an Integer for an INTEGER column, a Double for a DECIMAL one), strict on the meaning: a
 * text in a number column is an error, never a silent null.
 */
final class CellValues {
    private CellValues() {
    }

    /** The canonical value, or null; throws {@link IllegalArgumentException} with a French reason. */
    static @Nullable Object canonical(ColumnType type, @Nullable Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> integer(value);
            case DECIMAL -> decimal(value);
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw mismatch(value, "booléen");
            }
            case DATE -> {
                if (value instanceof LocalDate d) {
                    yield d;
                }
                throw mismatch(value, "date");
            }
            case TIMESTAMP -> timestamp(value, zone);
            case TEXT -> {
                if (value instanceof CharSequence text) {
                    String s = text.toString();
                    yield s.indexOf('\0') < 0 ? s : s.replace("\0", "");
                }
                throw mismatch(value, "texte");
            }
        };
    }

    private static Long integer(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof BigDecimal dec) {
                return dec.longValueExact();
            }
            if (value instanceof Double || value instanceof Float) {
                return BigDecimal.valueOf(((Number) value).doubleValue()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("« " + value + " » n'est pas un entier de 64 bits");
        }
        throw mismatch(value, "entier");
    }

    /**
     * Significant digits, decimals and integer digits a decimal may have: both stores keep such numbers exactly and
     * alike (H2's DECFLOAT would round beyond 100 000 digits, PostgreSQL refuses more than 16 383 decimals).
     */
    static final int MAX_DECIMAL_DIGITS = 1000;

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal dec) {
            return bounded(dec);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return bounded(new BigDecimal(big));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("« " + value + " » n'est pas un nombre fini");
            }
            BigDecimal plain = plainDecimal(d);
            return plain != null ? plain : BigDecimal.valueOf(d);
        }
        throw mismatch(value, "décimal");
    }

    /** The value, unless it is beyond {@link #MAX_DECIMAL_DIGITS} even without its trailing zeros. */
    private static BigDecimal bounded(BigDecimal value) {
        if (withinBounds(value) || withinBounds(value.stripTrailingZeros())) {
            return value;
        }
        String shown = value.toString();
        throw new IllegalArgumentException("nombre « " + (shown.length() <= 60 ? shown : shown.substring(0, 60) + "…")
                + " » : plus de " + MAX_DECIMAL_DIGITS + " chiffres, décimales ou chiffres entiers");
    }

    private static boolean withinBounds(BigDecimal value) {
        int precision = value.precision();
        return precision <= MAX_DECIMAL_DIGITS && value.scale() <= MAX_DECIMAL_DIGITS
                && (long) precision - value.scale() <= MAX_DECIMAL_DIGITS;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    /**
     * {@code BigDecimal.valueOf(d)} without {@link Double#toString} (slow before Java 19, and called for every decimal
     * cell of a load), for the doubles Double.toString writes without exponent (10^-3 ≤ |d| < 10^7): the fewest
     * decimals (at least one, as "5.0") whose closest decimal reads back as {@code d} — digits and 10^decimals are
     * then exact doubles, so digits / 10^decimals is the correctly rounded reading. Null beyond 15 decimals or 2^53
     * digits: the caller falls back to Double.toString.
     */
    static @Nullable BigDecimal plainDecimal(double d) {
        double magnitude = Math.abs(d);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return null;
        }
        for (int decimals = 1; decimals < POWERS_OF_TEN.length; decimals++) {
            double scaled = Math.rint(d * POWERS_OF_TEN[decimals]);
            if (Math.abs(scaled) >= 0x1p53) {
                return null;
            }
            if (scaled / POWERS_OF_TEN[decimals] == d) {
                return BigDecimal.valueOf((long) scaled, decimals);
            }
        }
        return null;
    }

    private static OffsetDateTime timestamp(Object value, ZoneId zone) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof ZonedDateTime t) {
            return t.toOffsetDateTime();
        }
        if (value instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.atZone(zone).toOffsetDateTime();
        }
        throw mismatch(value, "horodatage");
    }

    private static IllegalArgumentException mismatch(Object value, String expected) {
        String shown = String.valueOf(value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "…";
        }
        return new IllegalArgumentException("valeur « " + shown + " » (" + value.getClass().getSimpleName()
                + ") au lieu d'un " + expected);
    }
}
