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
}
