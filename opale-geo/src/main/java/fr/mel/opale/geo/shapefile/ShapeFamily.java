package fr.mel.opale.geo.shapefile;

import fr.mel.opale.geo.GeometryType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The four geometry families a shapefile can hold, one shape type per file (ESRI Shapefile Technical Description,
 * 1998): Point (1), PolyLine (3) for lines and multi-lines, Polygon (5) for polygons and multi-polygons, MultiPoint
 * (8). A collection whose geometries span several families is written as one shapefile per family.
 */
enum ShapeFamily {
    POINT(1, "points"),
    LINE(3, "lignes"),
    POLYGON(5, "polygones"),
    MULTIPOINT(8, "multipoints");

    /** The shape type code of the file header and of each record. */
    final int shapeType;
    /** The file name suffix when a collection spans several families ({@code <id>_points.shp}). */
    final String suffix;

    ShapeFamily(int shapeType, String suffix) {
        this.shapeType = shapeType;
        this.suffix = suffix;
    }

    /** The only family of a collection whose stored kind is one; null when mixed (GEOMETRY, GEOMETRYCOLLECTION). */
    static @Nullable ShapeFamily of(GeometryType kind) {
        return switch (kind) {
            case POINT -> POINT;
            case MULTIPOINT -> MULTIPOINT;
            case LINESTRING, MULTILINESTRING -> LINE;
            case POLYGON, MULTIPOLYGON -> POLYGON;
            case GEOMETRYCOLLECTION, GEOMETRY -> null;
        };
    }

    /**
     * A geometry by family, ready to write: itself for a simple or multi geometry; a geometry collection is split
     * into its families (its points as a point or multipoint, its lines as a multi-line, its polygons as a
     * multi-polygon), the row then appearing once in each family's file. Empty geometries give no entry.
     */
    static Map<ShapeFamily, Geometry> split(Geometry geometry) {
        Map<ShapeFamily, Geometry> parts = new EnumMap<>(ShapeFamily.class);
        if (geometry.isEmpty()) {
            return parts;
        }
        if (geometry instanceof Point) {
            parts.put(POINT, geometry);
        } else if (geometry instanceof MultiPoint) {
            parts.put(MULTIPOINT, geometry);
        } else if (geometry instanceof LineString || geometry instanceof MultiLineString) {
            parts.put(LINE, geometry);
        } else if (geometry instanceof Polygon || geometry instanceof MultiPolygon) {
            parts.put(POLYGON, geometry);
        } else if (geometry instanceof GeometryCollection collection) {
            List<Point> points = new ArrayList<>();
            List<LineString> lines = new ArrayList<>();
            List<Polygon> polygons = new ArrayList<>();
            flatten(collection, points, lines, polygons);
            GeometryFactory factory = geometry.getFactory();
            if (points.size() == 1) {
                parts.put(POINT, points.get(0));
            } else if (!points.isEmpty()) {
                parts.put(MULTIPOINT, factory.createMultiPoint(points.toArray(Point[]::new)));
            }
            if (!lines.isEmpty()) {
                parts.put(LINE, factory.createMultiLineString(lines.toArray(LineString[]::new)));
            }
            if (!polygons.isEmpty()) {
                parts.put(POLYGON, factory.createMultiPolygon(polygons.toArray(Polygon[]::new)));
            }
        }
        return parts;
    }

    private static void flatten(Geometry geometry, List<Point> points, List<LineString> lines,
                                List<Polygon> polygons) {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part.isEmpty()) {
                continue;
            }
            if (part instanceof Point point) {
                points.add(point);
            } else if (part instanceof LineString line) {
                lines.add(line);
            } else if (part instanceof Polygon polygon) {
                polygons.add(polygon);
            } else {
                flatten(part, points, lines, polygons); // multi-geometries and nested collections
            }
        }
    }
}
