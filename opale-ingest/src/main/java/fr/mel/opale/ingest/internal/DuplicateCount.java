package fr.mel.opale.ingest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Counts the rows whose 64-bit hash an earlier row already had (the data-quality report's duplicate rows). The
 * hashes are appended in blocks, 8 bytes a row written one after the other, and only sorted and compared once all
 * are in — on a thread of its own, while the database builds the table's indexes: a hash set probed at every row
 * missed the processor's caches at every row and was the busiest single item of the reading thread. Counted over
 * the first {@link #MAX_ROWS} rows at most (128 MB); {@link #complete()} says whether that was all of them.
 * {@link #add} from one thread; {@link #finish()} once, after the last.
 */
public final class DuplicateCount {
    static final int BLOCK = 1 << 20;
    public static final long MAX_ROWS = 16L * BLOCK;

    private final List<long[]> blocks = new ArrayList<>();
    private long[] current = new long[1 << 12];
    private int used;
    private long added;
    private CompletableFuture<Long> counted;

    public void add(long hash) {
        if (++added > MAX_ROWS) {
            return;
        }
        if (used == current.length) {
            if (current.length < BLOCK) {
                current = Arrays.copyOf(current, current.length * 4);
            } else {
                blocks.add(current);
                current = new long[BLOCK];
                used = 0;
            }
        }
        current[used++] = hash;
    }

    /** Starts the count on another thread; nothing may be added after. */
    public synchronized void finish() {
        if (counted == null) {
            blocks.add(Arrays.copyOf(current, used));
            current = new long[0];
            counted = new CompletableFuture<>();
            Thread counter = new Thread(() -> {
                try {
                    counted.complete(count(blocks));
                } catch (RuntimeException | Error e) {
                    counted.completeExceptionally(e);
                }
            }, "opale-duplicates");
            counter.setDaemon(true);
            counter.start();
        }
    }

    /** The number of duplicate rows; waits for the count (finishing first if needed). */
    public long duplicates() {
        finish();
        return counted.join();
    }

    /** Whether every row was counted (false beyond {@link #MAX_ROWS}). */
    public boolean complete() {
        return added <= MAX_ROWS;
    }

    /** Each block sorted, then merged: a value seen before is a duplicate. */
    static long count(List<long[]> blocks) {
        for (long[] block : blocks) {
            Arrays.sort(block);
        }
        int[] at = new int[blocks.size()];
        long duplicates = 0;
        boolean any = false;
        long previous = 0;
        while (true) {
            int smallest = -1;
            for (int b = 0; b < at.length; b++) {
                long[] block = blocks.get(b);
                if (at[b] < block.length && (smallest < 0 || block[at[b]] < blocks.get(smallest)[at[smallest]])) {
                    smallest = b;
                }
            }
            if (smallest < 0) {
                return duplicates;
            }
            long value = blocks.get(smallest)[at[smallest]++];
            if (any && value == previous) {
                duplicates++;
            }
            previous = value;
            any = true;
        }
    }
}
