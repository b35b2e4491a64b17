package fr.mel.opale.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateCountTest {
    @Test
    void countsWhatAHashSetCountsAcrossBlocks() {
        Random random = new Random(7);
        DuplicateCount count = new DuplicateCount();
        Set<Long> seen = new HashSet<>();
        long expected = 0;
        // more than two blocks, values drawn from a range small enough to repeat, zero and extremes included
        for (int i = 0; i < 2 * DuplicateCount.BLOCK + 12_345; i++) {
            long value = switch (i % 1000) {
                case 0 -> 0L;
                case 1 -> Long.MIN_VALUE;
                case 2 -> Long.MAX_VALUE;
                default -> random.nextInt(3_000_000) * 0x9E3779B97F4A7C15L;
            };
            if (!seen.add(value)) {
                expected++;
            }
            count.add(value);
        }
        assertThat(expected).isPositive();
        assertThat(count.duplicates()).isEqualTo(expected);
        assertThat(count.complete()).isTrue();
    }

    @Test
    void noRowsNoDuplicates() {
        assertThat(new DuplicateCount().duplicates()).isZero();
    }
}
