package fr.mel.opale.geo.geojson;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * GeoJSON geometry objects (RFC 7946 §3.1, every type) to JTS, coordinates kept as written (x, y[, z]): the
 * geometries of GeoJSON files and columns at import, and the spatial literals of CQL2 JSON filters. An unclosed
 * ring is closed (a common writer slip); anything else malformed is an {@link IllegalArgumentException} with a
 * French message, which the caller reports in its own terms (a row kept without geometry, a 400 naming the JSON
 * path).
 */
public final class GeoJsonGeometryReader {
    private GeoJsonGeometryReader() {
    }

    /**
     * The JTS geometry of a GeoJSON geometry object, made by {@code factory} (which gives the SRID).
     *
     * @throws IllegalArgumentException when {@code node} is not a valid GeoJSON geometry (French message)
     */
    public static Geometry read(JsonNode node, GeometryFactory factory) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("géométrie GeoJSON attendue (objet)");
        }
        JsonNode typeNode = node.get("type");
        String type = typeNode == null ? "" : typeNode.asString();
        if (type.equals("GeometryCollection")) {
            JsonNode members = node.get("geometries");
            if (members == null || !members.isArray()) {
                throw new IllegalArgumentException("GeometryCollection sans « geometries »");
            }
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = read(members.get(i), factory);
            }
            return factory.createGeometryCollection(parts);
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new IllegalArgumentException("géométrie « " + type + " » sans coordonnées");
        }
        return switch (type) {
            case "Point" -> c.isEmpty() ? factory.createPoint() : factory.createPoint(coordinate(c));
            case "MultiPoint" -> {
                Point[] points = new Point[c.size()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = factory.createPoint(coordinate(c.get(i)));
                }
                yield factory.createMultiPoint(points);
            }
            case "LineString" -> factory.createLineString(coordinates(c));
            case "MultiLineString" -> {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = factory.createLineString(coordinates(c.get(i)));
                }
                yield factory.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(c, factory);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(c.get(i), factory);
                }
                yield factory.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("type de géométrie GeoJSON inconnu « " + type + " »");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, GeometryFactory factory) {
        Coordinate[] coordinates = coordinates(positions);
        if (coordinates.length > 0 && !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            // An unclosed ring is a common writer slip: closing it is safe.
            Coordinate[] closed = java.util.Arrays.copyOf(coordinates, coordinates.length + 1);
            closed[coordinates.length] = coordinates[0].copy();
            coordinates = closed;
        }
        if (coordinates.length > 0 && coordinates.length < 4) {
            throw new IllegalArgumentException("anneau de polygone de moins de 4 positions");
        }
        return factory.createLinearRing(coordinates);
    }

    private static Coordinate[] coordinates(JsonNode positions) {
        if (!positions.isArray()) {
            throw new IllegalArgumentException("liste de positions attendue");
        }
        Coordinate[] result = new Coordinate[positions.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = coordinate(positions.get(i));
        }
        return result;
    }

    private static Coordinate coordinate(JsonNode position) {
        if (position == null || !position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw new IllegalArgumentException("position GeoJSON invalide");
        }
        double x = position.get(0).doubleValue();
        double y = position.get(1).doubleValue();
        return position.size() > 2 && position.get(2).isNumber()
                ? new Coordinate(x, y, position.get(2).doubleValue()) : new Coordinate(x, y);
    }
}
