package fr.mel.opale.data;

import fr.mel.opale.data.filter.Filter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A grouped measure over a dataset's rows — what a chart shows: one value per group, computed over the whole served
 * version (never over a page). Immutable; {@link Aggregates} checks it against the version's columns.
 *
 * @param groupBy   the column whose values make the groups (any type; rows where it is null form one group)
 * @param period    for a DATE or TIMESTAMP column: groups by day, month or year (timestamps in Europe/Paris);
 *                  null groups by the exact value. Refused on other types
 * @param measure   what each group's value is
 * @param column    the numeric (INTEGER or DECIMAL) column measured; null for {@link Measure#COUNT}, required otherwise
 * @param filter    keeps only matching rows (the OGC API's CQL2 filters); null for all rows
 * @param limit     the most groups answered one by one, 1 to {@value #MAX_LIMIT}; the rest are folded into one
 *                  "others" group, so a column of a million distinct values still answers {@code limit + 1} groups
 */
public record AggregateQuery(String groupBy, @Nullable Period period, Measure measure, @Nullable String column,
                             @Nullable Filter filter, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 500;

    /** How a group's value is computed. COUNT counts rows; the others ignore null values of the measured column. */
    public enum Measure {
        COUNT("nombre de lignes"), SUM("somme"), AVG("moyenne"), MIN("minimum"), MAX("maximum");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        /** French name, for messages. */
        public String label() {
            return label;
        }

        /** {@code count}, {@code sum}... as in URLs. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Calendar grouping of a date or timestamp column; each group's key is the first day of its period. */
    public enum Period {
        DAY, MONTH, YEAR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AggregateQuery {
        if (groupBy == null || groupBy.isBlank()) {
            throw DataProblem.invalidQuery("Choisissez la colonne qui forme les groupes (groupBy).");
        }
        if (measure == null) {
            measure = Measure.COUNT;
        }
        if (measure == Measure.COUNT) {
            column = null;
        } else if (column == null || column.isBlank()) {
            throw DataProblem.invalidQuery("La mesure « " + measure.label() + " » demande une colonne numérique.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DataProblem.invalidQuery("Le nombre de groupes doit être compris entre 1 et " + MAX_LIMIT
                    + " (reçu : " + limit + ").");
        }
    }

    /** Counts rows per value of {@code groupBy}, the {@value #DEFAULT_LIMIT} largest groups one by one. */
    public static AggregateQuery count(String groupBy) {
        return new AggregateQuery(groupBy, null, Measure.COUNT, null, null, DEFAULT_LIMIT);
    }

    public AggregateQuery withPeriod(@Nullable Period p) {
        return new AggregateQuery(groupBy, p, measure, column, filter, limit);
    }

    public AggregateQuery withMeasure(Measure m, @Nullable String measured) {
        return new AggregateQuery(groupBy, period, m, measured, filter, limit);
    }

    public AggregateQuery withFilter(@Nullable Filter f) {
        return new AggregateQuery(groupBy, period, measure, column, f, limit);
    }

    public AggregateQuery withLimit(int max) {
        return new AggregateQuery(groupBy, period, measure, column, filter, max);
    }
}
