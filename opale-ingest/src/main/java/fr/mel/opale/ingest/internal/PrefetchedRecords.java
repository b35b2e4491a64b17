package fr.mel.opale.ingest.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * The analysis pass on two cores: one thread decodes and splits the CSV ({@link CsvRecords}) into batches of records
 * while the analysing thread types them — each was about half of the pass. A few batches ahead at most; a failure
 * of the splitting thread (a record too long, an I/O error) is rethrown in its place, after the records before it.
 * {@link #close()} stops the splitting thread and waits for it; the caller then closes the records. Used by the
 * analysis pass and by the speculative read ({@link SpeculativeCsvRead}).
 */
final class PrefetchedRecords implements RecordSource {
    private static final int BATCH = 512;
    private static final int BATCHES_AHEAD = 4;

    private final CsvRecords records;
    private final int width;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread splitter;
    private volatile boolean stopped;
    private @Nullable Batch current;
    private int index = -1;

    private record Batch(Object[][] cells, long[] lines, int size, @Nullable RuntimeException failure, boolean last) {
    }

    PrefetchedRecords(CsvRecords records, int width) {
        this.records = records;
        this.width = width;
        this.splitter = new Thread(this::splitAll, "opale-csv-analysis");
        splitter.setDaemon(true);
    }

    private void splitAll() {
        while (!stopped) {
            Object[][] cells = new Object[BATCH][];
            long[] lines = new long[BATCH];
            int n = 0;
            try {
                while (n < BATCH && records.next()) {
                    Object[] record = new Object[width];
                    for (int i = 0; i < width; i++) {
                        record[i] = records.cell(i);
                    }
                    cells[n] = record;
                    lines[n++] = records.line();
                }
            } catch (RuntimeException e) {
                deliver(new Batch(cells, lines, n, e, true));
                return;
            }
            boolean last = n < BATCH;
            deliver(new Batch(cells, lines, n, null, last));
            if (last) {
                return;
            }
        }
    }

    private void deliver(Batch batch) {
        while (!stopped) {
            try {
                queue.put(batch);
                return;
            } catch (InterruptedException e) {
                // nobody interrupts this thread; stopped says when to give up
            }
        }
    }

    /** Moves to the next record; false at the end. */
    @Override
    public boolean next() {
        if (current == null && splitter.getState() == Thread.State.NEW && !stopped) {
            splitter.start(); // at the first record, not before: a reader never read leaves no thread behind
        }
        while (current == null || ++index >= current.size()) {
            if (current != null && current.failure() != null) {
                RuntimeException failure = current.failure();
                stopped = true;
                throw failure;
            }
            if (current != null && current.last()) {
                return false;
            }
            current = take();
            index = -1;
        }
        return true;
    }

    @Override
    public @Nullable Object cell(int column) {
        return current.cells()[index][column];
    }

    @Override
    public long line() {
        return current.lines()[index];
    }

    private Batch take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true; // kept for the caller's cancellation check
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        boolean interrupted = false;
        while (splitter.isAlive()) {
            try {
                splitter.join(1000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            queue.clear();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
