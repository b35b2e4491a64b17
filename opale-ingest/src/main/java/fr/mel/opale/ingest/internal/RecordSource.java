package fr.mel.opale.ingest.internal;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The records of one format, raw: cells are {@link String}s to be typed by the plan, or values the format typed
 * itself (Long, Double, Boolean, LocalDate…). What every format reader provides to the shared analysis and read
 * passes. One consumer; not thread-safe.
 */
interface RecordSource extends Closeable {
    /** Moves to the next data record; false at the end. */
    boolean next() throws IOException;

    /** The raw cell at this source position of the current record, or null when the record has none. */
    @Nullable Object cell(int source);

    /** Where the current record starts: physical line (text formats) or record number. */
    long line();

    /** The format's own geometry of the current record, in the source CRS, or null. */
    default @Nullable Geometry geometry() {
        return null;
    }

    @Override
    void close() throws IOException;
}
