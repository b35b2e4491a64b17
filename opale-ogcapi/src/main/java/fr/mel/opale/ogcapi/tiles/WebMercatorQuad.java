package fr.mel.opale.ogcapi.tiles;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.geo.crs.CoordinateMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The OGC WebMercatorQuad tile matrix set (OGC 17-083r4, annex D): spherical Web Mercator (EPSG:3857), 256×256
 * tiles, matrix {@code z} of 2^z × 2^z tiles, origin top left. The projection is the closed spherical formula (what
 * EPSG:3857 is), so no CRS library is needed on the tile path.
 */
final class WebMercatorQuad {
    static final String ID = "WebMercatorQuad";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final int DEEPEST = 24;
    static final double RADIUS = 6_378_137.0;
    static final double HALF_WORLD = Math.PI * RADIUS;
    /** The latitude at which the square world ends (y = ±HALF_WORLD). */
    static final double MAX_LATITUDE = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));
    private static final double CELL_SIZE_0 = 2 * HALF_WORLD / 256;
    /** OGC's standardized rendering pixel size, 0.28 mm. */
    private static final double PIXEL_SIZE = 0.00028;

    private WebMercatorQuad() {
    }

    /** The tile's envelope in EPSG:3857 metres. */
    static Envelope tileEnvelope(int z, long row, long col) {
        double size = 2 * HALF_WORLD / (1L << z);
        double minX = -HALF_WORLD + col * size;
        double maxY = HALF_WORLD - row * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** One pixel of a 256-pixel tile at zoom {@code z}, in metres: the generalisation tolerance. */
    static double pixel(int z) {
        return CELL_SIZE_0 / (1L << z);
    }

    /**
     * The WGS84 box covering a Web Mercator envelope: latitudes clamped to the world, longitudes beyond ±180° wrapped
     * to the other side (a box across the antimeridian, for a tile at the world's edge with its buffer), the whole
     * world when it is wider than it.
     */
    static Bbox toWgs84(Envelope mercator) {
        double west = Math.toDegrees(mercator.getMinX() / RADIUS);
        double east = Math.toDegrees(mercator.getMaxX() / RADIUS);
        if (east - west >= 360) {
            west = -180;
            east = 180;
        } else if (west < -180) {
            west += 360;
        } else if (east > 180) {
            east -= 360;
        }
        double south = Math.max(-90, latitude(mercator.getMinY()));
        double north = Math.min(90, latitude(mercator.getMaxY()));
        return new Bbox(west, south, east, north);
    }

    private static double latitude(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(y / RADIUS)));
    }

    /** A copy of a WGS84 geometry in Web Mercator; latitudes beyond the square world are clamped to its edge. */
    static Geometry toMercator(Geometry wgs84) {
        return TO_MERCATOR.applyTo(wgs84);
    }

    /** Spherical Web Mercator by its formula: faster than proj4j for every vertex of every tile, and clamped. */
    private static final CoordinateMapping TO_MERCATOR = (lon, latitude, out) -> {
        double lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude));
        out[0] = RADIUS * Math.toRadians(lon);
        out[1] = RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    };

    /** The tile matrix set as OGC Two Dimensional Tile Matrix Set 2.0 JSON describes it, matrices 0..maxZoom. */
    static Map<String, Object> definition(int maxZoom) {
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (int z = 0; z <= maxZoom; z++) {
            Map<String, Object> matrix = new LinkedHashMap<>();
            matrix.put("id", Integer.toString(z));
            matrix.put("scaleDenominator", pixel(z) / PIXEL_SIZE);
            matrix.put("cellSize", pixel(z));
            matrix.put("cornerOfOrigin", "topLeft");
            matrix.put("pointOfOrigin", List.of(-HALF_WORLD, HALF_WORLD));
            matrix.put("tileWidth", 256);
            matrix.put("tileHeight", 256);
            matrix.put("matrixWidth", 1L << z);
            matrix.put("matrixHeight", 1L << z);
            matrices.add(matrix);
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", ID);
        set.put("title", "Google Maps Compatible for the World");
        set.put("uri", URI);
        set.put("crs", CRS);
        set.put("orderedAxes", List.of("X", "Y"));
        set.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        set.put("boundingBox", Map.of("lowerLeft", List.of(-HALF_WORLD, -HALF_WORLD),
                "upperRight", List.of(HALF_WORLD, HALF_WORLD), "crs", CRS));
        set.put("tileMatrices", matrices);
        return set;
    }
}
