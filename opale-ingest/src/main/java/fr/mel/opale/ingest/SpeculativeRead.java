package fr.mel.opale.ingest;

/**
 * A file's rows read before the whole file is known, so that a large file is read once rather than twice: they are typed by a plan guessed from the
 * file's first records while the same pass analyses every record, as {@link TableReader#analyse} would. At the end
 * of the rows the two are compared: when the analysis of the whole file gives the same plan, the rows are exactly
 * those {@code open(file, analysis().plan(), …)} would have given, and the file was read once instead of twice;
 * when it does not (a late value demotes a column, a column empty at first fills up...), the rows already delivered
 * are either {@link #widening() widened} — a column of integers or dates turned text or decimal late, whose values
 * convert exactly — or {@link #next()} throws
 * {@link PlanRevised} instead of its last null, carrying the whole file's analysis for a second, ordinary read.
 */
public interface SpeculativeRead extends RowStream {
    /** The plan the rows are typed by, guessed from the first records (the producer's corrections applied). */
    ReadPlan guess();

    /** About how many rows the file holds, from the length of its first records: a hint, not a count. */
    long expectedRows();

    /**
     * The analysis of the whole file, equal in every way to what {@link TableReader#analyse} returns for it.
     *
     * @throws IllegalStateException before {@link #next()} has returned null
     */
    Analysis analysis();

    /**
     * After {@link #next()} has returned null: how the rows delivered become those of {@link #analysis()}'s plan
     * when it widened some columns of the {@link #guess()} rather than throw {@link PlanRevised}; null when the
     * plan is the guess.
     */
    default @org.jspecify.annotations.Nullable Widening widening() {
        return null;
    }
}
