package fr.mel.opale.data.internal;

import static fr.mel.opale.data.internal.TableNames.quote;

import fr.mel.opale.data.AggregateQuery;
import fr.mel.opale.data.AggregateQuery.Period;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DatasetVersion;
import org.jspecify.annotations.Nullable;

/**
 * The one statement answering an {@link AggregateQuery} on a version table, the same text on H2 and PostgreSQL:
 * <ol>
 *   <li>{@code g}: one row per group (the filter applied) with its row count, the count, sum, minimum and maximum of
 *       the measured column, and its first {@code _fid};</li>
 *   <li>{@code r}: the groups ranked by the measure, largest first, ties by first appearance ({@code _fid}, the same
 *       on both databases, where ranking by text would follow each database's collation);</li>
 *   <li>the first {@code limit} groups, then one row folding the rest (sums of counts and sums, extremes of extremes),
 *       present only when there is a rest; each row also carries the number of groups.</li>
 * </ol>
 * Averages are not computed here: the caller divides the exact sum by the exact count, so both databases agree.
 * Column names come from the version (checked, quoted); the limit is a validated integer written as a literal; the
 * filter's values are parameters.
 *
 * <p>Columns of the result: key, rows, measured count, sum, min, max, rank (limit + 1 for the folded row), groups.
 */
public final class AggregateSql {
    private AggregateSql() {
    }

    /**
     * @param groupBy  the grouping column, already checked against the version
     * @param measured the measured column (numeric), or null for a count
     * @param where    the rows kept ({@code TRUE} for all)
     */
    public static String statement(DatasetVersion version, AggregateQuery query, Column groupBy,
                                   @Nullable Column measured, String where) {
        String key = key(groupBy, query.period());
        String x = measured == null ? "NULL" : quote(measured.name());
        String table = quote(TableNames.checked(version.tableName()));
        String rank = switch (query.measure()) {
            case COUNT -> "n";
            case SUM -> "s";
            case AVG -> "s / NULLIF(nx, 0)";
            case MIN -> "lo";
            case MAX -> "hi";
        };
        int limit = query.limit();
        // No cast of the measured column: both databases sum BIGINT into an exact NUMERIC and keep a decimal
        // column's own exact type (H2's bare NUMERIC would have scale 0 and round).
        String sum = measured == null ? "CAST(NULL AS NUMERIC)" : "SUM(" + x + ")";
        String extremes = measured == null ? "CAST(NULL AS NUMERIC) AS lo, CAST(NULL AS NUMERIC) AS hi"
                : "MIN(" + x + ") AS lo, MAX(" + x + ") AS hi";
        return "WITH g AS (SELECT " + key + " AS k, COUNT(*) AS n, COUNT(" + x + ") AS nx, " + sum + " AS s, "
                + extremes + ", MIN(\"_fid\") AS f FROM " + table + " WHERE " + where + " GROUP BY " + key + "), "
                + "r AS (SELECT k, n, nx, s, lo, hi, ROW_NUMBER() OVER (ORDER BY " + rank + " DESC NULLS LAST, f) AS rn, "
                + "COUNT(*) OVER () AS groups FROM g) "
                + "SELECT k, n, nx, s, lo, hi, rn, groups FROM r WHERE rn <= " + limit + " "
                + "UNION ALL SELECT NULL, SUM(n), SUM(nx), SUM(s), MIN(lo), MAX(hi), " + (limit + 1) + ", MAX(groups) "
                + "FROM r WHERE rn > " + limit + " HAVING COUNT(*) > 0 ORDER BY 7";
    }

    /** Which measures a column of this type can take: all for numbers, only the count otherwise. */
    public static boolean measurable(ColumnType type) {
        return type == ColumnType.INTEGER || type == ColumnType.DECIMAL;
    }

    private static String key(Column column, @Nullable Period period) {
        String name = quote(column.name());
        if (period == null) {
            return name;
        }
        // A timestamp's day in Europe/Paris, as the filters see dates. Read from the local time's text: H2 casts a
        // zoned time to DATE or TIMESTAMP through the session's zone, not the one AT TIME ZONE chose, while both
        // databases write 'YYYY-MM-DD hh:mm:ss…' for it. DATE_TRUNC on a DATE then means the same on both.
        String local = column.type() == ColumnType.TIMESTAMP
                ? "CAST(SUBSTRING(CAST(" + name + " AT TIME ZONE 'Europe/Paris' AS VARCHAR(64)) FROM 1 FOR 10) AS DATE)"
                : name;
        return "CAST(DATE_TRUNC('" + period.name() + "', " + local + ") AS DATE)";
    }

    /** Periods only group dates and timestamps. */
    public static boolean periodic(ColumnType type) {
        return type == ColumnType.DATE || type == ColumnType.TIMESTAMP;
    }
}
