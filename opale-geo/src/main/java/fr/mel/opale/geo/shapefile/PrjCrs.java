package fr.mel.opale.geo.shapefile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The EPSG code of a shapefile's .prj (WKT 1, OGC or ESRI flavour): its own AUTHORITY when it has one, else its
 * name (Lambert-93 as "RGF93 / Lambert-93", "RGF93_Lambert_93" or "RGF_1993_Lambert_93"; the CC zones; Web
 * Mercator; UTM), else Lambert-93's projection parameters, else a geographic WGS 84 or RGF93.
 */
public final class PrjCrs {
    private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]");
    private static final Pattern CC = Pattern.compile("cc(4[2-9]|50)(?!\\d)");
    private static final Pattern UTM = Pattern.compile("utmzone(\\d{1,2})([ns])");
    private static final Pattern PARAMETER = Pattern.compile("PARAMETER\\[\"([^\"]+)\",\\s*([-0-9.eE]+)\\]");

    private PrjCrs() {
    }

    /** The EPSG code a .prj's WKT names or describes, or null when it is none of those recognised. */
    public static @Nullable Integer srid(String wkt) {
        String text = wkt.strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher authority = AUTHORITY.matcher(text);
        Integer last = null;
        int lastAt = -1;
        while (authority.find()) {
            last = Integer.parseInt(authority.group(1));
            lastAt = authority.start();
        }
        boolean projected = text.startsWith("PROJCS");
        // A PROJCS's own authority comes after its PROJECTION; one before belongs to its GEOGCS.
        if (last != null && (!projected || lastAt > text.indexOf("PROJECTION["))) {
            return last;
        }
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (projected) {
            if (name.contains("lambert93")) {
                return 2154;
            }
            Matcher cc = CC.matcher(name);
            if (cc.find() && (name.contains("rgf") || name.contains("conic"))) {
                return 3900 + Integer.parseInt(cc.group(1));
            }
            if (name.contains("pseudomercator") || name.contains("webmercator")
                    || name.contains("popularvisualisation")) {
                return 3857;
            }
            if (name.contains("lambertiietendu") || name.contains("lambertiiextended")
                    || name.contains("lambert2etendu")) {
                return 27572;
            }
            Matcher utm = UTM.matcher(name);
            if (utm.find()) {
                int zone = Integer.parseInt(utm.group(1));
                boolean north = utm.group(2).equals("n");
                if (name.contains("etrs") && north) {
                    return 25800 + zone;
                }
                if (name.contains("wgs84") || name.contains("wgs1984")) {
                    return (north ? 32600 : 32700) + zone;
                }
            }
            if (isLambert93ByParameters(text)) {
                return 2154;
            }
            return null;
        }
        if (text.startsWith("GEOGCS")) {
            if (name.contains("rgf93") || name.contains("rgf1993")) {
                return 4171;
            }
            if (name.contains("wgs84") || name.contains("wgs1984")) {
                return 4326;
            }
        }
        return null;
    }

    private static boolean isLambert93ByParameters(String text) {
        if (!text.toLowerCase(Locale.ROOT).contains("lambert_conformal_conic")) {
            return false;
        }
        double sp1 = Double.NaN;
        double sp2 = Double.NaN;
        double lat0 = Double.NaN;
        double lon0 = Double.NaN;
        double fe = Double.NaN;
        double fn = Double.NaN;
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "standard_parallel_1" -> sp1 = v;
                case "standard_parallel_2" -> sp2 = v;
                case "latitude_of_origin" -> lat0 = v;
                case "central_meridian" -> lon0 = v;
                case "false_easting" -> fe = v;
                case "false_northing" -> fn = v;
                default -> {
                }
            }
        }
        return Math.min(sp1, sp2) == 44 && Math.max(sp1, sp2) == 49 && lat0 == 46.5 && lon0 == 3
                && fe == 700000 && fn == 6600000;
    }
}
