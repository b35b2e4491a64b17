package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.SourceSettings;
import fr.mel.opale.ingest.Widening;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the rows a speculative read delivered for its guess can become the whole file's rows without
 * reading the file again, and how ({@link Widening}): only when the plans differ by output columns that widen
 * losing nothing — integer to decimal when every integer was written as plain digits (the same number whatever
 * the decimal mark), integer to text likewise (the digits are the text), date to text when every date was written
 * in one of yyyy-MM-dd or dd/MM/yyyy (the text is the date in that pattern) — and every cell the guess did not hold
 * as written was kept ({@link KeptCells}). Anything else (settings, geometry, a column that narrows or changes its
 * number format, a boolean turned text) is left to a second read: those files are rare, a wrong table is not.
 */
final class LateWidening {
    private LateWidening() {
    }

    static @Nullable Widening between(ReadPlan guess, ReadPlan whole, PlannedRows rows, KeptCells kept) {
        if (!Objects.equals(withoutMark(guess.settings()), withoutMark(whole.settings())) || !Objects.equals(guess.geometry(), whole.geometry())
                || guess.columns().size() != whole.columns().size()) {
            return null;
        }
        Map<Integer, String> dateText = new HashMap<>();
        List<Widening.Cell> cells = new ArrayList<>();
        int output = -1;
        for (int i = 0; i < guess.columns().size(); i++) {
            ColumnPlan before = guess.columns().get(i);
            ColumnPlan after = whole.columns().get(i);
            if (before.skip() != after.skip()) {
                return null;
            }
            if (!before.skip()) {
                output++;
            }
            if (before.equals(after)) {
                if (!before.skip() && rows.rejected(output) > 0) {
                    return null; // a forced type's misfits, reported among those of the widened columns
                }
                continue;
            }
            if (before.skip() || before.source() != after.source() || !before.label().equals(after.label())
                    || !before.name().equals(after.name()) || before.declared() != after.declared()
                    || !widens(before.type(), after.type(), kept, output) || !kept.complete(output)) {
                return null;
            }
            if (before.type() == ColumnType.DATE) {
                dateText.put(output, kept.dates(output) == KeptCells.FRENCH_DATES ? "dd/MM/yyyy" : "yyyy-MM-dd");
            }
            char mark = after.decimalSeparator() == null ? '.' : after.decimalSeparator();
            for (int k = 0; k < kept.size(output); k++) {
                String raw = kept.raw(output, k);
                Object value;
                if (after.type() == ColumnType.TEXT) {
                    value = raw;
                } else {
                    String t = raw.strip();
                    value = CellText.isNullMarker(t) ? null : PlannedRows.parse(t, after.type(), mark);
                    if (value == null && !CellText.isNullMarker(t)) {
                        return null; // the whole file's type does not take it either: leave it to a read
                    }
                }
                if (value != null) {
                    cells.add(new Widening.Cell(kept.row(output, k), output, value));
                }
            }
        }
        return new Widening(whole, SpeculativeCsvRead.difference(guess, whole), dateText, cells);
    }

    /**
     * The settings but the file's decimal mark, which only sums up its numeric columns' (compared one by one): a
     * column of integers turned text may take the only mark the file had.
     */
    private static SourceSettings withoutMark(SourceSettings s) {
        return new SourceSettings(s.format(), s.encoding(), s.delimiter(), s.quote(), s.header(), null, s.layer(),
                s.layers(), s.sourceSrid());
    }

    private static boolean widens(ColumnType from, ColumnType to, KeptCells kept, int output) {
        if (from == ColumnType.INTEGER) {
            return (to == ColumnType.DECIMAL || to == ColumnType.TEXT) && kept.plainIntegers(output);
        }
        return from == ColumnType.DATE && to == ColumnType.TEXT && kept.dates(output) != KeptCells.OTHER_DATES;
    }
}
