package fr.mel.opale.ingest;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the rows of a {@link SpeculativeRead} already delivered become those of the whole file's plan without being
 * read again, when the two plans differ only by columns that widen (integer to decimal or text, date to text): the
 * values delivered for the guess convert to the final type exactly, except the few {@link #cells()} given here.
 *
 * @param plan       the whole file's plan (that of {@link SpeculativeRead#analysis()})
 * @param difference how it differs from the guess, in the producer's words (as {@link PlanRevised#difference()})
 * @param dateText for an output column of dates that becomes text, the pattern its delivered dates were written
 *                 in ({@code yyyy-MM-dd} or {@code dd/MM/yyyy}), by output column index
 * @param cells    the values to write over those delivered, typed for the final plan
 */
public record Widening(ReadPlan plan, String difference, Map<Integer, String> dateText, List<Cell> cells) {
    public Widening {
        dateText = Map.copyOf(dateText);
        cells = List.copyOf(cells);
    }

    /** Row {@code row} (1-based, as {@link Row#number()}), output column {@code column}: {@code value}. */
    public record Cell(long row, int column, @Nullable Object value) {
    }
}
