package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.PlanRevised;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.ReadSummary;
import fr.mel.opale.ingest.Row;
import fr.mel.opale.ingest.SpeculativeRead;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A feature file (GeoJSON) read typed by a guessed plan while every feature is analysed on the way (see {@link
 * SpeculativeRead}); at the end, the whole file's analysis, or {@link PlanRevised} when its plan is not the guess.
 * No widening here: a feature's values come typed by the format, and a plan that differs is read again.
 */
final class SpeculativeFeatureRead implements SpeculativeRead {
    private final ReadPlan guess;
    private final long expectedRows;
    private final PlannedRows rows;
    private @Nullable Analysis analysis;

    /**
     * @param observed  the features, each analysed as it is read
     * @param wholeFile the analysis of all the features read, into a fresh log
     */
    SpeculativeFeatureRead(ReadPlan guess, long expectedRows, RecordSource observed, WarningLog log,
                           ReadListener listener, Function<WarningLog, Analysis> wholeFile, int perCode) {
        this.guess = guess;
        this.expectedRows = expectedRows;
        this.rows = new PlannedRows(observed, guess, log, listener, () -> {
            Analysis whole = wholeFile.apply(new WarningLog(perCode));
            if (!whole.plan().equals(guess)) {
                throw new PlanRevised(whole, SpeculativeCsvRead.difference(guess, whole.plan()));
            }
            analysis = whole;
        });
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

    @Override
    public @Nullable Row next() {
        return rows.next();
    }

    @Override
    public ReadSummary summary() {
        return rows.summary();
    }

    @Override
    public void close() {
        rows.close();
    }
}
