package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.SourceSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pass over a CSV file's records learns: the first record set aside (header or data, decided at the end),
 * the type statistics of every column over the other records, their count. The analysis pass, the sample that
 * guesses a plan and the speculative read ({@link SpeculativeCsvRead}) all decide through this one class, so that
 * the same records always give the same {@link Analysis}.
 */
final class CsvProfile {
    private final String[] first;
    private final List<ColumnStats> stats;
    private long rows;
    private boolean finished;

    CsvProfile(String[] first) {
        this.first = first;
        this.stats = new ArrayList<>(first.length);
        for (int i = 0; i < first.length; i++) {
            stats.add(new ColumnStats(null, false));
        }
    }

    /** Takes in the current record of {@code records} (any record but the first). */
    void observe(RecordSource records) {
        rows++;
        long line = records.line();
        for (int i = 0; i < first.length; i++) {
            stats.get(i).observe(records.cell(i), line);
        }
    }

    /** Takes in one record read apart from the others (the end of the file, for a guess), as wide as the first. */
    void observe(String[] cells, long line) {
        rows++;
        for (int i = 0; i < first.length; i++) {
            stats.get(i).observe(cells[i], line);
        }
    }

    /** Cells per record: the first record's. */
    int width() {
        return first.length;
    }

    /** Records observed so far, the first one left out. */
    long rows() {
        return rows;
    }

    /**
     * The analysis of what was observed: the first record is a header unless one of its cells is a value of its
     * (non-text) column's type; when it is data it is counted now, after the others, as line 1. Once only.
     *
     * @param detected format, encoding, delimiter and quote; the header is decided here
     */
    Analysis analysis(SourceSettings detected, ReadOptions options, WarningLog log) {
        if (finished) {
            throw new IllegalStateException("analysis already made");
        }
        finished = true;
        boolean header = options.header() != null ? options.header() : isHeader();
        if (!header) {
            for (int i = 0; i < first.length; i++) {
                stats.get(i).observe(first[i], 1);
            }
            rows++;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            String label = header ? first[i].strip() : "";
            labels.add(label.isEmpty() ? "Colonne " + (i + 1) : label);
        }
        SourceSettings settings = new SourceSettings(detected.format(), detected.encoding(), detected.delimiter(),
                detected.quote(), header, null, null, List.of(), null);
        return AnalysisBuilder.build(settings, labels, stats, null, log, rows, options);
    }

    private boolean isHeader() {
        for (int i = 0; i < first.length; i++) {
            if (stats.get(i).fits(first[i])) {
                return false;
            }
        }
        return true;
    }
}
