package fr.mel.opale.ingest.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The field separator of a CSV file: for each candidate (';', ',', tab, '|'), the records of the first 64 Ki
 * characters are parsed with quotes honoured; the separator that splits them into the most consistent number of
 * fields (and, at equal consistency, the most fields) wins. The analysis pass then checks every record against it
 * and reports ragged ones. One column when no candidate splits anything.
 */
final class CsvDialect {
    private static final char[] CANDIDATES = {';', ',', '\t', '|'};
    private static final int SAMPLE = 1 << 16;

    private CsvDialect() {
    }

    static char delimiter(Reader text, char quote, String extension) throws IOException {
        char[] buffer = new char[SAMPLE];
        int length = 0;
        int n;
        while (length < SAMPLE && (n = text.read(buffer, length, SAMPLE - length)) > 0) {
            length += n;
        }
        String sample = new String(buffer, 0, length).replace("\0", "");
        if (length == SAMPLE) {
            int lastBreak = sample.lastIndexOf('\n');
            if (lastBreak > 0) {
                sample = sample.substring(0, lastBreak); // the last record may be cut
            }
        }
        char best = extension.equals("tsv") ? '\t' : ',';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            double score = score(sample, candidate, quote);
            if (candidate == '\t' && extension.equals("tsv") && score > 0) {
                score += 0.5;
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** Consistency (share of records with the usual field count) plus a small bonus per field; 0 if unusable. */
    private static double score(String sample, char delimiter, char quote) {
        Map<Integer, Integer> widths = new HashMap<>();
        int records = 0;
        try (CSVParser parser = CSVParser.parse(sample, CsvRecords.format(delimiter, quote))) {
            for (CSVRecord record : parser) {
                widths.merge(record.size(), 1, Integer::sum);
                records++;
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        int mode = 0;
        int modeCount = 0;
        for (Map.Entry<Integer, Integer> e : widths.entrySet()) {
            if (e.getValue() > modeCount || (e.getValue() == modeCount && e.getKey() > mode)) {
                mode = e.getKey();
                modeCount = e.getValue();
            }
        }
        if (mode < 2 || records == 0) {
            return 0;
        }
        return (double) modeCount / records + Math.min(mode, 1000) / 10_000.0;
    }
}
