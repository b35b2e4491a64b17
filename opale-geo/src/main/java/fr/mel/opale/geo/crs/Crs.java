package fr.mel.opale.geo.crs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;

/**
 * The registry of coordinate reference systems by EPSG code (proj4j and its EPSG database) and the transforms
 * between them: what the ingest readers apply to bring a file to WGS84 and what the OGC API applies to serve
 * another CRS. Checked against PostGIS for Lambert-93 (EPSG:2154) in the tests.
 *
 * <p>Axis order: proj4j works in x/y (longitude first for geographic systems, easting first for projected ones);
 * a latitude-first presentation such as EPSG:4326 in the OGC API is the caller's business
 * ({@link CoordinateMapping#SWAP_AXES}).
 */
public final class Crs {
    public static final int WGS84 = 4326;
    public static final int LAMBERT_93 = 2154;
    public static final int WEB_MERCATOR = 3857;

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    /** Parsed definitions are immutable; parsing one costs a file scan, so each is parsed once per JVM. */
    private static final Map<Integer, CoordinateReferenceSystem> PARSED = new ConcurrentHashMap<>();

    private Crs() {
    }

    /** Whether proj4j knows this EPSG code. */
    public static boolean isSupported(int srid) {
        return definition(srid) != null;
    }

    /**
     * A new transform from {@code from} to {@code to} (x/y order). Transforms keep scratch state: one per thread
     * (e.g. one per row stream or per request).
     *
     * @throws UnknownCrs when either code is unknown
     */
    public static CoordinateTransform transform(int from, int to) {
        return TRANSFORMS.createTransform(known(from), known(to));
    }

    /** {@link #transform(int, int) transform(srid, WGS84)}: to longitude/latitude. */
    public static CoordinateTransform toWgs84(int srid) {
        return transform(srid, WGS84);
    }

    /** A French label for display, e.g. "RGF93 / Lambert-93 (EPSG:2154)". */
    public static String label(int srid) {
        String name = switch (srid) {
            case WGS84 -> "WGS 84";
            case LAMBERT_93 -> "RGF93 / Lambert-93";
            case WEB_MERCATOR -> "WGS 84 / Pseudo-Mercator";
            default -> srid >= 3942 && srid <= 3950 ? "RGF93 / CC" + (srid - 3900) : null;
        };
        return name == null ? "EPSG:" + srid : name + " (EPSG:" + srid + ")";
    }

    private static CoordinateReferenceSystem known(int srid) {
        CoordinateReferenceSystem definition = definition(srid);
        if (definition == null) {
            throw new UnknownCrs(srid);
        }
        return definition;
    }

    private static @Nullable CoordinateReferenceSystem definition(int srid) {
        CoordinateReferenceSystem known = PARSED.get(srid);
        if (known != null) {
            return known;
        }
        try {
            CoordinateReferenceSystem parsed = FACTORY.createFromName("EPSG:" + srid);
            PARSED.put(srid, parsed);
            return parsed;
        } catch (RuntimeException unknown) {
            return null;
        }
    }
}
