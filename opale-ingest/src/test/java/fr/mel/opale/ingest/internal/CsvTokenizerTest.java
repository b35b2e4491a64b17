package fr.mel.opale.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Our tokenizer replaced commons-csv for speed; it must split every text as commons-csv did with the settings we
 * used (quote doubling, lenient end of file, trailing data, empty lines kept), record starts included.
 */
class CsvTokenizerTest {
    private static final CSVFormat COMMONS = CSVFormat.Builder.create().setDelimiter(';').setQuote('"')
            .setIgnoreEmptyLines(false).setLenientEof(true).setTrailingData(true).setAllowMissingColumnNames(true)
            .get();

    @Test
    void splitsTrickyTextsAsCommonsCsvDid() throws IOException {
        String[] texts = {"", "a", "a;b\n", "a;b\r\nc;d", "a;b\rc;d\r", "\n\na\n\n", ";;\n;", "\"a;b\";c\n",
                "\"a\"\"b\";\"\"\n", "\"ab\"cd;e\n", "\"ab\" ;x", "x\"y\";z", "\"multi\nline\r\n\";z\nnext;1",
                "\"never closed;a\nb", " \"lead\";b", "a;\"\"", "\"\"\"\";x", "a;b;\r\n", "\"a\"\r\n\"b\"\n",
                "é;ü\n\"x\ny\"\n3;4", "\"a\"\"\n"};
        for (String text : texts) {
            assertThat(ours(text)).as(text.replace("\n", "\\n").replace("\r", "\\r")).isEqualTo(theirs(text));
        }
    }

    @Test
    void splitsRandomTextsAsCommonsCsvDid() throws IOException {
        Random random = new Random(42);
        char[] alphabet = {'a', 'b', ';', '"', '\n', '\r', ' ', 'é'};
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(24)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertThat(ours(s)).as(s.replace("\n", "\\n").replace("\r", "\\r")).isEqualTo(theirs(s));
        }
    }

    @Test
    void dropsNulCharactersAndBoundsRecords() throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(new StringReader("a;b\nc\0;\0d\n"), ';', '"', 100);
        tokenizer.next();
        assertThat(tokenizer.next()).containsExactly("c", "d");
        assertThat(tokenizer.nulChars()).isEqualTo(2);
        assertThat(tokenizer.firstNulLine()).isEqualTo(2);

        CsvTokenizer bounded = new CsvTokenizer(new StringReader("ab;cd\n" + "x".repeat(50) + "\n\"" + "y\n".repeat(40)),
                ';', '"', 20);
        assertThat(bounded.next()).containsExactly("ab", "cd");
        assertThatThrownBy(bounded::next).isInstanceOf(UnreadableFile.class).hasMessageContaining("ligne 2 ");
        CsvTokenizer quoted = new CsvTokenizer(new StringReader("a\n\"" + "y\n".repeat(40)), ';', '"', 20);
        quoted.next();
        assertThatThrownBy(quoted::next).isInstanceOf(UnreadableFile.class).hasMessageContaining("ligne 2 ");
    }

    /** Records with the line each starts on, as CsvRecords computed it from commons-csv. */
    private static List<String> theirs(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), COMMONS)) {
            long after = 0;
            for (CSVRecord record : parser) {
                long start = after + 1;
                after = parser.getCurrentLineNumber();
                out.add(start + ":" + Arrays.toString(record.values()));
            }
        }
        return out;
    }

    private static List<String> ours(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(text), ';', '"', 1 << 20)) {
            for (String[] values = tokenizer.next(); values != null; values = tokenizer.next()) {
                out.add(tokenizer.recordStart() + ":" + Arrays.toString(values));
            }
        }
        return out;
    }
}
