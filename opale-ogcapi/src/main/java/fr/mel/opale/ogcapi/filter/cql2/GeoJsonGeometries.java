package fr.mel.opale.ogcapi.filter.cql2;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/** GeoJSON geometry objects (RFC 7946) → JTS, for CQL2 JSON's spatial literals. Errors name the JSON path. */
final class GeoJsonGeometries {
    private GeoJsonGeometries() {
    }

    static Geometry read(JsonNode node, GeometryFactory factory, String path) {
        String type = node.path("type").asString("");
        JsonNode c = node.path("coordinates");
        try {
            return switch (type) {
                case "Point" -> factory.createPoint(coordinate(c, path));
                case "LineString" -> factory.createLineString(coordinates(c, path));
                case "Polygon" -> polygon(c, factory, path);
                case "MultiPoint" -> factory.createMultiPoint(points(c, factory, path));
                case "MultiLineString" -> {
                    List<LineString> lines = new ArrayList<>();
                    c.forEach(l -> lines.add(factory.createLineString(coordinates(l, path))));
                    yield factory.createMultiLineString(lines.toArray(LineString[]::new));
                }
                case "MultiPolygon" -> {
                    List<Polygon> polygons = new ArrayList<>();
                    c.forEach(p -> polygons.add(polygon(p, factory, path)));
                    yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
                }
                case "GeometryCollection" -> {
                    List<Geometry> members = new ArrayList<>();
                    node.path("geometries").forEach(g -> members.add(read(g, factory, path + ".geometries")));
                    yield factory.createGeometryCollection(members.toArray(Geometry[]::new));
                }
                default -> throw Cql2Json.invalid(path + ".type", "type de géométrie GeoJSON inconnu");
            };
        } catch (IllegalArgumentException e) {
            throw Cql2Json.invalid(path, "géométrie GeoJSON invalide (" + e.getMessage() + ")");
        }
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory, String path) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw Cql2Json.invalid(path, "un polygone a au moins un anneau");
        }
        LinearRing shell = factory.createLinearRing(coordinates(rings.get(0), path));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = factory.createLinearRing(coordinates(rings.get(i), path));
        }
        return factory.createPolygon(shell, holes);
    }

    private static Point[] points(JsonNode array, GeometryFactory factory, String path) {
        List<Point> points = new ArrayList<>();
        array.forEach(p -> points.add(factory.createPoint(coordinate(p, path))));
        return points.toArray(Point[]::new);
    }

    private static Coordinate[] coordinates(JsonNode array, String path) {
        if (!array.isArray()) {
            throw Cql2Json.invalid(path, "liste de positions attendue");
        }
        List<Coordinate> list = new ArrayList<>();
        array.forEach(p -> list.add(coordinate(p, path)));
        return list.toArray(Coordinate[]::new);
    }

    private static Coordinate coordinate(JsonNode position, String path) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw Cql2Json.invalid(path, "une position est une liste d'au moins deux nombres");
        }
        return new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue());
    }
}
