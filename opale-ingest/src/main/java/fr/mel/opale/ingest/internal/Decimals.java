package fr.mel.opale.ingest.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The one form a decimal value takes in a row: a {@link BigDecimal} holding exactly the number the file wrote, in
 * canonical form — no trailing zero after the decimal point and never a negative scale ({@code 1,50} is 1.5,
 * {@code 1e3} is 1000, {@code 0,0} is 0) — so that equal numbers are equal values (duplicate rows, distinct counts)
 * and both stores give them back alike.
 *
 * <p>Bounded: at most {@link #MAX_DIGITS} significant digits, decimals and integer digits. Larger numbers are not
 * data a table needs and would cost time and memory out of proportion (a GeoJSON {@code 1e999999999} is 12
 * characters): they are refused (null), and the read pass reports the cell as a value that does not fit.
 */
final class Decimals {
    /** Significant digits, decimals and integer digits a decimal may have. */
    static final int MAX_DIGITS = 1000;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private Decimals() {
    }

    /**
     * {@code unscaled × 10^-scale} in canonical form, or null beyond the bounds. The common case — a few digits and
     * decimals — costs a loop on a long and one object, no digit string and no {@link BigInteger}.
     */
    static @Nullable BigDecimal of(long unscaled, long scale) {
        if (unscaled == 0) {
            return BigDecimal.ZERO;
        }
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        if (scale < 0) {
            if (-scale < POWERS_OF_TEN.length && Math.abs(unscaled) <= Long.MAX_VALUE / POWERS_OF_TEN[(int) -scale]) {
                return BigDecimal.valueOf(unscaled * POWERS_OF_TEN[(int) -scale]);
            }
            return -scale > MAX_DIGITS ? null : of(BigDecimal.valueOf(unscaled, (int) scale));
        }
        return scale > MAX_DIGITS ? null : BigDecimal.valueOf(unscaled, (int) scale);
    }

    /** A decimal in canonical form, or null beyond the bounds (trailing zeros aside: 1.000… is 1). */
    static @Nullable BigDecimal of(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.scale() > 0 ? value.stripTrailingZeros() : value;
        int precision = stripped.precision();
        // Bounds before setScale: 1e999999999 as a plain integer would be a billion digits.
        if (precision > MAX_DIGITS || stripped.scale() > MAX_DIGITS
                || (long) precision - stripped.scale() > MAX_DIGITS) {
            return null;
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A number a format typed itself, as a decimal: integers exactly, {@link BigDecimal} and {@link BigInteger} as
     * they are, a binary floating-point number (a GeoPackage REAL, a DBF {@code O} field) as the shortest decimal
     * that reads back as it. Null for NaN, infinities and values beyond the bounds.
     */
    static @Nullable BigDecimal of(Number number) {
        if (number instanceof BigDecimal value) {
            return of(value);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof BigInteger value) {
            return of(new BigDecimal(value));
        }
        if (number instanceof Float f) {
            return Float.isFinite(f) ? of(new BigDecimal(Float.toString(f))) : null;
        }
        double d = number.doubleValue();
        return Double.isFinite(d) ? of(BigDecimal.valueOf(d)) : null;
    }

    /** How a decimal is written as text (samples, a typed number read into a text column): never an exponent. */
    static String text(BigDecimal value) {
        return value.toPlainString();
    }
}
