package fr.mel.opale.geo.geojson;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;

/**
 * JTS geometries as GeoJSON geometry objects (RFC 7946 §3.1) on a streaming generator: positions x, y as they are
 * (the caller reprojects and orders the axes first), Z dropped; an empty point has empty coordinates, an empty
 * polygon no ring.
 */
public final class GeoJsonGeometryWriter {
    private GeoJsonGeometryWriter() {
    }

    /** Writes {@code geometry} as the next value of {@code json}: an object, or {@code null}. */
    public static void write(JsonGenerator json, @Nullable Geometry geometry) {
        if (geometry == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeName("type");
        json.writeString(geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection && !(geometry instanceof MultiPoint)
                && !(geometry instanceof MultiLineString) && !(geometry instanceof MultiPolygon)) {
            json.writeName("geometries");
            json.writeStartArray();
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                write(json, collection.getGeometryN(i));
            }
            json.writeEndArray();
        } else {
            json.writeName("coordinates");
            coordinates(json, geometry);
        }
        json.writeEndObject();
    }

    private static void coordinates(JsonGenerator json, Geometry geometry) {
        if (geometry instanceof Point point) {
            if (point.isEmpty()) {
                json.writeStartArray();
                json.writeEndArray();
            } else {
                position(json, point.getCoordinate());
            }
        } else if (geometry instanceof LineString line) {
            positions(json, line.getCoordinates());
        } else if (geometry instanceof Polygon polygon) {
            json.writeStartArray();
            if (!polygon.isEmpty()) {
                positions(json, polygon.getExteriorRing().getCoordinates());
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    positions(json, polygon.getInteriorRingN(i).getCoordinates());
                }
            }
            json.writeEndArray();
        } else {
            json.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                coordinates(json, geometry.getGeometryN(i));
            }
            json.writeEndArray();
        }
    }

    private static void positions(JsonGenerator json, Coordinate[] coordinates) {
        json.writeStartArray();
        for (Coordinate c : coordinates) {
            position(json, c);
        }
        json.writeEndArray();
    }

    private static void position(JsonGenerator json, Coordinate c) {
        json.writeStartArray();
        json.writeNumber(c.getX());
        json.writeNumber(c.getY());
        json.writeEndArray();
    }
}
