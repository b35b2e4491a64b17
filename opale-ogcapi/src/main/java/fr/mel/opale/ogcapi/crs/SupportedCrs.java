package fr.mel.opale.ogcapi.crs;

import fr.mel.opale.geo.crs.CoordinateMapping;
import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.ogcapi.OgcApiProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems Opale serves (OGC API – Features Part 2), by their URIs, and the reprojection
 * from and to the storage CRS (WGS84 longitude/latitude = CRS84). EPSG:4326 is the same datum with the axes the EPSG
 * register defines: latitude first. Reprojection by opale-geo's {@link Crs} registry; its transforms are not
 * thread-safe, so each call makes its own.
 */
public enum SupportedCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", Crs.WGS84),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", Crs.WGS84),
    EPSG_2154("http://www.opengis.net/def/crs/EPSG/0/2154", Crs.LAMBERT_93),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", Crs.WEB_MERCATOR);

    public final String uri;
    /** The EPSG code of the coordinates as files carry them (x first: CRS84 and EPSG:4326 are both 4326). */
    public final int epsg;

    SupportedCrs(String uri, int epsg) {
        this.uri = uri;
        this.epsg = epsg;
    }

    /** Whether the coordinates are the stored longitude/latitude, whatever the axis order. */
    public boolean isWgs84() {
        return epsg == Crs.WGS84;
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
        return this == CRS84 ? geometry : mapping(true).applyTo(geometry);
    }

    /** A copy of a geometry given in this CRS, in CRS84 (for the store). */
    public Geometry toStorage(Geometry geometry) {
        return this == CRS84 ? geometry : mapping(false).applyTo(geometry);
    }

    /** One coordinate given in this CRS (axis order of the CRS) as CRS84 longitude/latitude. */
    public Coordinate toStorage(double first, double second) {
        if (this == CRS84) {
            return new Coordinate(first, second);
        }
        double[] out = new double[2];
        mapping(false).map(first, second, out);
        return new Coordinate(out[0], out[1]);
    }

    private CoordinateMapping mapping(boolean fromStorage) {
        if (this == EPSG_4326) {
            return CoordinateMapping.SWAP_AXES; // the same numbers, latitude first
        }
        return CoordinateMapping.of(fromStorage ? Crs.transform(Crs.WGS84, epsg) : Crs.transform(epsg, Crs.WGS84));
    }
}
