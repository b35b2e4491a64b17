package fr.mel.opale.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.GeometrySource;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.TableReaders;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SniffingTest {
    @TempDir
    Path dir;

    @Test
    void delimiterHonoursQuotes() throws IOException {
        assertThat(CsvDialect.delimiter(new StringReader("a;b;c\n\"1,5\";\"x;y\";3\n4;5;6\n"), '"', "csv"))
                .isEqualTo(';');
        assertThat(CsvDialect.delimiter(new StringReader("a\tb\n1\t2\n"), '"', "txt")).isEqualTo('\t');
        assertThat(CsvDialect.delimiter(new StringReader("a|b|c\n1|2|3\n"), '"', "csv")).isEqualTo('|');
        assertThat(CsvDialect.delimiter(new StringReader("nom,lieu\n\"a\",\"b, c\"\n"), '"', "csv")).isEqualTo(',');
        assertThat(CsvDialect.delimiter(new StringReader("seule\nune\n"), '"', "csv")).isEqualTo(',');
    }

    @Test
    void encodingIsDecidedOverTheWholeFile() throws IOException {
        byte[] ascii = "a,b\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "é,è\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[ascii.length + tail.length];
        System.arraycopy(ascii, 0, all, 0, ascii.length);
        System.arraycopy(tail, 0, all, ascii.length, tail.length);
        Path file = Files.write(dir.resolve("late.csv"), all);
        TextEncoding encoding = TextEncoding.detect(file, null);
        assertThat(encoding.name()).isEqualTo("ISO-8859-1"); // the only non-ASCII bytes are on the last line
        assertThat(encoding.firstInvalidLine()).isEqualTo(100_001);
        Path euro = Files.write(dir.resolve("euro.csv"), "prix\n12 \u20AC\n".getBytes("ISO-8859-15"));
        assertThat(TextEncoding.detect(euro, null).name()).isEqualTo("ISO-8859-15");
        Path utf8 = Files.write(dir.resolve("utf8.csv"), "nom\nCécile\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TextEncoding.detect(utf8, null).name()).isEqualTo("UTF-8");
    }

    @Test
    void theWordAtATimeTestSeesEveryByteThatIsNotPrintableAscii() {
        for (int position = 0; position < 8; position++) {
            for (int b = 0; b < 256; b++) {
                long word = 0x6161616161616161L & ~(0xFFL << (8 * position)) | ((long) b << (8 * position));
                assertThat(TextEncoding.printableAscii(word)).as("byte %02x at %d", b, position)
                        .isEqualTo(b >= 0x20 && b <= 0x7E);
            }
        }
    }

    @Test
    void encodingCountsAreTheSameWhereverTheBytesFallInTheWords() throws IOException {
        // A NUL, a control byte, an invalid byte and a valid multi-byte letter at every offset modulo eight: the
        // counts and first lines must not depend on where the word-at-a-time skipping stops.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int shift = 0; shift < 8; shift++) {
            out.writeBytes("x".repeat(shift).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("abcdefghijklmnop\u0000q\u0001r".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("é".getBytes(StandardCharsets.UTF_8));
            out.write(0xE9); // é in Latin-1: invalid UTF-8
            out.writeBytes("stuvwxyz\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path file = Files.write(dir.resolve("shifted.csv"), out.toByteArray());
        TextEncoding encoding = TextEncoding.detect(file, null);
        assertThat(encoding.name()).isEqualTo(TextEncoding.MIXED);
        assertThat(encoding.nulBytes()).isEqualTo(8);
        assertThat(encoding.firstNulLine()).isEqualTo(1);
        assertThat(encoding.controlBytes()).isEqualTo(8);
        assertThat(encoding.invalidUtf8()).isEqualTo(8);
        assertThat(encoding.firstInvalidLine()).isEqualTo(1);
        assertThat(encoding.bytes()).isEqualTo(out.size());
    }

    @Test
    void aFirstRowOfValuesIsNoHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("sans-entete.csv"), "1;2020-01-01;3,5\n2;2020-01-02;4,5\n");
        Analysis a = TableReaders.standard().analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(a.plan().settings().header()).isFalse();
        assertThat(a.rows()).isEqualTo(2);
        assertThat(a.columns()).extracting(c -> c.name()).containsExactly("colonne_1", "colonne_2", "colonne_3");
        assertThat(a.columns().get(2).type()).isEqualTo(ColumnType.DECIMAL);
    }

    @Test
    void latLonColumnsAreFoundByName() throws IOException {
        Path file = Files.writeString(dir.resolve("points.csv"),
                "Nom,Latitude (WGS84),Longitude (WGS84)\nMairie,50.6311,3.0703\nGare,50.6367,3.0708\n");
        Analysis a = TableReaders.standard().analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.XY);
        assertThat(a.plan().geometry().columns()).containsExactly(2, 1); // x = longitude first
    }
}
