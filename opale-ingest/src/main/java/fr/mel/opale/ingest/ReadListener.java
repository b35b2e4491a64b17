package fr.mel.opale.ingest;

/**
 * Progress and cancellation of a pass over a file. Called from the reading thread, every few thousand rows:
 * keep it cheap. Reading also stops when the thread is interrupted.
 */
public interface ReadListener {
    ReadListener NONE = new ReadListener() {
    };

    /** Rows read so far in this pass (analysis or read). */
    default void progress(long rowsRead) {
    }

    /** True to stop: the pass then throws {@link ReadCancelled}. */
    default boolean cancelled() {
        return false;
    }
}
