package fr.mel.opale.web.dataset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chart tab: the choices (what groups, what is measured, how drawn) and, when they make sense, the groups as rows
 * of a table — the chart's numbers for everyone, and what the script draws from.
 *
 * @param error    a French message when the choices do not make sense (the page then answers 400); null otherwise
 * @param apiUrl   the same numbers from {@code /api/datasets/{id}/aggregate} (JSON); {@code csvUrl} as CSV
 */
public record ChartView(String groupBy, @Nullable String period, String measure, int limit, @Nullable String filter,
                        String kind, List<Option> groupOptions, List<Option> measureOptions,
                        @Nullable String error, @Nullable Result result, String apiUrl, String csvUrl) {
    /** A choice of a select; {@code selected} when it is the current one. */
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * @param caption   what the table and chart show, in words ("Nombre de lignes par Commune")
     * @param periodic  groups are periods in time order (the chart draws a line by default)
     */
    public record Result(String caption, String groupTitle, String measureTitle, boolean periodic, long rows,
                         long groupCount, List<Row> groups, @Nullable Row others) {
    }

    /** One group: its label, its value as written and as a plain number (for the script), its rows. */
    public record Row(String label, String value, @Nullable String raw, String rowsText) {
    }
}
