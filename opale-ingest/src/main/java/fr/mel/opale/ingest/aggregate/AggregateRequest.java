package fr.mel.opale.ingest.aggregate;

import fr.mel.opale.data.AggregateQuery;
import fr.mel.opale.data.AggregateQuery.Measure;
import fr.mel.opale.data.AggregateQuery.Period;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.filter.FilterReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of an aggregate as people and URLs write them, read into an {@link AggregateQuery}:
 * {@code groupBy=commune}, {@code period=day|month|year}, {@code measure=count} or {@code measure=sum(population)}
 * ({@code avg}, {@code min}, {@code max} likewise), {@code limit=20}, {@code filter=<CQL2 text>}. Every mistake is a
 * 400 whose French message says what is accepted. Empty values count as absent.
 */
public final class AggregateRequest {
    private static final Pattern MEASURE = Pattern.compile("([a-zA-Z]+)\\s*(?:\\(\\s*([^()\\s]*)\\s*\\))?");

    private AggregateRequest() {
    }

    /**
     * @param filters reads the CQL2 filter; a filter that does not parse is a 400 naming line and column
     */
    public static AggregateQuery read(@Nullable String groupBy, @Nullable String period, @Nullable String measure,
                                      @Nullable String limit, @Nullable String filter, FilterReader filters) {
        if (blank(groupBy)) {
            throw DataProblem.invalidQuery("Le paramètre groupBy (la colonne qui forme les groupes) est obligatoire.");
        }
        MeasureSpec spec = measure(measure);
        return new AggregateQuery(groupBy.strip(), period(period), spec.measure(), spec.column(),
                blank(filter) ? null : filters.cql2Text(filter), limit(limit));
    }

    /** A measure and its column, as in {@code sum(population)}. */
    public record MeasureSpec(Measure measure, @Nullable String column) {
        /** {@code count} or {@code sum(population)}: the form {@link #measure} reads. */
        public String code() {
            return column == null ? measure.code() : measure.code() + "(" + column + ")";
        }
    }

    /** {@code count} when blank. */
    public static MeasureSpec measure(@Nullable String raw) {
        if (blank(raw)) {
            return new MeasureSpec(Measure.COUNT, null);
        }
        Matcher matcher = MEASURE.matcher(raw.strip());
        Measure measure = null;
        if (matcher.matches()) {
            measure = Arrays.stream(Measure.values())
                    .filter(m -> m.code().equals(matcher.group(1).toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        }
        if (measure == null) {
            throw DataProblem.invalidQuery("Mesure « " + raw + " » incomprise : écrivez count, ou sum(colonne), "
                    + "avg(colonne), min(colonne) ou max(colonne) avec le nom d'une colonne numérique.");
        }
        String column = matcher.group(2);
        if (measure == Measure.COUNT) {
            return new MeasureSpec(measure, null);
        }
        if (blank(column)) {
            throw DataProblem.invalidQuery("La mesure « " + measure.label() + " » demande une colonne numérique : "
                    + "écrivez par exemple " + measure.code() + "(population).");
        }
        return new MeasureSpec(measure, column);
    }

    /** Null when blank. */
    public static @Nullable Period period(@Nullable String raw) {
        if (blank(raw)) {
            return null;
        }
        return Arrays.stream(Period.values()).filter(p -> p.code().equals(raw.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> DataProblem.invalidQuery("Période « " + raw + " » inconnue : "
                        + Arrays.stream(Period.values()).map(Period::code).collect(Collectors.joining(", "))
                        + " sont possibles."));
    }

    private static int limit(@Nullable String raw) {
        if (blank(raw)) {
            return AggregateQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw DataProblem.invalidQuery("Le nombre de groupes (limit) doit être un entier entre 1 et "
                    + AggregateQuery.MAX_LIMIT + " (reçu : « " + raw + " »).");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
