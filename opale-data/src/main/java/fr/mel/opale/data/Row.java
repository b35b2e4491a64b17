package fr.mel.opale.data;

import org.locationtech.jts.geom.Geometry;
import org.jspecify.annotations.Nullable;

/**
 * One row handed to a load.
 *
 * @param values   one value per schema column, in schema order, of the Java type {@link ColumnType} names (or null).
 *                 The array is read once, during the call that received the row; a source may reuse it.
 * @param geometry in WGS84 longitude/latitude order; null when the row has none. Its SRID is set to 4326 by the
 *                 load (the geometry object is changed).
 */
public record Row(@Nullable Object[] values, @Nullable Geometry geometry) {
    public static Row of(@Nullable Geometry geometry, @Nullable Object... values) {
        return new Row(values, geometry);
    }
}
