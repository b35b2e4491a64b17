package fr.mel.opale.ogcapi.filter.cql2;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * CQL2's {@code BBOX(minx, miny, maxx, maxy)} (text) and {@code {"bbox": [...]}} (JSON) as a geometry. A west edge
 * greater than the east edge crosses the antimeridian, as the standard's test dataset expects
 * ({@code BBOX(150,-90,-150,90)} holds the countries of the Pacific): the two boxes either side of 180°, one
 * multipolygon. Heights (6 numbers) are ignored by the callers.
 */
final class BboxLiteral {
    private BboxLiteral() {
    }

    static Geometry geometry(double west, double south, double east, double north, GeometryFactory factory) {
        if (west <= east) {
            return factory.toGeometry(new Envelope(west, east, south, north));
        }
        Polygon toAntimeridian = (Polygon) factory.toGeometry(new Envelope(west, 180, south, north));
        Polygon fromAntimeridian = (Polygon) factory.toGeometry(new Envelope(-180, east, south, north));
        return factory.createMultiPolygon(new Polygon[] {toAntimeridian, fromAntimeridian});
    }
}
