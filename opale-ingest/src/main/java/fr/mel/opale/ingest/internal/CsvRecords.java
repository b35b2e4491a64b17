package fr.mel.opale.ingest.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;

/**
 * The records of a CSV file, split by {@link CsvTokenizer}. The first record is taken apart
 * ({@link #first()}: header or first data row, the caller decides); the following ones are made as wide as the
 * first: a shorter or longer record (ragged) is padded or cut and reported with its line, a record with no content
 * (blank cells, a stray BOM) is skipped and reported, an empty line skipped silently.
 */
final class CsvRecords implements RecordSource {
    private final CsvTokenizer tokenizer;
    private final WarningLog log;
    private String @Nullable [] firstRecord;
    private boolean replayFirst;
    private int width = -1;
    private String[] current = new String[0];
    private long line;
    private long firstLine;

    CsvRecords(Reader decoded, char delimiter, char quote, int maxRecord, WarningLog log) {
        this.tokenizer = new CsvTokenizer(decoded, delimiter, quote, maxRecord);
        this.log = log;
    }

    /** The next raw record, or null at the end; I/O errors unchecked as commons-csv's iterator threw them. */
    private String @Nullable [] read() {
        try {
            return tokenizer.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CSVFormat format(char delimiter, char quote) {
        return CSVFormat.Builder.create().setDelimiter(delimiter).setQuote(quote).setIgnoreEmptyLines(true)
                .setLenientEof(true).setTrailingData(true).setAllowMissingColumnNames(true).get();
    }

    /**
     * The first non-empty record (its cells without BOM), which sets the width; null when the file has none.
     *
     * @param replay whether {@link #next()} should deliver it first (no header)
     */
    String @Nullable [] first(boolean replay) {
        for (String[] values = read(); values != null; values = read()) {
            long start = tokenizer.recordStart();
            if (values.length == 1 && values[0].isEmpty()) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i].replace("\uFEFF", "");
            }
            firstRecord = values;
            firstLine = start;
            width = values.length;
            replayFirst = replay;
            return values;
        }
        return null;
    }

    /** Imposes the width of a plan (the read pass); records are padded or cut to it. */
    void width(int columns) {
        this.width = columns;
    }

    @Override
    public boolean next() {
        if (replayFirst && firstRecord != null) {
            replayFirst = false;
            current = fit(firstRecord);
            line = firstLine;
            return true;
        }
        for (String[] values = read(); values != null; values = read()) {
            long start = tokenizer.recordStart();
            if (values.length == 1 && values[0].isEmpty()) {
                continue; // an empty line
            }
            if (values.length != width) {
                if (isBlank(values)) {
                    log.add("ragged-row", "Ligne " + start + " : " + fields(values.length) + " au lieu de " + width
                            + ", sans contenu : ligne ignorée.", start, null);
                    continue;
                }
                log.add("ragged-row", "Ligne " + start + " : " + fields(values.length) + " au lieu de " + width
                        + (values.length < width ? " : champs manquants laissés vides."
                        : " : champs en trop ignorés."), start, null);
            } else if (isBlank(values)) {
                continue;
            }
            current = fit(values);
            line = start;
            return true;
        }
        return false;
    }

    private String[] fit(String[] values) {
        if (values.length == width) {
            return values;
        }
        String[] fitted = new String[width];
        System.arraycopy(values, 0, fitted, 0, Math.min(width, values.length));
        return fitted;
    }

    private static String fields(int n) {
        return n + (n > 1 ? " champs" : " champ");
    }

    private static boolean isBlank(String[] values) {
        for (String v : values) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (!Character.isWhitespace(c) && c != '\uFEFF' && c != '\u00A0') {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public @Nullable Object cell(int source) {
        return source < current.length ? current[source] : null;
    }

    @Override
    public long line() {
        return line;
    }

    /** NUL characters dropped so far. */
    long nulChars() {
        return tokenizer.nulChars();
    }

    long firstNulLine() {
        return tokenizer.firstNulLine();
    }

    @Override
    public void close() throws IOException {
        tokenizer.close();
    }
}
