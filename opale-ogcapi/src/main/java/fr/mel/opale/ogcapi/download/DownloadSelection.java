package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Column;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What a {@link FeatureWriter} writes: the collection's id (file, sheet and layer names), the columns in the order
 * written, whether the rows have geometries and of which type, the output CRS, and how many rows the selection has —
 * counted only when a format with a size limit asks ({@link #count()} runs a query).
 *
 * @param id           the collection id, a slug
 * @param columns      in the order of {@code properties=} when given
 * @param geographic   whether the collection has geometries ({@code geom} column, shapes)
 * @param geometryType the stored type of its geometries ({@link GeometryType#GEOMETRY} when mixed)
 * @param crs          the CRS asked for ({@code crs=}), CRS84 by default
 * @param rows         counts the rows of the selection (limit included)
 */
public record DownloadSelection(String id, List<Column> columns, boolean geographic, GeometryType geometryType,
                                SupportedCrs crs, LongSupplier rows) {
    /** The number of rows selected (a database count). */
    public long count() {
        return rows.getAsLong();
    }
}
