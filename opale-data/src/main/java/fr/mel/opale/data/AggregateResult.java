package fr.mel.opale.data;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an {@link AggregateQuery}.
 *
 * @param version    the version it was computed on
 * @param groupBy    the grouping column (its title names it for people)
 * @param measured   the measured column; null for a count
 * @param rows       rows matched by the filter (all groups, others included)
 * @param groupCount distinct groups among them (others included)
 * @param groups     at most {@code limit} groups: the largest values first, ties broken by first appearance in the
 *                   file; by key (chronological) when grouping by a date or a period
 * @param others     the groups beyond {@code limit}, folded into one (its {@code key} is null); null when none
 */
public record AggregateResult(int version, AggregateQuery query, Column groupBy, @Nullable Column measured, long rows,
                              long groupCount, List<Group> groups, @Nullable Others others) {
    public AggregateResult {
        groups = List.copyOf(groups);
    }

    /**
     * One group.
     *
     * @param key   the grouping value: Long, BigDecimal, Boolean, String, LocalDate (also a period's first day) or
     *              OffsetDateTime; null for the rows where the column is empty
     * @param value the measure: exact for counts, sums, minimums and maximums; averages to 10 decimals. Null when
     *              the measured column has no value in the group
     * @param rows  rows in the group
     */
    public record Group(@Nullable Object key, @Nullable BigDecimal value, long rows) {
    }

    /** The groups beyond the limit, folded: their count, their measure taken over all their rows, their rows. */
    public record Others(long groups, @Nullable BigDecimal value, long rows) {
    }
}
