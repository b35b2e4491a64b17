package fr.mel.opale.data.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The bytes of a {@code COPY ... (FORMAT binary)} stream, field by field, in the forms PostgreSQL's receive functions
 * read ({@code int8recv}, {@code numeric_recv}, {@code date_recv}...): a length then the value, network byte order.
 * The server then only checks the values instead of parsing text, and we stop printing numbers, dates and hex.
 *
 * <p>Values PostgreSQL could not store exactly are refused here with {@link IllegalArgumentException} rather than
 * truncated into something else (a day count beyond int32, a numeric scale beyond 16383); the ones it stores but
 * finds out of its range (a date before 4713 BC) are left to the server's own error, which fails the COPY.
 */
final class CopyBinaryBuffer {
    /** "PGCOPY\n\377\r\n\0", then flags (0: no OIDs) and the length of the header extension (0). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** PostgreSQL counts days and microseconds from 2000-01-01 (UTC), Java from 1970-01-01. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;
    private static final int NUMERIC_NEGATIVE = 0x4000;
    /** numeric's display scale has 14 bits ({@code NUMERIC_DSCALE_MASK}). */
    private static final int MAX_SCALE = 0x3FFF;
    /** Above this an unscaled long times 10^3 (the alignment on base-10000 groups) could overflow. */
    private static final long LONG_PATH_LIMIT = Long.MAX_VALUE / 1000;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};
    private static final BigInteger[] BIG_POWERS_OF_TEN = {BigInteger.ONE, BigInteger.TEN, BigInteger.valueOf(100),
        BigInteger.valueOf(1000)};

    private byte[] bytes;
    private int length;
    /** Base-10000 digits of the numeric being written, least significant first; reused from value to value. */
    private short[] groups = new short[8];

    CopyBinaryBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Empties the buffer; a buffer grown past {@code keepAtMost} (one huge cell) shrinks back to {@code capacity}. */
    void clear(int keepAtMost, int capacity) {
        length = 0;
        if (bytes.length > keepAtMost) {
            bytes = new byte[capacity];
        }
    }

    void header() {
        ensure(HEADER.length);
        System.arraycopy(HEADER, 0, bytes, length, HEADER.length);
        length += HEADER.length;
    }

    /** A tuple starts with its number of fields. */
    void tuple(int fields) {
        putShort(fields);
    }

    /** The end of the stream: a tuple of -1 fields. */
    void trailer() {
        putShort(-1);
    }

    void putNull() {
        putInt(-1);
    }

    void putInt8(long value) {
        ensure(12);
        INT.set(bytes, length, 8);
        LONG.set(bytes, length + 4, value);
        length += 12;
    }

    void putBoolean(boolean value) {
        ensure(5);
        INT.set(bytes, length, 1);
        bytes[length + 4] = value ? (byte) 1 : (byte) 0;
        length += 5;
    }

    void putDate(LocalDate date) {
        long days = date.toEpochDay() - PG_EPOCH_DAY;
        // int32 extremes mean -infinity and infinity to PostgreSQL: never send them for a real date.
        if (days <= Integer.MIN_VALUE || days >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("date « " + date + " » hors des limites de PostgreSQL");
        }
        ensure(8);
        INT.set(bytes, length, 4);
        INT.set(bytes, length + 4, (int) days);
        length += 8;
    }

    /** Microseconds since 2000-01-01T00:00Z; a sub-microsecond part is rounded half up, as PostgreSQL keeps µs. */
    void putTimestamp(OffsetDateTime timestamp) {
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(timestamp.toEpochSecond() - PG_EPOCH_SECOND, 1_000_000L),
                    (timestamp.getNano() + 500) / 1000);
        } catch (ArithmeticException e) {
            micros = Long.MAX_VALUE;
        }
        // Long extremes mean -infinity and infinity; anything else out of range is refused by the server.
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            throw new IllegalArgumentException("horodatage « " + timestamp + " » hors des limites de PostgreSQL");
        }
        ensure(12);
        INT.set(bytes, length, 8);
        LONG.set(bytes, length + 4, micros);
        length += 12;
    }

    /** UTF-8 as is (binary COPY has no escapes); ASCII is copied char by char, anything else goes to the JDK. */
    void putText(String text) {
        int n = text.length();
        ensure(4 + n);
        int start = length + 4;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                putBytes(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[start + i] = (byte) c;
        }
        INT.set(bytes, length, n);
        length = start + n;
    }

    void putBytes(byte[] value) {
        ensure(4 + value.length);
        INT.set(bytes, length, value.length);
        System.arraycopy(value, 0, bytes, length + 4, value.length);
        length += 4 + value.length;
    }

    /**
     * {@code numeric_recv}'s form: ndigits, weight, sign, dscale (int16 each), then the base-10000 digits, most
     * significant first, {@code weight} being the power of 10000 of the first one. The value is unscaled × 10^-scale:
     * the unscaled part is multiplied by 10^pad (pad in 0..3) so that the scale becomes a multiple of 4, and then
     * splits into base-10000 groups aligned on the decimal point — with long arithmetic when it fits, which is
     * nearly always. dscale = the scale without trailing zeros after the point (0 when negative): 12.30 is stored
     * as 12.3 and 1E+3 as 1000 — by its value, as H2's DECFLOAT stores it, so that both stores give back the same.
     */
    void putNumeric(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        long magnitude = -1; // |unscaled| while a long holds it, else -1
        if (unscaled.bitLength() < 63) {
            magnitude = Math.abs(unscaled.longValue());
            while (scale > 0 && magnitude % 10 == 0) { // 0.00 ends as 0
                magnitude /= 10;
                scale--;
            }
        } else if (scale > 0) {
            BigDecimal stripped = value.stripTrailingZeros();
            BigDecimal plain = stripped.scale() >= 0 ? stripped : value.setScale(0);
            unscaled = plain.unscaledValue();
            scale = plain.scale();
        }
        if (scale > MAX_SCALE) {
            throw new IllegalArgumentException("nombre « " + shown(value) + " » : plus de " + MAX_SCALE
                    + " décimales, hors des limites de PostgreSQL");
        }
        long alignedScale = Math.floorDiv(scale + 3L, 4) * 4; // ≥ scale, multiple of 4
        int pad = (int) (alignedScale - scale);
        int count;
        if (value.signum() == 0) {
            count = 0;
        } else if (magnitude >= 0 && magnitude <= LONG_PATH_LIMIT) {
            count = longGroups(magnitude * POWERS_OF_TEN[pad]);
        } else {
            BigInteger big = magnitude >= 0 ? BigInteger.valueOf(magnitude) : unscaled.abs();
            count = bigGroups(big.multiply(BIG_POWERS_OF_TEN[pad]));
        }
        // groups[0] sits at 10000^(-alignedScale / 4); zero groups at the low end carry nothing: drop them.
        int lowest = 0;
        while (lowest < count && groups[lowest] == 0) {
            lowest++;
        }
        long weight = count == 0 ? 0 : count - 1 - alignedScale / 4;
        if (weight > Short.MAX_VALUE || weight < Short.MIN_VALUE) {
            throw new IllegalArgumentException("nombre « " + shown(value) + " » hors des limites de PostgreSQL");
        }
        int ndigits = count - lowest;
        ensure(4 + 8 + 2 * ndigits);
        INT.set(bytes, length, 8 + 2 * ndigits);
        SHORT.set(bytes, length + 4, (short) ndigits);
        SHORT.set(bytes, length + 6, (short) weight);
        SHORT.set(bytes, length + 8, (short) (value.signum() < 0 ? NUMERIC_NEGATIVE : 0));
        SHORT.set(bytes, length + 10, (short) Math.max(scale, 0));
        int at = length + 12;
        for (int i = count - 1; i >= lowest; i--) {
            SHORT.set(bytes, at, groups[i]);
            at += 2;
        }
        length = at;
    }

    /** Splits a positive long into base-10000 groups, least significant first; returns their count. */
    private int longGroups(long magnitude) {
        int count = 0;
        while (magnitude != 0) {
            groups[count++] = (short) (magnitude % 10_000);
            magnitude /= 10_000;
        }
        return count;
    }

    /** The same for a magnitude beyond a long: from its decimal digits, four by four from the right. */
    private int bigGroups(BigInteger magnitude) {
        String digits = magnitude.toString();
        int count = (digits.length() + 3) / 4;
        if (count > 0xFFFF) {
            throw new IllegalArgumentException("nombre de " + digits.length()
                    + " chiffres, hors des limites de PostgreSQL");
        }
        if (groups.length < count) {
            groups = new short[Math.max(count, groups.length * 2)];
        }
        int end = digits.length();
        for (int g = 0; g < count; g++) {
            int start = Math.max(0, end - 4);
            int group = 0;
            for (int i = start; i < end; i++) {
                group = group * 10 + (digits.charAt(i) - '0');
            }
            groups[g] = (short) group;
            end = start;
        }
        return count;
    }

    /** A number for an error message: thousands of digits would drown it. */
    private static String shown(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private void putShort(int value) {
        ensure(2);
        SHORT.set(bytes, length, (short) value);
        length += 2;
    }

    private void putInt(int value) {
        ensure(4);
        INT.set(bytes, length, value);
        length += 4;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
