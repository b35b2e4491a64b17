package fr.mel.opale.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.data.AggregateQuery.Measure;
import fr.mel.opale.data.AggregateQuery.Period;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;

/**
 * Grouped measures ({@link Aggregates}) on a real database, each answer compared with the same measure computed here
 * in Java from the rows the test generated (nothing taken from the database under test): counts, exact sums, averages,
 * extremes, top-N with ties by first appearance and the folded "others", periods (timestamps in Europe/Paris across a
 * new year), filters, a column of 20 000 distinct values, and every refusal. Run on H2 and PostGIS by the two
 * subclasses, so both databases give these same answers.
 */
@SpringBootTest(classes = DataStoreContract.DataTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AggregatesContract {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int ROWS = 3_000;
    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(
            new Column("commune", "Commune", ColumnType.TEXT),
            new Column("population", "Population", ColumnType.INTEGER),
            new Column("surface", "Surface (ha)", ColumnType.DECIMAL),
            new Column("ouvert", "Ouvert", ColumnType.BOOLEAN),
            new Column("releve", "Date de relevé", ColumnType.DATE),
            new Column("mesure", "Horodatage", ColumnType.TIMESTAMP),
            new Column("code", "Code unique", ColumnType.TEXT)),
            null);

    @Autowired
    Datasets datasets;
    @Autowired
    Aggregates aggregates;
    @Autowired
    AccessPolicy policy;
    @Autowired
    Catalog catalog;

    private final List<Object[]> rows = new ArrayList<>();
    private String datasetId;

    @BeforeAll
    void loadRows() {
        Random random = new Random(20261207);
        String[] communes = {"Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Marcq-en-Barœul", "Wattrelos",
                "Lambersart", "Armentières", "Loos", "Croix", "Hem", "Halluin", "Seclin", "Wasquehal", "Faches"};
        for (int i = 0; i < ROWS; i++) {
            // skewed so that counts differ, with ties and empty values
            String commune = random.nextInt(20) == 0 ? null : communes[(int) Math.min(communes.length - 1,
                    Math.abs(random.nextGaussian()) * 4)];
            Long population = random.nextInt(10) == 0 ? null : (long) random.nextInt(100_000) - 5_000;
            BigDecimal surface = random.nextInt(8) == 0 ? null
                    : BigDecimal.valueOf(random.nextInt(1_000_000), 3);
            Boolean open = random.nextInt(15) == 0 ? null : random.nextBoolean();
            LocalDate day = random.nextInt(12) == 0 ? null : LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1100));
            // around the turn of years in UTC: 23:00–23:59 UTC on 31 December is already January in Paris
            OffsetDateTime stamp = random.nextInt(12) == 0 ? null
                    : OffsetDateTime.of(2023 + random.nextInt(2), 12, 31, 22 + random.nextInt(2), random.nextInt(60),
                            0, 0, ZoneOffset.UTC).plusDays(random.nextInt(3) - 1);
            rows.add(new Object[] {commune, population, surface, open, day, stamp, "c" + i});
        }
        datasetId = policy.asPlatform(() -> {
            Dataset dataset = datasets.create("Agrégats " + UUID.randomUUID(), null);
            LoadResult result = datasets.load(dataset.id(), SCHEMA, source(), LoadOptions.defaults());
            assertThat(result.cause()).isNull();
            String recordId = "rec-agg-" + UUID.randomUUID();
            catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", "Agrégats")).build(),
                    Visibility.PUBLIC);
            datasets.linkRecord(dataset.id(), recordId);
            return dataset.id();
        });
    }

    private RowSource source() {
        return new RowSource() {
            private int i;

            @Override
            public @Nullable Row next() {
                return i < rows.size() ? Row.of(null, rows.get(i++)) : null;
            }
        };
    }

    // ---------------------------------------------------------------- expected values, computed in Java

    /** One expected group: key, the values measured, rows, first row index (ties). */
    private record Expected(@Nullable Object key, List<BigDecimal> values, long rows, int first) {
    }

    private Map<Object, Expected> groups(Function<Object[], @Nullable Object> key, int measuredColumn,
                                         Predicate<Object[]> kept) {
        Map<Object, Expected> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            if (!kept.test(row)) {
                continue;
            }
            Object k = Objects.requireNonNullElse(key.apply(row), NULL_KEY);
            Expected previous = groups.getOrDefault(k, new Expected(key.apply(row), List.of(), 0, i));
            List<BigDecimal> values = new ArrayList<>(previous.values());
            if (measuredColumn >= 0 && row[measuredColumn] != null) {
                values.add(row[measuredColumn] instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) row[measuredColumn]);
            }
            groups.put(k, new Expected(previous.key(), values, previous.rows() + 1, previous.first()));
        }
        return groups;
    }

    private static final Object NULL_KEY = new Object();

    private static @Nullable BigDecimal measure(Measure measure, Expected group) {
        List<BigDecimal> values = group.values();
        BigDecimal value = switch (measure) {
            case COUNT -> BigDecimal.valueOf(group.rows());
            case SUM -> values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVG -> values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), Aggregates.AVERAGE_SCALE, RoundingMode.HALF_EVEN);
            case MIN -> values.stream().min(Comparator.naturalOrder()).orElse(null);
            case MAX -> values.stream().max(Comparator.naturalOrder()).orElse(null);
        };
        return value == null ? null : normalised(value);
    }

    private static BigDecimal normalised(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The top {@code limit} as the contract says: measure descending (empty last), then first appearance. */
    private static List<Expected> ranked(Map<Object, Expected> groups, Measure measure) {
        return groups.values().stream().sorted(Comparator
                .comparing((Expected g) -> measure(measure, g), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingInt(Expected::first)).toList();
    }

    private void assertMatches(AggregateResult result, Map<Object, Expected> expected, Measure measure, int limit,
                               boolean chronological) {
        List<Expected> ranked = ranked(expected, measure);
        List<Expected> top = new ArrayList<>(ranked.subList(0, Math.min(limit, ranked.size())));
        if (chronological) {
            top.sort(Comparator.comparing(g -> (LocalDate) g.key(), Comparator.nullsLast(Comparator.naturalOrder())));
        }
        assertThat(result.groupCount()).isEqualTo(expected.size());
        assertThat(result.rows()).isEqualTo(expected.values().stream().mapToLong(Expected::rows).sum());
        assertThat(result.groups()).hasSize(top.size());
        for (int i = 0; i < top.size(); i++) {
            AggregateResult.Group group = result.groups().get(i);
            Expected wanted = top.get(i);
            assertThat(group.key()).as("key of group %d", i).isEqualTo(wanted.key());
            assertThat(group.rows()).as("rows of %s", wanted.key()).isEqualTo(wanted.rows());
            assertThat(group.value()).as("%s of %s", measure, wanted.key()).isEqualTo(measure(measure, wanted));
        }
        if (ranked.size() <= limit) {
            assertThat(result.others()).isNull();
            return;
        }
        List<Expected> rest = ranked.subList(limit, ranked.size());
        List<BigDecimal> restValues = rest.stream().flatMap(g -> g.values().stream()).toList();
        Expected folded = new Expected(null, restValues, rest.stream().mapToLong(Expected::rows).sum(), 0);
        assertThat(result.others()).isNotNull();
        assertThat(result.others().groups()).isEqualTo(rest.size());
        assertThat(result.others().rows()).isEqualTo(folded.rows());
        assertThat(result.others().value()).isEqualTo(measure(measure, folded));
    }

    private AggregateResult aggregate(AggregateQuery query) {
        return aggregates.aggregate(datasetId, query);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void countsPerValueWithTheLargestGroupsFirstAndTheRestFolded() {
        Map<Object, Expected> expected = groups(r -> r[0], -1, r -> true);
        assertMatches(aggregate(AggregateQuery.count("commune").withLimit(5)), expected, Measure.COUNT, 5, false);
        assertMatches(aggregate(AggregateQuery.count("commune")), expected, Measure.COUNT, 20, false);
    }

    @Test
    void sumsAveragesAndExtremesAreExact() {
        for (Measure measure : Measure.values()) {
            if (measure == Measure.COUNT) {
                continue;
            }
            assertMatches(aggregate(AggregateQuery.count("commune").withMeasure(measure, "population").withLimit(6)),
                    groups(r -> r[0], 1, r -> true), measure, 6, false);
            assertMatches(aggregate(AggregateQuery.count("ouvert").withMeasure(measure, "surface")),
                    groups(r -> r[3], 2, r -> true), measure, 20, false);
        }
    }

    @Test
    void periodsGroupDatesAndParisTimestampsInTimeOrder() {
        assertMatches(aggregate(AggregateQuery.count("releve").withPeriod(Period.MONTH).withLimit(500)),
                groups(r -> r[4] == null ? null : ((LocalDate) r[4]).withDayOfMonth(1), -1, r -> true),
                Measure.COUNT, 500, true);
        assertMatches(aggregate(AggregateQuery.count("releve").withPeriod(Period.YEAR)
                        .withMeasure(Measure.SUM, "population")),
                groups(r -> r[4] == null ? null : ((LocalDate) r[4]).withDayOfYear(1), 1, r -> true),
                Measure.SUM, 20, true);
        Function<Object[], @Nullable Object> parisDay = r -> r[5] == null ? null
                : ((OffsetDateTime) r[5]).atZoneSameInstant(PARIS).toLocalDate();
        assertMatches(aggregate(AggregateQuery.count("mesure").withPeriod(Period.DAY).withLimit(500)),
                groups(parisDay, -1, r -> true), Measure.COUNT, 500, true);
        assertMatches(aggregate(AggregateQuery.count("mesure").withPeriod(Period.YEAR)),
                groups(r -> r[5] == null ? null : ((LocalDate) parisDay.apply(r)).withDayOfYear(1), -1, r -> true),
                Measure.COUNT, 20, true);
        // a few periods only: the time order holds also when the folded groups are the earliest
        assertMatches(aggregate(AggregateQuery.count("releve").withPeriod(Period.MONTH).withLimit(4)),
                groups(r -> r[4] == null ? null : ((LocalDate) r[4]).withDayOfMonth(1), -1, r -> true),
                Measure.COUNT, 4, true);
    }

    @Test
    void filtersKeepTheirRowsOnly() {
        Filter bigTowns = new Filter.Comparison(new Operand.Property("population"), Filter.ComparisonOperator.GT,
                new Operand.Literal(50_000L));
        AggregateResult result = aggregate(AggregateQuery.count("commune").withMeasure(Measure.SUM, "surface")
                .withFilter(bigTowns).withLimit(8));
        assertMatches(result, groups(r -> r[0], 2, r -> r[1] != null && (Long) r[1] > 50_000), Measure.SUM, 8, false);
    }

    @Test
    void aMillionDistinctValuesWouldStillAnswerLimitPlusOneGroups() {
        // 3 000 distinct codes here; the bound is the same whatever their number
        AggregateResult result = aggregate(AggregateQuery.count("code").withLimit(10));
        assertThat(result.groups()).hasSize(10);
        assertThat(result.groupCount()).isEqualTo(ROWS);
        assertThat(result.others().groups()).isEqualTo(ROWS - 10);
        assertThat(result.others().rows()).isEqualTo(ROWS - 10);
        // all of count 1: ties go by first appearance
        assertThat(result.groups()).extracting(AggregateResult.Group::key)
                .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
    }

    @Test
    void badRequestsAreRefusedWithAFrenchMessage() {
        assertProblem(() -> aggregate(AggregateQuery.count("inconnue")), "La colonne « inconnue » n'existe pas",
                "commune, population");
        assertProblem(() -> aggregate(AggregateQuery.count("commune").withMeasure(Measure.SUM, "commune")),
                "Impossible de calculer « somme » sur la colonne « Commune »", "Colonnes numériques : population, surface");
        assertProblem(() -> aggregate(AggregateQuery.count("commune").withMeasure(Measure.AVG, "absente")),
                "La colonne « absente » n'existe pas");
        assertProblem(() -> aggregate(AggregateQuery.count("commune").withPeriod(Period.MONTH)),
                "ne s'applique qu'à une colonne de dates");
        assertProblem(() -> aggregate(AggregateQuery.count("commune").withFilter(new Filter.Comparison(
                new Operand.Property("nulle_part"), Filter.ComparisonOperator.EQ, new Operand.Literal(1L)))),
                "nulle_part");
        assertProblem(() -> AggregateQuery.count("commune").withLimit(0), "entre 1 et 500");
        assertProblem(() -> AggregateQuery.count("commune").withMeasure(Measure.MAX, null), "demande une colonne");
    }

    @Test
    void aHiddenDatasetIsNotFound() {
        String hidden = policy.asPlatform(() -> {
            Dataset dataset = datasets.create("Caché " + UUID.randomUUID(), null);
            datasets.load(dataset.id(), SCHEMA, source(), LoadOptions.defaults());
            return dataset.id();
        });
        assertThatThrownBy(() -> aggregates.aggregate(hidden, AggregateQuery.count("commune")))
                .isInstanceOfSatisfying(DataProblem.class,
                        p -> assertThat(p.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(policy.asPlatform(() -> aggregates.aggregate(hidden, AggregateQuery.count("commune"))).rows())
                .isEqualTo(ROWS);
    }

    private static void assertProblem(Runnable call, String... fragments) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DataProblem.class, problem -> {
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.getBody().getDetail()).contains(fragments);
        });
    }
}
