package fr.mel.opale.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * The type of the geometries a dataset version holds (simple features); {@link #GEOMETRY} when mixed. Stored by
 * name. Not to be confused with where an imported row's geometry comes from (opale-ingest's {@code GeometrySource}).
 */
public enum GeometryType {
    POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION, GEOMETRY;

    /** The type of one JTS geometry. */
    public static GeometryType of(Geometry geometry) {
        return switch (geometry.getGeometryType()) {
            case Geometry.TYPENAME_POINT -> POINT;
            case Geometry.TYPENAME_LINESTRING, Geometry.TYPENAME_LINEARRING -> LINESTRING;
            case Geometry.TYPENAME_POLYGON -> POLYGON;
            case Geometry.TYPENAME_MULTIPOINT -> MULTIPOINT;
            case Geometry.TYPENAME_MULTILINESTRING -> MULTILINESTRING;
            case Geometry.TYPENAME_MULTIPOLYGON -> MULTIPOLYGON;
            case Geometry.TYPENAME_GEOMETRYCOLLECTION -> GEOMETRYCOLLECTION;
            default -> GEOMETRY;
        };
    }

    /** The type covering both: itself when equal, {@link #GEOMETRY} otherwise. */
    public GeometryType and(GeometryType other) {
        return this == other ? this : GEOMETRY;
    }
}
