package fr.mel.opale.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the analysis saw in one column, over all rows.
 *
 * @param nulls          empty cells, plus "N/A"-like markers in non-text columns
 * @param distinct       distinct non-null values: exact up to {@value #EXACT_DISTINCT_LIMIT}, estimated beyond
 *                       (HyperLogLog, about 2% error)
 * @param distinctExact  whether {@code distinct} is exact
 * @param samples        the first few distinct non-null values, as written in the file (cut at 200 characters)
 * @param min            smallest value of a numeric column, else null
 * @param max            largest value of a numeric column, else null
 */
public record ColumnProfile(String label, String name, ColumnType type, long nulls, long distinct,
                            boolean distinctExact, List<String> samples, @Nullable Double min, @Nullable Double max) {
    public static final int EXACT_DISTINCT_LIMIT = 1000;

    public ColumnProfile {
        samples = List.copyOf(samples);
    }
}
