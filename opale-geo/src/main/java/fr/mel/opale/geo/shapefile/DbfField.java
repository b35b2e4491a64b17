package fr.mel.opale.geo.shapefile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One dBase III field of a shapefile's attribute table, for one attribute: its short name, and the width it needs.
 * Rows are streamed, so the width is learnt while they pass: {@link #encode} turns each value into its field text
 * and records the widest; once every row is seen, {@link #type()}, {@link #length()} and {@link #decimals()} are
 * final and {@link #pad} lays each value out in the fixed-width record.
 *
 * <p>Types: integers {@code N} (no decimals, as wide as the widest value); decimals {@code N} with as many
 * decimals as the most precise value (at least 1, at most 15; rounded beyond); booleans {@code L}; dates {@code D}
 * (yyyymmdd); timestamps as ISO 8601 text in UTC ({@code C}, dBase has no time); texts {@code C}, cut at 254 bytes
 * (UTF-8, never inside a character: the {@code .cpg} says UTF-8). Values that cannot be written (a number wider
 * than 254 characters, a year outside 0–9999) are left empty; cut and empty values are counted for the mapping
 * file.
 */
final class DbfField {
    static final int MAX_LENGTH = 254;
    static final int MAX_DECIMALS = 15;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    final Attribute column;
    final String name;
    private int widest;
    private int widestIntegerPart = 1;
    private int mostDecimals;
    private long truncated;
    private long dropped;

    DbfField(Attribute column, String name) {
        this.column = column;
        this.name = name;
    }

    /** The field text of a value before padding (ASCII, or UTF-8 for texts); null for an empty field. */
    byte @Nullable [] encode(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = switch (column.type()) {
            case INTEGER -> value.toString();
            case DECIMAL -> decimal(new BigDecimal(value.toString()));
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "T" : "F";
            case DATE -> date((LocalDate) value);
            case TIMESTAMP -> DateTimeFormatter.ISO_INSTANT.format(((OffsetDateTime) value).toInstant());
            case TEXT -> null;
        };
        byte[] bytes;
        if (column.type() == Attribute.Type.TEXT) {
            bytes = cut(value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (text == null || text.length() > MAX_LENGTH) {
            dropped++;
            return null;
        } else {
            bytes = text.getBytes(StandardCharsets.US_ASCII);
        }
        widest = Math.max(widest, bytes.length);
        return bytes;
    }

    private @Nullable String decimal(BigDecimal number) {
        int scale = Math.min(Math.max(number.scale(), 0), MAX_DECIMALS);
        int integerPart = Math.max(number.precision() - number.scale(), 1) + (number.signum() < 0 ? 1 : 0);
        if (integerPart + 1 + scale > MAX_LENGTH) {
            return null;
        }
        widestIntegerPart = Math.max(widestIntegerPart, integerPart);
        mostDecimals = Math.max(mostDecimals, scale);
        return number.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    private static @Nullable String date(LocalDate date) {
        return date.getYear() < 0 || date.getYear() > 9999 ? null : DATE.format(date);
    }

    /** At most 254 bytes, cut before a UTF-8 continuation byte so that no character is split. */
    private byte[] cut(byte[] utf8) {
        if (utf8.length <= MAX_LENGTH) {
            return utf8;
        }
        truncated++;
        int end = MAX_LENGTH;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(utf8, end);
    }

    char type() {
        return switch (column.type()) {
            case INTEGER, DECIMAL -> 'N';
            case BOOLEAN -> 'L';
            case DATE -> 'D';
            case TIMESTAMP, TEXT -> 'C';
        };
    }

    int decimals() {
        if (column.type() != Attribute.Type.DECIMAL) {
            return 0;
        }
        return Math.max(1, Math.min(mostDecimals, MAX_LENGTH - 1 - widestIntegerPart));
    }

    int length() {
        return switch (column.type()) {
            case DECIMAL -> Math.min(MAX_LENGTH, widestIntegerPart + 1 + decimals());
            case BOOLEAN -> 1;
            case DATE -> 8;
            default -> Math.max(1, widest);
        };
    }

    long truncated() {
        return truncated;
    }

    long dropped() {
        return dropped;
    }

    /** The value laid out in {@link #length()} bytes: numbers right-aligned, the rest left-aligned, blank if empty. */
    void pad(byte @Nullable [] value, byte[] record, int offset) {
        int length = length();
        Arrays.fill(record, offset, offset + length, (byte) ' ');
        if (value == null) {
            if (column.type() == Attribute.Type.BOOLEAN) {
                record[offset] = '?';
            }
            return;
        }
        if (column.type() == Attribute.Type.DECIMAL) {
            value = new BigDecimal(new String(value, StandardCharsets.US_ASCII))
                    .setScale(decimals(), RoundingMode.HALF_UP).toPlainString().getBytes(StandardCharsets.US_ASCII);
        }
        if (value.length > length) { // cannot happen: the width is the widest value's
            return;
        }
        int start = type() == 'N' ? offset + length - value.length : offset;
        System.arraycopy(value, 0, record, start, value.length);
    }
}
