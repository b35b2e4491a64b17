package fr.mel.opale.data;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * A WGS84 bounding box in degrees (longitude west/east, latitude south/north). West greater than east is a box that
 * crosses the antimeridian, as OGC API – Features Part 1 says (e.g. {@code 177,65,-177,70} spans the 180°
 * meridian): {@link #parts()} gives it as the two boxes on either side.
 */
public record Bbox(double west, double south, double east, double north) {
    public Bbox {
        if (!(south <= north) || !(south >= -90) || !(north <= 90) || !(west >= -180) || !(west <= 180)
                || !(east >= -180) || !(east <= 180)) {
            throw DataProblem.invalidQuery("Emprise invalide : sud ≤ nord, longitudes dans [-180, 180], "
                    + "latitudes dans [-90, 90] (reçu " + west + "," + south + "," + east + "," + north + ").");
        }
    }

    /** The box of a JTS envelope, or null for a null (empty) envelope. */
    public static @Nullable Bbox of(Envelope envelope) {
        return envelope.isNull() ? null
                : new Bbox(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
    }

    /** Whether the box spans the 180° meridian (its west edge is east of its east edge). */
    public boolean crossesAntimeridian() {
        return west > east;
    }

    /** The box itself, or, across the antimeridian, its part up to 180° then its part from -180°. */
    public List<Bbox> parts() {
        return crossesAntimeridian()
                ? List.of(new Bbox(west, south, 180, north), new Bbox(-180, south, east, north))
                : List.of(this);
    }

    /**
     * The box as a JTS envelope.
     *
     * @throws IllegalStateException across the antimeridian, where one envelope cannot say it: use {@link #parts()}
     */
    public Envelope envelope() {
        if (crossesAntimeridian()) {
            throw new IllegalStateException("A box across the antimeridian is two envelopes: use parts()");
        }
        return new Envelope(west, east, south, north);
    }
}
