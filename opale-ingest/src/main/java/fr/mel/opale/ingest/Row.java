package fr.mel.opale.ingest;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * One row as delivered: values in the order of {@link ReadPlan#outputColumns()}, each null or of its
 * {@link ColumnType}'s class, and the geometry in WGS84 (x = longitude, y = latitude; SRID 4326), or null.
 *
 * @param number 1-based data row number
 * @param line   where the row starts in the file: physical line for text formats, record number otherwise
 */
public record Row(long number, long line, @Nullable Object[] values, @Nullable Geometry geometry) {
}
