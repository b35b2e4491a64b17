package fr.mel.opale.data;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * One row of a dataset version.
 *
 * @param fid        1..rowCount, the row's position in the loaded source; stable within a version
 * @param properties by safe column name, in the order asked (all columns: table order); null values included.
 *                   Values are {@code Long}, {@code BigDecimal}, {@code Boolean}, {@code LocalDate},
 *                   {@code OffsetDateTime} or {@code String} (see {@link ColumnType})
 * @param geometry   WGS84 (SRID 4326); null when the row has none, the dataset is not geographic or the query did not
 *                   ask for geometries
 */
public record Feature(long fid, Map<String, @Nullable Object> properties, @Nullable Geometry geometry) {
}
