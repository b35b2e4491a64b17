package fr.mel.opale.ingest;

import java.util.List;

/**
 * What the producer sees before publishing: the detected {@link ReadPlan} (settings, columns, geometry guess), the
 * profile of each column (same order as {@code plan().columns()}), the row count and the warnings. Apply the
 * producer's corrections with {@code plan().apply(overrides)} and read with {@link TableReaders#open}.
 *
 * @param rows data rows (header excluded, skipped blank or junk records excluded)
 */
public record Analysis(ReadPlan plan, List<ColumnProfile> columns, long rows, List<ReadWarning> warnings) {
    public Analysis {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    /** The profile of the column with this identifier or label. */
    public ColumnProfile column(String reference) {
        return columns.stream().filter(c -> c.name().equals(reference)).findFirst()
                .or(() -> columns.stream().filter(c -> c.label().equals(reference)).findFirst())
                .orElseThrow(() -> new InvalidReadOptions("unknown-column", "Colonne « " + reference + " » inconnue."));
    }

    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }
}
