package fr.mel.opale.data.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the data store ({@code opale.data.*}).
 *
 * @param keepVersions how many READY versions of a dataset are kept, the served one included (older ones are dropped
 *                     after each successful load); at least 1. Kept versions are what an editor can roll back to.
 * @param cacheTtl     how long registry reads and record protections are remembered ({@link RegistryCache},
 *                     {@link RecordProtections}). This process forgets them at once when it changes them; the
 *                     time-to-live only bounds how stale a change made by <em>another</em> server sharing the
 *                     database can be seen. Zero switches the caches off.
 * @param partitionRows rows per partition of a large version table on PostgreSQL: a load expected to bring at least
 *                     twice this many rows goes into a table partitioned by {@code _fid} ranges of this size, whose
 *                     partitions are indexed in parallel on two connections ({@link PostgisTableStore})
 * @param countBudget  how long a page of items waits for a count of matches not known yet ({@link MatchCounts});
 *                     past it the page goes without {@code numberMatched} and the count ends in the background.
 *                     Zero: pages show only counts already known
 */
@ConfigurationProperties("opale.data")
public record DataSettings(@DefaultValue("3") int keepVersions, @DefaultValue("5s") Duration cacheTtl,
                           @DefaultValue("500000") long partitionRows,
                           @DefaultValue("50ms") Duration countBudget) {
    public DataSettings {
        partitionRows = Math.max(1, partitionRows);
        keepVersions = Math.max(1, keepVersions);
        cacheTtl = cacheTtl.isNegative() ? Duration.ZERO : cacheTtl;
        countBudget = countBudget == null || countBudget.isNegative() ? Duration.ZERO : countBudget;
    }
}
