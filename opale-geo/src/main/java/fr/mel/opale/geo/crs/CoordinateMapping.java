package fr.mel.opale.geo.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A change of every x/y of a geometry: a proj4j reprojection ({@link #of(CoordinateTransform)}), an axis swap
 * ({@link #SWAP_AXES}) or a formula (the tiles' spherical Web Mercator). The one place where coordinates are
 * rewritten in place of a JTS geometry; Z and M are left as they are.
 *
 * <p>Not thread-safe when made from a transform (proj4j keeps scratch state): one per thread.
 */
@FunctionalInterface
public interface CoordinateMapping {
    /** Longitude/latitude to latitude/longitude and back: the same numbers, the other order. */
    CoordinateMapping SWAP_AXES = (x, y, out) -> {
        out[0] = y;
        out[1] = x;
    };

    /**
     * Maps one position.
     *
     * @param out receives the new x in {@code out[0]} and y in {@code out[1]} (reused between calls: no allocation)
     */
    void map(double x, double y, double[] out);

    /** A mapping by a proj4j transform (which this mapping then owns: one thread at a time). */
    static CoordinateMapping of(CoordinateTransform transform) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate result = new ProjCoordinate();
        return (x, y, out) -> {
            in.x = x;
            in.y = y;
            transform.transform(in, result);
            out[0] = result.x;
            out[1] = result.y;
        };
    }

    /** A copy of {@code geometry} with every position mapped; the geometry given is not changed. */
    default Geometry applyTo(Geometry geometry) {
        return applyInPlace(geometry.copy());
    }

    /** Maps every position of {@code geometry} itself (a geometry nobody else holds) and returns it. */
    default Geometry applyInPlace(Geometry geometry) {
        double[] out = new double[2];
        geometry.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                map(sequence.getX(i), sequence.getY(i), out);
                sequence.setOrdinate(i, 0, out[0]);
                sequence.setOrdinate(i, 1, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        geometry.geometryChanged();
        return geometry;
    }
}
