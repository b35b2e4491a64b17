package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits decoded text into CSV records, one pass over a char buffer with no object per character: it replaced
 * commons-csv plus a guarding reader in front of it, which together were the largest cost of both reading passes
 * (a 1 M-row file is tokenised twice: analysis and read).
 *
 * <p>The dialect is the one commons-csv read with our settings (quote doubling, no escape character, lenient end of
 * file, trailing data kept), so that nothing a producer sees changes:
 * <ul>
 * <li>a field is quoted only when its first character is the quote; {@code ""} inside is one quote; after the
 *     closing quote, anything up to the delimiter or the end of line is kept verbatim ({@code "ab"c} → {@code abc});
 *     a quote inside an unquoted field is an ordinary character;</li>
 * <li>records end at LF, CR or CRLF (also inside nothing else); a quoted field may span lines; a quote never closed
 *     ends the field at the end of the file;</li>
 * <li>an empty line is a record of one empty field (the caller skips it); a final line break adds no record;</li>
 * <li>spaces are kept.</li>
 * </ul>
 * And what the guard did: NUL characters are dropped (counted, first line kept), and a record longer than the bound
 * (quoted line breaks included) stops the read with the line where it started, before it is buffered whole. Line
 * numbers count LF, CR and CRLF as one break each.
 */
final class CsvTokenizer implements AutoCloseable {
    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final int maxRecord;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private char[] field = new char[256];
    private int fieldLength;
    private String[] values = new String[16];
    private int count;
    /** Line breaks consumed so far. */
    private long breaks;
    private boolean lastWasCr;
    private long recordStart;
    private int recordLength;
    private long nulChars;
    private long firstNulLine;
    private boolean ended;

    CsvTokenizer(Reader in, char delimiter, char quote, int maxRecord) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.maxRecord = maxRecord;
    }

    /** The next record's fields (a fresh array), or null at the end of the text. */
    String @Nullable [] next() throws IOException {
        if (ended) {
            return null;
        }
        int c = read();
        if (c == EOF) {
            ended = true;
            return null;
        }
        recordStart = isBreak(c) ? breaks : breaks + 1;
        count = 0;
        while (true) {
            fieldLength = 0;
            int end;
            if (c == quote) {
                end = quoted();
            } else {
                end = plain(c);
            }
            add(new String(field, 0, fieldLength));
            if (end == EOF) {
                ended = true;
                break;
            }
            if (end != delimiter) {
                break; // end of line
            }
            c = read();
            if (c == EOF || isBreak(c)) {
                add(""); // a trailing delimiter: one more empty field
                if (c == EOF) {
                    ended = true;
                } else {
                    endOfLine(c);
                }
                break;
            }
        }
        recordLength = 0;
        return Arrays.copyOf(values, count);
    }

    /** Reads an unquoted field starting with {@code c}; returns what ended it (delimiter, '\n' or EOF). */
    private int plain(int c) throws IOException {
        while (true) {
            if (c == delimiter) {
                return delimiter;
            }
            if (c == EOF) {
                return EOF;
            }
            if (isBreak(c)) {
                endOfLine(c);
                return '\n';
            }
            append((char) c);
            c = read();
        }
    }

    /** Reads a quoted field (opening quote consumed), then its trailing data; returns what ended it. */
    private int quoted() throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                return EOF; // never closed: lenient, the field ends with the text
            }
            if (c == quote) {
                int next = read();
                if (next == quote) {
                    append(quote);
                    continue;
                }
                return plain(next); // trailing data, kept verbatim
            }
            append((char) c);
        }
    }

    /** Consumes the LF of a CRLF. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            if (position == limit && !fill()) {
                return;
            }
            if (buffer[position] == '\n') {
                position++;
                lastWasCr = false;
            }
        }
    }

    private static boolean isBreak(int c) {
        return c == '\n' || c == '\r';
    }

    private int read() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return EOF;
            }
            char c = buffer[position++];
            if (c == 0) {
                if (nulChars++ == 0) {
                    firstNulLine = breaks + 1;
                }
                continue;
            }
            if (c == '\r' || (c == '\n' && !lastWasCr)) {
                breaks++;
            }
            lastWasCr = c == '\r';
            if (++recordLength > maxRecord) {
                throw new UnreadableFile("record-too-long", "La ligne " + recordStart + " dépasse la longueur "
                        + "maximale d'un enregistrement (" + maxRecord + " caractères) : ligne démesurée, guillemet "
                        + "jamais refermé, ou fichier qui n'est pas un CSV.");
            }
            return c;
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            limit = position = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private void append(char c) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = c;
    }

    private void add(String value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = value;
    }

    /** The line where the last record returned started. */
    long recordStart() {
        return recordStart;
    }

    long nulChars() {
        return nulChars;
    }

    long firstNulLine() {
        return firstNulLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
