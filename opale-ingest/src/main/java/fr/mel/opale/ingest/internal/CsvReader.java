package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.ReadCancelled;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.RowStream;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.SourceSettings;
import fr.mel.opale.ingest.TableReader;
import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV, TSV and delimited TXT. Analysis: encoding over all bytes ({@link TextEncoding}), separator from the start
 * ({@link CsvDialect}), then one streamed pass over every record infers column types ({@link ColumnStats}); the
 * first record is a header unless one of its cells is a value of its column's type (the splitting runs on a second
 * thread, {@link PrefetchedRecords}). Read: the same parsing, rows typed by the plan.
 */
public final class CsvReader implements TableReader {
    static final int CHECK_EVERY = 4096;

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public boolean accepts(byte[] head, SourceFile file) {
        return !FileSniffer.looksBinary(head);
    }

    @Override
    public Analysis analyse(SourceFile file, ReadOptions options, ReadListener listener) {
        try {
            TextEncoding encoding = encoding(file, options.encoding());
            char quote = options.quote() != null ? options.quote() : '"';
            char delimiter;
            if (options.delimiter() != null) {
                delimiter = options.delimiter();
            } else {
                try (Reader sample = encoding.open(file.path())) {
                    delimiter = CsvDialect.delimiter(sample, quote, file.extension());
                }
            }
            Limits limits = options.limits();
            WarningLog log = new WarningLog(limits.maxWarningsPerCode());
            List<ColumnStats> stats = new ArrayList<>();
            String[] first;
            long rows = 0;
            boolean header;
            try (CsvRecords records = new CsvRecords(encoding.open(file.path()), delimiter, quote,
                    limits.maxRecordChars(), log)) {
                first = records.first(false);
                if (first == null) {
                    throw new UnreadableFile("empty-file", "Le fichier « " + file.name() + " » ne contient aucune "
                            + "ligne.");
                }
                if (first.length > limits.maxColumns()) {
                    throw new UnreadableFile("too-many-columns", "Le fichier a " + first.length + " colonnes, plus "
                            + "que les " + limits.maxColumns() + " acceptées.");
                }
                for (int i = 0; i < first.length; i++) {
                    stats.add(new ColumnStats(null, false));
                }
                try (PrefetchedRecords split = new PrefetchedRecords(records, first.length)) {
                    while (split.next()) {
                        rows++;
                        long line = split.line();
                        for (int i = 0; i < first.length; i++) {
                            stats.get(i).observe(split.cell(i), line);
                        }
                        if (rows % CHECK_EVERY == 0) {
                            checkpoint(listener, rows);
                        }
                    }
                }
                header = options.header() != null ? options.header() : isHeader(first, stats);
                if (!header) {
                    for (int i = 0; i < first.length; i++) {
                        stats.get(i).observe(first[i], 1);
                    }
                    rows++;
                }
                warnAboutText(records, encoding, log);
            }
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < first.length; i++) {
                String label = header ? first[i].strip() : "";
                labels.add(label.isEmpty() ? "Colonne " + (i + 1) : label);
            }
            SourceSettings settings = new SourceSettings(format(), encoding.name(), delimiter, quote, header, null,
                    null, List.of(), null);
            listener.progress(rows);
            return AnalysisBuilder.build(settings, labels, stats, null, log, rows, options);
        } catch (IOException e) {
            throw new UnreadableFile("read-error", "Lecture impossible de « " + file.name() + " » : " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UnreadableFile("csv-invalid", "CSV illisible : " + e.getCause().getMessage(), e);
        }
    }

    /** A first record is data when one of its cells is a value of its (non-text) column's type. */
    private static boolean isHeader(String[] first, List<ColumnStats> stats) {
        for (int i = 0; i < first.length; i++) {
            if (stats.get(i).fits(first[i])) {
                return false;
            }
        }
        return true;
    }

    private static void warnAboutText(CsvRecords records, TextEncoding encoding, WarningLog log) {
        if (records.nulChars() > 0) {
            log.add("nul-bytes", records.nulChars() + " caractère(s) nul(s) (0x00) supprimé(s), le premier ligne "
                    + records.firstNulLine() + ".", records.firstNulLine(), null);
        }
        if (encoding.isMixed()) {
            log.add("mixed-encoding", "Le fichier mêle UTF-8 et un autre encodage (Windows-1252 présumé) à partir de "
                    + "la ligne " + encoding.firstInvalidLine() + " : ces octets ont été lus en Windows-1252 ; "
                    + "vérifiez les accents.", encoding.firstInvalidLine(), null);
        }
    }

    static TextEncoding encoding(SourceFile file, String forced) throws IOException {
        if (forced != null && !java.nio.charset.Charset.isSupported(forced) && !TextEncoding.MIXED.equals(forced)) {
            throw new fr.mel.opale.ingest.InvalidReadOptions("unknown-encoding", "Encodage « " + forced
                    + " » inconnu.");
        }
        TextEncoding encoding = TextEncoding.detect(file.path(), forced);
        if (encoding.bytes() - encoding.bomLength() <= 0) {
            throw new UnreadableFile("empty-file", "Le fichier « " + file.name() + " » est vide.");
        }
        return encoding;
    }

    static void checkpoint(ReadListener listener, long rows) {
        if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
            throw new ReadCancelled(rows);
        }
        listener.progress(rows);
    }

    @Override
    public RowStream open(SourceFile file, ReadPlan plan, Limits limits, ReadListener listener) {
        SourceSettings s = plan.settings();
        try {
            // The analysis already read every byte for the encoding: only a mixed file needs that pass again (its
            // warning names the first line that is not UTF-8).
            TextEncoding encoding = s.encoding() == null || TextEncoding.MIXED.equals(s.encoding())
                    || !java.nio.charset.Charset.isSupported(s.encoding()) ? encoding(file, s.encoding())
                    : TextEncoding.declared(file.path(), s.encoding());
            if (encoding.bytes() - encoding.bomLength() <= 0) {
                throw new UnreadableFile("empty-file", "Le fichier « " + file.name() + " » est vide.");
            }
            WarningLog log = new WarningLog(limits.maxWarningsPerCode());
            char delimiter = s.delimiter() == null ? ',' : s.delimiter();
            char quote = s.quote() == null ? '"' : s.quote();
            CsvRecords records = new CsvRecords(encoding.open(file.path()), delimiter, quote, limits.maxRecordChars(),
                    log);
            records.first(!Boolean.TRUE.equals(s.header()));
            records.width(plan.columns().size());
            return new PlannedRows(records, plan, log, listener, () -> warnAboutText(records, encoding, log));
        } catch (IOException e) {
            throw new UnreadableFile("read-error", "Lecture impossible de « " + file.name() + " » : " + e.getMessage(), e);
        }
    }
}
