package fr.mel.opale.ingest;

/** Where a row's geometry comes from. */
public enum GeometrySource {
    /** The format's own geometry (GeoJSON, Shapefile, GeoPackage). */
    NATIVE,
    /** Two numeric columns, X (longitude) then Y (latitude), in the plan's source CRS. */
    XY,
    /** One column holding "lat,lon" text, as OpenDataSoft's {@code geo_point_2d}. */
    LAT_LON_TEXT,
    /** One column holding WKT or EWKT ({@code SRID=2154;POINT (…)}). */
    WKT,
    /** One column holding a GeoJSON geometry object, as OpenDataSoft's {@code geo_shape}. */
    GEOJSON
}
