package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.PlanRevised;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.ReadSummary;
import fr.mel.opale.ingest.Row;
import fr.mel.opale.ingest.SourceSettings;
import fr.mel.opale.ingest.SpeculativeRead;
import fr.mel.opale.ingest.UnreadableFile;
import fr.mel.opale.ingest.Widening;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A CSV read typed by a guessed plan while a {@link CsvProfile} analyses every record (see {@link SpeculativeRead}).
 * The records are split on their own thread ({@link PrefetchedRecords}); typing them for the plan and for the
 * analysis happen on the consumer's thread, one record at a time.
 */
final class SpeculativeCsvRead implements SpeculativeRead {
    /** The warnings the analysis pass raises from the records themselves, which this single pass raises once. */
    private static final Set<String> RECORD_WARNINGS = Set.of("ragged-row", "nul-bytes", "mixed-encoding");

    private final ReadPlan guess;
    private final long expectedRows;
    private final CsvRecords records;
    private final PlannedRows rows;
    private final TextEncoding encoding;
    private final Supplier<Analysis> wholeFile;
    private final TextEncoding.@Nullable Check check;
    private final KeptCells kept;
    private @Nullable Analysis analysis;
    private @Nullable Widening widening;

    SpeculativeCsvRead(ReadPlan guess, long expectedRows, CsvRecords records, String[] first,
                       SourceSettings detected, ReadOptions options, WarningLog log, TextEncoding encoding,
                       TextEncoding.@Nullable Check check, fr.mel.opale.ingest.ReadListener listener,
                       Supplier<Analysis> wholeFile) {
        this.guess = guess;
        this.check = check;
        this.kept = new KeptCells(guess.outputColumns().size());
        this.encoding = encoding;
        this.wholeFile = wholeFile;
        this.expectedRows = expectedRows;
        this.records = records;
        CsvProfile profile = new CsvProfile(first);
        boolean replayed = !Boolean.TRUE.equals(guess.settings().header());
        ObservedRecords observed = new ObservedRecords(new PrefetchedRecords(records, guess.columns().size()),
                profile, replayed);
        int perCode = options.limits().maxWarningsPerCode();
        this.rows = new PlannedRows(observed, guess, log, listener, () -> {
            checkEncoding();
            CsvReader.warnAboutText(records, encoding, log);
            WarningLog analysisLog = new WarningLog(perCode);
            analysisLog.addAll(log, RECORD_WARNINGS);
            Analysis whole = profile.analysis(detected, options, analysisLog);
            if (!whole.plan().equals(guess)) {
                // Columns that only widened are widened in what was written; anything else is read again.
                Widening widened = LateWidening.between(guess, whole.plan(), plannedRows(), kept);
                if (widened == null) {
                    throw new PlanRevised(whole, difference(guess, whole.plan()));
                }
                plannedRows().forgetRejections();
                widening = widened;
            }
            analysis = whole;
        });
        this.rows.keepCells(kept);
    }

    /**
     * An encoding decided from the file's ends ({@link TextEncoding#legacyByItsEnds}) against the decision over all
     * its bytes, just read: when they differ, the text delivered was decoded wrongly somewhere, and the whole file
     * is analysed again with every byte's encoding — as {@link #next()} does for a UTF-8 guess.
     */
    private void checkEncoding() {
        if (check == null) {
            return;
        }
        String whole = check.decision();
        if (!encoding.name().equals(whole)) {
            Analysis analysed = wholeFile.get();
            throw new PlanRevised(analysed, "encodage « " + encoding.name() + " » d'après le début et la fin du "
                    + "fichier, « " + analysed.plan().settings().encoding() + " » sur tout le fichier");
        }
    }

    /** The rows, from the end-of-file check their constructor is handed (the field is set by then). */
    private PlannedRows plannedRows() {
        return rows;
    }

    @Override
    public @Nullable Widening widening() {
        if (analysis == null) {
            throw new IllegalStateException("the rows have not all been read");
        }
        return widening;
    }

    /** The first way the plans differ, in the producer's words. */
    static String difference(ReadPlan guessed, ReadPlan whole) {
        if (!Objects.equals(guessed.settings().header(), whole.settings().header())) {
            return Boolean.TRUE.equals(whole.settings().header()) ? "la première ligne est un en-tête"
                    : "la première ligne est une ligne de données";
        }
        List<ColumnPlan> a = guessed.columns();
        List<ColumnPlan> b = whole.columns();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ColumnPlan before = a.get(i);
            ColumnPlan after = b.get(i);
            if (before.type() != after.type()) {
                return "colonne « " + after.label() + " » : " + AnalysisBuilder.label(before.type()) + " au début, "
                        + AnalysisBuilder.label(after.type()) + " sur tout le fichier";
            }
            if (!before.equals(after)) {
                return "colonne « " + after.label() + " » : format des valeurs";
            }
        }
        if (!Objects.equals(guessed.geometry(), whole.geometry())) {
            return "géométrie";
        }
        return "réglages du fichier";
    }

    @Override
    public ReadPlan guess() {
        return guess;
    }

    @Override
    public long expectedRows() {
        return expectedRows;
    }

    @Override
    public Analysis analysis() {
        if (analysis == null) {
            throw new IllegalStateException("the rows have not all been read");
        }
        return analysis;
    }

    @Override
    public List<ColumnPlan> columns() {
        return rows.columns();
    }

    /**
     * The next row. An encoding decided from the file's ends ({@link TextEncoding#utf8ByItsEnds}) that meets a byte
     * which is not UTF-8 revises the plan like a late value: the whole file is analysed, with every byte's encoding.
     */
    @Override
    public @Nullable Row next() {
        try {
            return rows.next();
        } catch (UnreadableFile e) {
            if (!encoding.verifiesAsRead() || !CsvReader.notUtf8(e)) {
                throw e;
            }
            Analysis whole = wholeFile.get();
            throw new PlanRevised(whole, "le fichier n'est pas entièrement en UTF-8 ; encodage du fichier entier : "
                    + (TextEncoding.MIXED.equals(whole.plan().settings().encoding()) ? "UTF-8 et Windows-1252 mêlés"
                    : whole.plan().settings().encoding()));
        }
    }

    @Override
    public ReadSummary summary() {
        return rows.summary();
    }

    @Override
    public void close() {
        try {
            rows.close();
        } finally {
            try {
                records.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
