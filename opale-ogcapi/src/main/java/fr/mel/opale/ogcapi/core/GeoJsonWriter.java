package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.Feature;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.math.BigDecimal;
import java.util.Map;
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
 * Writes features as GeoJSON (RFC 7946) on a streaming generator, geometries reprojected to the requested CRS (axis
 * order of that CRS). A feature without geometry — every feature of a non-geographic collection — has
 * {@code "geometry": null}.
 */
public final class GeoJsonWriter {
    private final JsonGenerator json;
    private final SupportedCrs crs;

    public GeoJsonWriter(JsonGenerator json, SupportedCrs crs) {
        this.json = json;
        this.crs = crs;
    }

    public void feature(Feature feature, @Nullable Runnable extra) {
        json.writeStartObject();
        json.writeName("type");
        json.writeString("Feature");
        json.writeName("id");
        json.writeNumber(feature.fid());
        json.writeName("geometry");
        geometry(feature.geometry() == null ? null : crs.fromStorage(feature.geometry()));
        json.writeName("properties");
        json.writeStartObject();
        for (Map.Entry<String, @Nullable Object> property : feature.properties().entrySet()) {
            json.writeName(property.getKey());
            value(property.getValue());
        }
        json.writeEndObject();
        if (extra != null) {
            extra.run();
        }
        json.writeEndObject();
    }

    private void value(@Nullable Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number.toPlainString()); // every digit, never an exponent (1E-7)
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeString(value.toString()); // dates and timestamps: ISO 8601, as JSON Schema's formats
        }
    }

    private void geometry(@Nullable Geometry geometry) {
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
                geometry(collection.getGeometryN(i));
            }
            json.writeEndArray();
        } else {
            json.writeName("coordinates");
            coordinates(geometry);
        }
        json.writeEndObject();
    }

    private void coordinates(Geometry geometry) {
        if (geometry instanceof Point point) {
            if (point.isEmpty()) {
                json.writeStartArray();
                json.writeEndArray();
            } else {
                position(point.getCoordinate());
            }
        } else if (geometry instanceof LineString line) {
            positions(line.getCoordinates());
        } else if (geometry instanceof Polygon polygon) {
            json.writeStartArray();
            if (!polygon.isEmpty()) {
                positions(polygon.getExteriorRing().getCoordinates());
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    positions(polygon.getInteriorRingN(i).getCoordinates());
                }
            }
            json.writeEndArray();
        } else {
            json.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                coordinates(geometry.getGeometryN(i));
            }
            json.writeEndArray();
        }
    }

    private void positions(Coordinate[] coordinates) {
        json.writeStartArray();
        for (Coordinate c : coordinates) {
            position(c);
        }
        json.writeEndArray();
    }

    private void position(Coordinate c) {
        json.writeStartArray();
        json.writeNumber(c.getX());
        json.writeNumber(c.getY());
        json.writeEndArray();
    }
}
