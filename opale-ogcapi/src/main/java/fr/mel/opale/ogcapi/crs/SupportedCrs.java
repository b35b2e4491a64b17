package fr.mel.opale.ogcapi.crs;

import fr.mel.opale.ogcapi.OgcApiProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems Opale serves (OGC API – Features Part 2), and the reprojection from and to the
 * storage CRS (WGS84 longitude/latitude = CRS84). EPSG:4326 is the same datum with the axes the EPSG register
 * defines: latitude first. Reprojection by proj4j; its transforms are not thread-safe, so each call makes its own.
 */
public enum SupportedCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", null),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", null),
    EPSG_2154("http://www.opengis.net/def/crs/EPSG/0/2154", "EPSG:2154"),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:3857");

    public final String uri;
    private final CoordinateReferenceSystem projected;

    SupportedCrs(String uri, String proj4jName) {
        this.uri = uri;
        this.projected = proj4jName == null ? null : Proj.FACTORY.createFromName(proj4jName);
    }

    /** proj4j's factories (thread-safe), apart so that the constants can use them while being built. */
    private static final class Proj {
        static final CRSFactory FACTORY = new CRSFactory();
        static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
        static final CoordinateReferenceSystem WGS84 = FACTORY.createFromName("EPSG:4326");
    }

    public static List<String> uris() {
        return Arrays.stream(values()).map(c -> c.uri).toList();
    }

    /**
     * The CRS named by a URI ({@code http://www.opengis.net/def/crs/EPSG/0/2154}), a safe CURIE ({@code [EPSG:2154]})
     * or a short code ({@code EPSG:2154}, {@code CRS84}).
     *
     * @throws OgcApiProblem 400 naming the parameter and the supported CRS otherwise
     */
    public static SupportedCrs parse(String parameter, String value) {
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        String upper = v.toUpperCase(Locale.ROOT);
        for (SupportedCrs crs : values()) {
            String code = crs.uri.substring(crs.uri.lastIndexOf('/') + 1);
            String authority = crs == CRS84 ? "OGC:" : "EPSG:";
            if (crs.uri.equalsIgnoreCase(v) || upper.equals(authority + code) || upper.equals(code)
                    || crs.uri.replace("http://", "https://").equalsIgnoreCase(v)) {
                return crs;
            }
        }
        throw OgcApiProblem.badParameter(parameter, "système de coordonnées non pris en charge (« "
                + abbreviate(value) + " »). Systèmes disponibles : " + String.join(", ", uris()) + ".");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** A copy of a CRS84 (stored) geometry in this CRS, axes in this CRS's order. */
    public Geometry fromStorage(Geometry geometry) {
        if (this == CRS84) {
            return geometry;
        }
        Geometry copy = geometry.copy();
        copy.apply(filter(true));
        copy.geometryChanged();
        return copy;
    }

    /** A copy of a geometry given in this CRS, in CRS84 (for the store). */
    public Geometry toStorage(Geometry geometry) {
        if (this == CRS84) {
            return geometry;
        }
        Geometry copy = geometry.copy();
        copy.apply(filter(false));
        copy.geometryChanged();
        return copy;
    }

    /** One coordinate given in this CRS (axis order of the CRS) as CRS84 longitude/latitude. */
    public Coordinate toStorage(double first, double second) {
        if (this == CRS84) {
            return new Coordinate(first, second);
        }
        if (this == EPSG_4326) {
            return new Coordinate(second, first);
        }
        ProjCoordinate out = new ProjCoordinate();
        Proj.TRANSFORMS.createTransform(projected, Proj.WGS84).transform(new ProjCoordinate(first, second), out);
        return new Coordinate(out.x, out.y);
    }

    private CoordinateSequenceFilter filter(boolean fromStorage) {
        CoordinateTransform transform = projected == null ? null
                : fromStorage ? Proj.TRANSFORMS.createTransform(Proj.WGS84, projected) : Proj.TRANSFORMS.createTransform(projected, Proj.WGS84);
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        return new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                double x = sequence.getX(i);
                double y = sequence.getY(i);
                if (transform == null) { // EPSG:4326: the same numbers, latitude first
                    sequence.setOrdinate(i, 0, y);
                    sequence.setOrdinate(i, 1, x);
                    return;
                }
                in.x = x;
                in.y = y;
                transform.transform(in, out);
                sequence.setOrdinate(i, 0, out.x);
                sequence.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        };
    }
}
