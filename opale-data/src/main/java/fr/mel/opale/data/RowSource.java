package fr.mel.opale.data;

import java.util.Iterator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one load, pulled one at a time by the store (so a file reader never holds the file in memory), in the
 * order that becomes the features' {@code _fid} (1, 2, 3...).
 *
 * <p>A reader throws from {@link #next()} when its input is broken; the load then fails with that message, and the
 * version being written is discarded. {@link #close()} is called once, whatever the outcome.
 */
public interface RowSource extends AutoCloseable {
    /** The next row, or null at the end. */
    @Nullable Row next() throws Exception;

    @Override
    default void close() throws Exception {
    }

    /**
     * Asked once {@link #next()} has returned null: the columns the rows turned out to need, when wider than the
     * schema the load began with (see {@link SchemaRevision}); null when the schema stands.
     */
    default @Nullable SchemaRevision revision() {
        return null;
    }

    /** The rows of an iterator (tests, small sources). */
    static RowSource of(Iterator<Row> rows) {
        return () -> rows.hasNext() ? rows.next() : null;
    }

    /** The rows of a stream, closed with the source. */
    static RowSource of(Stream<Row> rows) {
        Iterator<Row> iterator = rows.iterator();
        return new RowSource() {
            @Override
            public @Nullable Row next() {
                return iterator.hasNext() ? iterator.next() : null;
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }
}
