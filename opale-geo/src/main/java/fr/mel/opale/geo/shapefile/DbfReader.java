package fr.mel.opale.geo.shapefile;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dBase III/IV table (.dbf) read sequentially: header, field descriptors, then fixed-width records. Values are
 * typed as the fields declare them: C text (right padding dropped), N/F numbers ({@link Long} when the field
 * {@linkplain Field#isInteger() is an integer}, else a {@link BigDecimal} of exactly the digits written, which the
 * caller brings to its own canonical form), L booleans, D dates, I 32-bit integers ({@link Long}), O doubles; anything
 * else, and a number or date that does not parse, is text. Deleted records are skipped by the caller through
 * {@link #deleted()}.
 */
public final class DbfReader implements AutoCloseable {
    /** A field descriptor: name, dBase type letter, width in bytes and decimals. */
    public record Field(String name, char type, int length, int decimals) {
        /** Whether the field holds integers: N/F without decimals and at most 18 digits (a long), or I. */
        public boolean isInteger() {
            return switch (type) {
                case 'N', 'F' -> decimals == 0 && length <= 18;
                case 'I', '+' -> true;
                default -> false;
            };
        }
    }

    private final DataInputStream in;
    private final Charset charset;
    /** The record count the header declares. */
    public final int records;
    /** The language driver id of the header (byte 29): the code page, when the writer set one. */
    public final int languageDriver;
    public final List<Field> fields;
    private final int recordLength;
    private final byte[] record;
    private int read;
    private boolean deleted;

    /** Reads the header; the stream is closed by {@link #close()}. Text fields are decoded with {@code charset}. */
    public DbfReader(InputStream stream, Charset charset) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        this.charset = charset;
        byte[] header = new byte[32];
        in.readFully(header);
        records = ShpReader.littleInt(header, 4);
        int headerLength = (header[8] & 0xFF) | (header[9] & 0xFF) << 8;
        recordLength = (header[10] & 0xFF) | (header[11] & 0xFF) << 8;
        languageDriver = header[29] & 0xFF;
        if (records < 0 || headerLength < 33 || recordLength < 1) {
            throw new IOException("en-tête .dbf invalide");
        }
        List<Field> list = new ArrayList<>();
        int consumed = 32;
        while (consumed + 32 <= headerLength) {
            int first = in.read();
            consumed++;
            if (first == 0x0D || first < 0) {
                break;
            }
            byte[] descriptor = new byte[32];
            descriptor[0] = (byte) first;
            in.readFully(descriptor, 1, 31);
            consumed += 31;
            int end = 0;
            while (end < 11 && descriptor[end] != 0) {
                end++;
            }
            String name = new String(descriptor, 0, end, charset).strip();
            list.add(new Field(name, (char) (descriptor[11] & 0xFF), descriptor[16] & 0xFF, descriptor[17] & 0xFF));
        }
        in.skipNBytes(headerLength - consumed);
        fields = List.copyOf(list);
        record = new byte[recordLength];
    }

    /** Reads the next record; false at the end (declared count reached, or end-of-file marker). */
    public boolean next() throws IOException {
        if (read >= records) {
            return false;
        }
        int first = in.read();
        if (first < 0 || first == 0x1A) {
            return false;
        }
        record[0] = (byte) first;
        in.readFully(record, 1, recordLength - 1);
        read++;
        deleted = first == '*';
        return true;
    }

    /** Whether the current record is marked deleted. */
    public boolean deleted() {
        return deleted;
    }

    /** The current record's values, typed. */
    public @Nullable Object[] values() {
        Object[] values = new Object[fields.size()];
        int at = 1;
        for (int i = 0; i < values.length; i++) {
            Field f = fields.get(i);
            values[i] = value(f, at);
            at += f.length();
        }
        return values;
    }

    private @Nullable Object value(Field f, int at) {
        if (at + f.length() > recordLength) {
            return null;
        }
        switch (f.type()) {
            case 'I':
                return (long) ShpReader.littleInt(record, at);
            case 'O':
                return java.nio.ByteBuffer.wrap(record, at, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getDouble();
            default:
                break;
        }
        String text = new String(record, at, f.length(), f.type() == 'C' ? charset : StandardCharsets.ISO_8859_1);
        String t = f.type() == 'C' ? text.stripTrailing().replace("\0", "") : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        switch (f.type()) {
            case 'N', 'F':
                if (t.startsWith("*")) {
                    return null; // overflow marker
                }
                try {
                    if (f.isInteger()) {
                        return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
                    }
                    return new BigDecimal(t.replace(',', '.'));
                } catch (NumberFormatException e) {
                    return t; // reported by the read pass as a value that does not fit
                }
            case 'L':
                return switch (t.charAt(0)) {
                    case 'T', 't', 'Y', 'y', 'O', 'o' -> Boolean.TRUE;
                    case 'F', 'f', 'N', 'n' -> Boolean.FALSE;
                    default -> null;
                };
            case 'D':
                if (t.length() != 8 || t.equals("00000000")) {
                    return null;
                }
                try {
                    return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                            Integer.parseInt(t.substring(6, 8)));
                } catch (NumberFormatException | DateTimeException e) {
                    return t;
                }
            default:
                return t;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
