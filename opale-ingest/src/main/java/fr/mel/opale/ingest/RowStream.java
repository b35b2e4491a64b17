package fr.mel.opale.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a file, read one at a time in constant memory. Not thread-safe: one consumer. Always close it
 * (try-with-resources): it holds the file open.
 */
public interface RowStream extends AutoCloseable {
    /** The columns of each row's {@code values}, in order. */
    List<ColumnPlan> columns();

    /**
     * The next row, or null at the end.
     *
     * @throws UnreadableFile when the file turns out to be broken midway (e.g. a record beyond the length limit)
     * @throws ReadCancelled  when the listener asks to stop or the thread is interrupted
     */
    @Nullable Row next();

    /** Counts, bbox and warnings so far; complete once {@link #next()} has returned null. */
    ReadSummary summary();

    @Override
    void close();
}
