package fr.mel.opale.ingest;

import java.util.List;

/**
 * Where each row's geometry comes from, and in which CRS its coordinates are. Rows always carry WGS84
 * (longitude, latitude) geometries.
 *
 * @param columns source positions ({@link ColumnPlan#source()}): X then Y for {@link GeometrySource#XY}, one for the
 *                one-column kinds, none for {@link GeometrySource#NATIVE}
 * @param srid    EPSG code of the coordinates as written in the file
 */
public record GeometryPlan(GeometrySource kind, List<Integer> columns, int srid) {
    public GeometryPlan {
        columns = List.copyOf(columns);
    }
}
