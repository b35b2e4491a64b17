package fr.mel.opale.data.internal;

import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Pulls a row source on a thread of its own, in batches, while the loading thread encodes and sends the rows before:
 * reading a file (parsing, typing, geometries) and encoding COPY data each took about half of a load's Java time,
 * one after the other on one core. A few batches ahead at most (memory stays flat); the source's failure is
 * rethrown by {@link #next()} as it was thrown, in its place in the sequence.
 *
 * <p>Interruption is passed on: when the loading thread is interrupted while waiting, the reading thread is
 * interrupted too, so a source that stops on interruption stops as it did on one thread. {@link #close()} stops the
 * reading thread, waits for it, then closes the source (never while it is being read).
 */
final class PrefetchedRows implements RowSource {
    private static final int BATCH = 256;
    /** Few: a cancellation seen by the loading thread should not find the source read far beyond it. */
    private static final int BATCHES_AHEAD = 4;

    private final RowSource source;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean stopped;
    private @Nullable Batch current;
    private int index;
    private boolean finished;

    private record Batch(Row[] rows, int size, @Nullable Throwable failure, boolean last) {
    }

    PrefetchedRows(RowSource source, String name) {
        this.source = source;
        this.reader = new Thread(this::readAll, "opale-rows-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        while (!stopped) {
            Row[] rows = new Row[BATCH];
            int n = 0;
            try {
                Row row;
                while (n < BATCH && (row = source.next()) != null) {
                    rows[n++] = row;
                }
            } catch (Throwable e) {
                deliver(new Batch(rows, n, e, true)); // the rows before the failure first, as on one thread
                return;
            }
            boolean last = n < BATCH;
            deliver(new Batch(rows, n, null, last));
            if (last) {
                return;
            }
        }
    }

    private void deliver(Batch batch) {
        boolean interrupted = false;
        while (!stopped) {
            try {
                queue.put(batch);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep it for the source's next check
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public @Nullable Row next() throws Exception {
        while (current == null || index == current.size()) {
            if (current != null && current.failure() != null) {
                Throwable failure = current.failure();
                current = null;
                finished = true;
                if (failure instanceof Exception e) {
                    throw e;
                }
                throw (Error) failure;
            }
            if (finished) {
                return null;
            }
            current = take();
            index = 0;
            finished = current.last();
        }
        return current.rows()[index++];
    }

    private Batch take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                    reader.interrupt();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The source's, asked after its last row: the reading thread has ended, its writes are seen through the queue. */
    @Override
    public fr.mel.opale.data.@Nullable SchemaRevision revision() {
        return source.revision();
    }

    @Override
    public void close() throws Exception {
        stopped = true;
        queue.clear(); // unblocks a reader waiting to deliver
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(1));
                queue.clear();
            } catch (InterruptedException e) {
                interrupted = true;
                reader.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
