package fr.mel.opale.data;

import org.locationtech.jts.geom.Geometry;

/** The kind of geometries a dataset version holds; {@link #GEOMETRY} when mixed. Stored by name. */
public enum GeometryKind {
    POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION, GEOMETRY;

    /** The kind of one JTS geometry. */
    public static GeometryKind of(Geometry geometry) {
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

    /** The kind covering both: itself when equal, {@link #GEOMETRY} otherwise. */
    public GeometryKind and(GeometryKind other) {
        return this == other ? this : GEOMETRY;
    }
}
