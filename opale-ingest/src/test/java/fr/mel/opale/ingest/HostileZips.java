package fr.mel.opale.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * ZIP archives made to attack the readers — a bomb, thousands of entries, and any hand-named entries (zip-slip
 * paths, a shapefile missing its DBF) — built in memory, for the reader tests and the HTTP ingest tests alike, so
 * both refuse the very same bytes.
 */
public final class HostileZips {
    /** Records of the bomb's DBF: 264 000 × 255 bytes, 64 MiB once inflated. */
    private static final int BOMB_RECORDS = 264_000;

    private HostileZips() {
    }

    /** A ZIP of the given entries in name/content pairs, each content written in UTF-8. */
    public static byte[] of(String... namesAndContents) {
        return write(out -> {
            for (int i = 0; i + 1 < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        });
    }

    /** {@code count} empty entries {@code f0.dbf}, {@code f1.dbf}… */
    public static byte[] manyEntries(int count) {
        return write(out -> {
            for (int i = 0; i < count; i++) {
                out.putNextEntry(new ZipEntry("f" + i + ".dbf"));
                out.closeEntry();
            }
        });
    }

    /**
     * {@code bombe.dbf}, a plausible table (one 254-character text field {@code NOM}, 264 000 records of spaces):
     * 64 MiB inflated in a ZIP of a few hundred kilobytes, so only a reader that counts what it inflates stops it.
     */
    public static byte[] bomb() {
        return write(out -> {
            out.putNextEntry(new ZipEntry("bombe.dbf"));
            out.write(bombHeader());
            byte[] spaces = new byte[255 * 1000];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < BOMB_RECORDS / 1000; i++) {
                out.write(spaces);
            }
            out.closeEntry();
        });
    }

    /** A dBase III header: record count, header length 65, record length 255, one field NOM of type C(254). */
    private static byte[] bombHeader() {
        byte[] header = new byte[65];
        header[0] = 3;
        header[4] = (byte) BOMB_RECORDS;
        header[5] = (byte) (BOMB_RECORDS >> 8);
        header[6] = (byte) (BOMB_RECORDS >> 16);
        header[8] = 65;
        header[10] = (byte) 255;
        System.arraycopy("NOM".getBytes(StandardCharsets.US_ASCII), 0, header, 32, 3);
        header[32 + 11] = 'C';
        header[32 + 16] = (byte) 254;
        header[64] = 0x0D;
        return header;
    }

    private static byte[] write(Entries entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            entries.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What goes into one archive. */
    @FunctionalInterface
    private interface Entries {
        void writeTo(ZipOutputStream out) throws IOException;
    }
}
