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
import fr.mel.opale.ingest.SpeculativeRead;
import fr.mel.opale.ingest.TableReader;
import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV, TSV and delimited TXT. Analysis: encoding over all bytes ({@link TextEncoding}), separator from the start
 * ({@link CsvDialect}), then one streamed pass over every record infers column types ({@link ColumnStats}); the
 * first record is a header unless one of its cells is a value of its column's type (the splitting runs on a second
 * thread, {@link PrefetchedRecords}). Read: the same parsing, rows typed by the plan.
 */
public final class CsvReader implements TableReader {
    static final int CHECK_EVERY = 4096;
    static final int TAIL_BYTES = 1 << 20;

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
            SourceSettings detected = dialect(file, options, encoding);
            Limits limits = options.limits();
            WarningLog log = new WarningLog(limits.maxWarningsPerCode());
            Analysis analysis;
            try (CsvRecords records = new CsvRecords(encoding.open(file.path()), detected.delimiter(),
                    detected.quote(), limits.maxRecordChars(), log)) {
                CsvProfile profile = new CsvProfile(first(records, file, limits));
                try (PrefetchedRecords split = new PrefetchedRecords(records, profile.width())) {
                    while (split.next()) {
                        profile.observe(split);
                        if (profile.rows() % CHECK_EVERY == 0) {
                            checkpoint(listener, profile.rows());
                        }
                    }
                }
                warnAboutText(records, encoding, log);
                analysis = profile.analysis(detected, options, log);
            }
            listener.progress(analysis.rows());
            return analysis;
        } catch (IOException e) {
            throw readError(file, e);
        } catch (UncheckedIOException e) {
            throw invalidCsv(e);
        }
    }

    /**
     * The first {@code guessRows} records guess the plan; the rows are then read with it while every record is
     * analysed (see {@link SpeculativeRead}). Null when the file is no longer than that: analysing it first costs
     * next to nothing. Whatever is wrong with the file (empty, too wide...) is left to {@link #analyse}'s messages.
     *
     * <p>Unless the options force an encoding, a large file's is decided from its two ends when both are UTF-8
     * ({@link TextEncoding#utf8ByItsEnds}): the rest is checked as it is decoded, and a byte that is not UTF-8 ends
     * the read with a {@link fr.mel.opale.ingest.PlanRevised} carrying the whole file's analysis, as a late value
     * does — instead of a pass over every byte before the first row. When they are not UTF-8, a single-byte
     * encoding (or UTF-8 mixed with Windows-1252) is decided from them alike ({@link TextEncoding#legacyByItsEnds})
     * and checked over every byte as the rows are read: a whole file that decides otherwise (a euro sign late in
     * a file taken for ISO-8859-1...) ends the read with a {@code PlanRevised} too, before any row is published.
     */
    @Override
    public @Nullable SpeculativeRead speculate(SourceFile file, ReadOptions options, Limits limits, int guessRows,
                                               ReadListener listener) {
        try {
            TextEncoding encoding = null;
            if (options.encoding() == null) {
                encoding = TextEncoding.utf8ByItsEnds(file.path());
                if (encoding == null) {
                    encoding = TextEncoding.legacyByItsEnds(file.path());
                }
            }
            Guess guess;
            try {
                guess = guess(file, options, encoding != null ? encoding : encoding(file, options.encoding()),
                        guessRows);
            } catch (IOException | UncheckedIOException e) {
                if (encoding == null || !notUtf8(e)) {
                    throw e;
                }
                // the first records reach beyond the checked start, and there the file is not UTF-8
                guess = guess(file, options, encoding(file, options.encoding()), guessRows);
            }
            if (guess == null) {
                return null;
            }
            WarningLog log = new WarningLog(limits.maxWarningsPerCode());
            TextEncoding.Check check = guess.encoding().checkedByScan() ? new TextEncoding.Check() : null;
            CsvRecords records = new CsvRecords(guess.encoding().open(file.path(), check),
                    guess.detected().delimiter(), guess.detected().quote(), options.limits().maxRecordChars(), log);
            try {
                String[] first = records.first(!Boolean.TRUE.equals(guess.plan().settings().header()));
                records.width(guess.plan().columns().size());
                return new SpeculativeCsvRead(guess.plan(), guess.expectedRows(), records, first, guess.detected(),
                        options, log, guess.encoding(), check, listener, () -> analyse(file, options, listener));
            } catch (RuntimeException e) {
                records.close();
                throw e;
            }
        } catch (IOException e) {
            throw readError(file, e);
        } catch (UncheckedIOException e) {
            throw invalidCsv(e);
        }
    }

    /** The file could not be read (missing, unreadable, cut short): its name and the system's reason. */
    private static UnreadableFile readError(SourceFile file, IOException e) {
        return new UnreadableFile("read-error", "Lecture impossible de « " + file.name() + " » : " + e.getMessage(), e);
    }

    /**
     * A failure met while splitting the records, which {@link CsvRecords} reports unchecked: mostly bytes that the
     * encoding refuses. Only {@link #analyse} and {@link #speculate} translate it; {@link #open} leaves it to the caller.
     */
    private static UnreadableFile invalidCsv(UncheckedIOException e) {
        return new UnreadableFile("csv-invalid", "CSV illisible : " + e.getCause().getMessage(), e);
    }

    /** A plan guessed from a file's first records and its end, with what it was read with. */
    private record Guess(TextEncoding encoding, SourceSettings detected, ReadPlan plan, long expectedRows) {
    }

    /** The guess of {@link #speculate}; null when the file has no more than {@code guessRows} records. */
    private @Nullable Guess guess(SourceFile file, ReadOptions options, TextEncoding encoding, int guessRows)
            throws IOException {
        SourceSettings detected = dialect(file, options, encoding);
        Limits analysisLimits = options.limits();
        try (CsvRecords records = new CsvRecords(encoding.open(file.path()), detected.delimiter(),
                detected.quote(), analysisLimits.maxRecordChars(), new WarningLog(1))) {
            String[] first = records.first(false);
            if (first == null || first.length > analysisLimits.maxColumns()) {
                return null;
            }
            CsvProfile sample = new CsvProfile(first);
            long sampleChars = 0;
            while (sample.rows() < guessRows && records.next()) {
                sample.observe(records);
                for (int i = 0; i < first.length; i++) {
                    Object cell = records.cell(i);
                    sampleChars += (cell == null ? 0 : cell.toString().length()) + 1;
                }
            }
            if (sample.rows() < guessRows || !records.next()) {
                return null;
            }
            for (String[] cells : tail(file, encoding, detected, first.length, analysisLimits.maxRecordChars())) {
                sample.observe(cells, 0);
            }
            ReadPlan plan = sample.analysis(detected, options, new WarningLog(1)).plan();
            return new Guess(encoding, detected, plan, encoding.bytes() / Math.max(1, sampleChars / sample.rows()));
        }
    }

    /** Whether a failure is a decoder's refusal of bytes that are not in the encoding it was given. */
    static boolean notUtf8(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The complete records of the file's last {@value #TAIL_BYTES} bytes, which a guess reads too: late values (a
     * code with a letter, a column that fills up) are what a guess from the start alone misses. The cut may fall
     * inside a quoted value that spans lines, so reading starts after the first of the first four line breaks from
     * which every record is as wide as the header; none of them (or a file under four times that size, or in UTF-16)
     * and the end is left out — a wrong guess only costs a second read, a misread end would make one likely.
     */
    private static List<String[]> tail(SourceFile file, TextEncoding encoding, SourceSettings detected, int width,
                                       int maxRecordChars) throws IOException {
        long size = encoding.bytes();
        if (size < 4L * TAIL_BYTES || encoding.name().startsWith("UTF-16")) {
            return List.of();
        }
        byte[] end = new byte[TAIL_BYTES];
        int length = FileSlice.read(file.path(), size - TAIL_BYTES, end);
        int start = -1;
        for (int attempt = 0; attempt < 4; attempt++) {
            // from the next line break: the previous one may have been inside a quoted value
            do {
                start++;
            } while (start < length && end[start] != '\n');
            if (start >= length) {
                return List.of();
            }
            List<String[]> records = records(new String(end, start + 1, length - start - 1,
                    encoding.charset()), detected, width, maxRecordChars);
            if (records != null) {
                return records;
            }
        }
        return List.of();
    }

    /** The records of a text as wide as the header, or null when one is not (the text starts mid-record). */
    private static @Nullable List<String[]> records(String text, SourceSettings detected, int width,
                                                    int maxRecordChars) throws IOException {
        WarningLog log = new WarningLog(1);
        List<String[]> records = new java.util.ArrayList<>();
        try (CsvRecords tail = new CsvRecords(new java.io.StringReader(text), detected.delimiter(), detected.quote(),
                maxRecordChars, log)) {
            String[] first = tail.first(true);
            if (first == null || first.length != width) {
                return null;
            }
            while (tail.next()) {
                String[] cells = new String[width];
                for (int i = 0; i < width; i++) {
                    cells[i] = (String) tail.cell(i);
                }
                records.add(cells);
            }
        } catch (UncheckedIOException | UnreadableFile e) {
            return null; // a record too long for the limits, read from the middle of a quoted value
        }
        return log.count("ragged-row") > 0 ? null : records;
    }

    /** Format, encoding, delimiter and quote: the options' when given, else detected. */
    private SourceSettings dialect(SourceFile file, ReadOptions options, TextEncoding encoding) throws IOException {
        char quote = options.quote() != null ? options.quote() : '"';
        char delimiter;
        if (options.delimiter() != null) {
            delimiter = options.delimiter();
        } else {
            try (Reader sample = encoding.open(file.path())) {
                delimiter = CsvDialect.delimiter(sample, quote, file.extension());
            }
        }
        return new SourceSettings(format(), encoding.name(), delimiter, quote, null, null, null, List.of(), null);
    }

    private static String[] first(CsvRecords records, SourceFile file, Limits limits) {
        String[] first = records.first(false);
        if (first == null) {
            throw new UnreadableFile("empty-file", "Le fichier « " + file.name() + " » ne contient aucune ligne.");
        }
        if (first.length > limits.maxColumns()) {
            throw new UnreadableFile("too-many-columns", "Le fichier a " + first.length + " colonnes, plus que les "
                    + limits.maxColumns() + " acceptées.");
        }
        return first;
    }

    static void warnAboutText(CsvRecords records, TextEncoding encoding, WarningLog log) {
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
        return nonEmpty(TextEncoding.detect(file.path(), forced), file);
    }

    /** The encoding of a file that has text after its byte order mark; an empty file fails here. */
    private static TextEncoding nonEmpty(TextEncoding encoding, SourceFile file) {
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
                    : nonEmpty(TextEncoding.declared(file.path(), s.encoding()), file);
            WarningLog log = new WarningLog(limits.maxWarningsPerCode());
            char delimiter = s.delimiter() == null ? ',' : s.delimiter();
            char quote = s.quote() == null ? '"' : s.quote();
            CsvRecords records = new CsvRecords(encoding.open(file.path()), delimiter, quote, limits.maxRecordChars(),
                    log);
            records.first(!Boolean.TRUE.equals(s.header()));
            records.width(plan.columns().size());
            return new PlannedRows(records, plan, log, listener, () -> warnAboutText(records, encoding, log));
        } catch (IOException e) {
            throw readError(file, e);
        }
    }
}
