package fr.mel.opale.data;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.mel.opale.data.AggregateQuery.Measure;
import fr.mel.opale.data.internal.AggregateSql;
import fr.mel.opale.data.internal.filter.FilterSql;
import fr.mel.opale.data.internal.TableStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Grouped measures over a dataset's whole served version (charts): one SQL {@code GROUP BY} on the database, the CQL2
 * filter translated as for the features, the groups bounded (the largest {@code limit} ones, then one "others").
 *
 * <p>Visibility is {@link Features}'s: a dataset the viewer may not read is not found (404), checked at every call.
 * A published version never changes, so answers are cached by dataset, version and query (after the access check);
 * a new version is a new key. Thread-safe.
 */
@Service
public class Aggregates {
    /** Decimals of averages: enough for any chart, and the same on both databases (computed here, not in SQL). */
    public static final int AVERAGE_SCALE = 10;
    private final Features features;
    private final TableStore store;
    private final DataSource dataSource;
    private final Cache<CacheKey, AggregateResult> answers = Caffeine.newBuilder().maximumSize(2_000).build();

    public Aggregates(Features features, TableStore store, DataSource dataSource) {
        this.features = features;
        this.store = store;
        this.dataSource = dataSource;
    }

    /** {@code scope}: the reader's rows and columns (the reader scope's key): readers share answers only when equal. */
    private record CacheKey(String datasetId, int version, String scope, AggregateQuery query) {
    }

    /**
     * The groups of {@code query} over the served version of {@code datasetId}.
     *
     * @throws DataProblem 404 when the dataset is unknown, hidden or without data; 400 (French message naming what
     *                     is wrong and what is possible) for an unknown column, a measure on a column that is not a
     *                     number, a period on a column that is not a date, or a filter that does not fit the columns
     */
    public AggregateResult aggregate(String datasetId, AggregateQuery query) {
        Features.Readable readable = features.readable(datasetId, null);
        DatasetVersion version = readable.seen();
        Column groupBy = column(version, query.groupBy());
        if (query.period() != null && !AggregateSql.periodic(groupBy.type())) {
            throw DataProblem.invalidQuery("Le regroupement par période (jour, mois, année) ne s'applique qu'à une "
                    + "colonne de dates ; « " + groupBy.title() + " » n'en est pas une.");
        }
        Column measured = query.column() == null ? null : column(version, query.column());
        if (measured != null && !AggregateSql.measurable(measured.type())) {
            throw DataProblem.invalidQuery("Impossible de calculer « " + query.measure().label() + " » sur la colonne « "
                    + measured.title() + " » (" + measured.name() + ") : elle ne contient pas des nombres. "
                    + numericColumns(version));
        }
        // translated before the cache is asked: a filter naming an unknown column is a 400 whatever is cached
        FilterSql.Where asked = query.filter() == null ? new FilterSql.Where("TRUE", List.of())
                : FilterSql.translate(query.filter(), version, store);
        FilterSql.Where rows = readable.rowCondition(store);
        FilterSql.Where where = rows == null ? asked : and(asked, rows);
        return answers.get(new CacheKey(version.datasetId(), version.number(), readable.scope().key(), query),
                key -> compute(version, query, groupBy, measured, where));
    }

    private static FilterSql.Where and(FilterSql.Where first, FilterSql.Where second) {
        List<FilterSql.Param> params = new ArrayList<>(first.params());
        params.addAll(second.params());
        return new FilterSql.Where("(" + first.sql() + ") AND (" + second.sql() + ")", params);
    }

    private AggregateResult compute(DatasetVersion version, AggregateQuery query, Column groupBy,
                                    @Nullable Column measured, FilterSql.Where where) {
        String sql = AggregateSql.statement(version, query, groupBy, measured, where.sql());
        List<AggregateResult.Group> groups = new ArrayList<>();
        AggregateResult.Others others = null;
        long rows = 0;
        long groupCount = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            where.bind(statement, 1);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    long n = result.getLong(2);
                    long measuredCount = result.getLong(3);
                    BigDecimal value = value(query.measure(), n, measuredCount, result.getBigDecimal(4),
                            result.getBigDecimal(5), result.getBigDecimal(6));
                    long rank = result.getLong(7);
                    groupCount = result.getLong(8);
                    rows += n;
                    if (rank > query.limit()) {
                        others = new AggregateResult.Others(groupCount - query.limit(), value, n);
                    } else {
                        groups.add(new AggregateResult.Group(key(result, groupBy.type(), query), value, n));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Calcul sur le jeu de données " + version.datasetId() + " impossible", e);
        }
        if (AggregateSql.periodic(groupBy.type())) {
            // a time axis reads in time order, whatever the measure
            Comparator<Object> chronological = (a, b) -> comparable(a).compareTo(b);
            groups.sort(Comparator.comparing(AggregateResult.Group::key, Comparator.nullsLast(chronological)));
        }
        return new AggregateResult(version.number(), query, groupBy, measured, rows, groupCount, groups, others);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object key) {
        return (Comparable<Object>) key;
    }

    private static @Nullable BigDecimal value(Measure measure, long rows, long measured, @Nullable BigDecimal sum,
                                              @Nullable BigDecimal min, @Nullable BigDecimal max) {
        return switch (measure) {
            case COUNT -> BigDecimal.valueOf(rows);
            case SUM -> measured == 0 ? null : plain(sum);
            case AVG -> measured == 0 || sum == null ? null
                    : plain(sum.divide(BigDecimal.valueOf(measured), AVERAGE_SCALE, RoundingMode.HALF_EVEN));
            case MIN -> plain(min);
            case MAX -> plain(max);
        };
    }

    /** Trailing zeros dropped, never in exponent form: {@code 12.50} and {@code 12.5} are one value on both sides. */
    private static @Nullable BigDecimal plain(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static @Nullable Object key(ResultSet result, ColumnType type, AggregateQuery query) throws SQLException {
        Object key = switch (query.period() != null ? ColumnType.DATE : type) {
            case INTEGER -> result.getLong(1);
            case DECIMAL -> plain(result.getBigDecimal(1));
            case BOOLEAN -> result.getBoolean(1);
            case DATE -> result.getObject(1, LocalDate.class);
            case TIMESTAMP -> result.getObject(1, OffsetDateTime.class);
            case TEXT -> result.getString(1);
        };
        return result.wasNull() ? null : key;
    }

    private static Column column(DatasetVersion version, String name) {
        return version.column(name).orElseThrow(() -> DataProblem.invalidQuery("La colonne « " + name
                + " » n'existe pas dans ce jeu de données. Colonnes : "
                + version.columns().stream().map(Column::name).collect(Collectors.joining(", ")) + "."));
    }

    private static String numericColumns(DatasetVersion version) {
        List<String> numeric = version.columns().stream().filter(c -> AggregateSql.measurable(c.type()))
                .map(Column::name).toList();
        return numeric.isEmpty() ? "Ce jeu de données n'a aucune colonne numérique : seul le nombre de lignes est possible."
                : "Colonnes numériques : " + String.join(", ", numeric) + ".";
    }
}
