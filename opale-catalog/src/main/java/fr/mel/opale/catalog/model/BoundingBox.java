package fr.mel.opale.catalog.model;

/**
 * A geographic bounding box in WGS84 longitude/latitude degrees. West may exceed east for a box crossing the
 * antimeridian; latitudes are kept within [-90, 90].
 */
public record BoundingBox(double west, double south, double east, double north) {
    public BoundingBox {
        if (!Double.isFinite(west) || !Double.isFinite(south) || !Double.isFinite(east) || !Double.isFinite(north)) {
            throw new IllegalArgumentException("Emprise géographique non numérique");
        }
        if (south > north) {
            double swap = south;
            south = north;
            north = swap;
        }
        if (south < -90 || north > 90 || west < -180 || west > 180 || east < -180 || east > 180) {
            throw new IllegalArgumentException(
                    "Emprise géographique hors des limites WGS84 : " + west + ", " + south + ", " + east + ", " + north);
        }
    }

    /** The smallest box holding both (ignoring the antimeridian case, rare in a metropolitan catalog). */
    public BoundingBox union(BoundingBox other) {
        return new BoundingBox(Math.min(west, other.west), Math.min(south, other.south),
                Math.max(east, other.east), Math.max(north, other.north));
    }

    /**
     * The box as a closed WKT ring {@code ((w s, e s, e n, w n, w s))}, longitude first (CRS84 axis order, as
     * GeoSPARQL and GeoJSON expect); numbers without trailing zeros. Put {@code POLYGON} or a MULTIPOLYGON around it.
     */
    public String wktRing() {
        String w = wktNumber(west);
        String s = wktNumber(south);
        String e = wktNumber(east);
        String n = wktNumber(north);
        return "((" + w + " " + s + ", " + e + " " + s + ", " + e + " " + n + ", " + w + " " + n + ", " + w + " " + s + "))";
    }

    private static String wktNumber(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
