package fr.mel.opale.data;

import org.locationtech.jts.geom.Envelope;
import org.jspecify.annotations.Nullable;

/**
 * A WGS84 bounding box in degrees (longitude west/east, latitude south/north). West must not exceed east: a box
 * across the antimeridian is two boxes for the caller to split.
 */
public record Bbox(double west, double south, double east, double north) {
    public Bbox {
        if (!(west <= east) || !(south <= north) || south < -90 || north > 90 || west < -180 || east > 180) {
            throw DataProblem.invalidQuery("Emprise invalide : ouest ≤ est, sud ≤ nord, longitudes dans [-180, 180], "
                    + "latitudes dans [-90, 90] (reçu " + west + "," + south + "," + east + "," + north + ").");
        }
    }

    /** The box of a JTS envelope, or null for a null (empty) envelope. */
    public static @Nullable Bbox of(Envelope envelope) {
        return envelope.isNull() ? null
                : new Bbox(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
    }

    public Envelope envelope() {
        return new Envelope(west, east, south, north);
    }
}
