package fr.mel.opale.ingest.internal;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * What the record sources of feature formats (GeoJSON objects, Shapefile records) share: the current record's
 * cells and geometry, and its number from 1 in the file, which is what {@link #line()} reports since these formats
 * have no lines. A subclass counts every record it reads, kept or skipped, with {@link #advance()}, so warnings
 * name the record a producer finds in the file, and shows each kept one with {@link #show}.
 */
abstract class NumberedFeatures implements RecordSource {
    private Object[] cells = new Object[0];
    private @Nullable Geometry geometry;
    private long number;

    /** Counts one more record read from the file, and returns its number. */
    protected final long advance() {
        return ++number;
    }

    /** The number of the last record read; 0 before the first. */
    protected final long number() {
        return number;
    }

    /** Makes this record the current one. */
    protected final void show(Object[] recordCells, @Nullable Geometry recordGeometry) {
        this.cells = recordCells;
        this.geometry = recordGeometry;
    }

    /** How many cells the current record has (0 before the first). */
    protected final int width() {
        return cells.length;
    }

    @Override
    public final @Nullable Object cell(int source) {
        return source < cells.length ? cells[source] : null;
    }

    @Override
    public final long line() {
        return number;
    }

    @Override
    public final @Nullable Geometry geometry() {
        return geometry;
    }
}
