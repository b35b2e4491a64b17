package fr.mel.opale.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;

/**
 * Coordinate reference systems by EPSG code (proj4j and its EPSG database), and the transforms to WGS84 the readers
 * apply. Checked against PostGIS for Lambert-93 (EPSG:2154) in the tests.
 */
public final class Crs {
    public static final int WGS84 = 4326;
    public static final int LAMBERT_93 = 2154;
    public static final int WEB_MERCATOR = 3857;

    private static final CRSFactory FACTORY = new CRSFactory();
    /** Parsed definitions are immutable; parsing one costs a file scan, so each is parsed once per JVM. */
    private static final Map<Integer, CoordinateReferenceSystem> PARSED = new ConcurrentHashMap<>();

    private Crs() {
    }

    /** Whether proj4j knows this EPSG code. */
    public static boolean isSupported(int srid) {
        return definition(srid) != null;
    }

    /**
     * A new transform from {@code srid} to WGS84 longitude/latitude. Transforms keep scratch state: one per
     * thread (one per row stream).
     *
     * @throws InvalidReadOptions when the code is unknown
     */
    public static CoordinateTransform toWgs84(int srid) {
        CoordinateReferenceSystem source = definition(srid);
        if (source == null) {
            throw new InvalidReadOptions("unknown-crs", "Système de coordonnées EPSG:" + srid + " inconnu.");
        }
        return new CoordinateTransformFactory().createTransform(source, definition(WGS84));
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
