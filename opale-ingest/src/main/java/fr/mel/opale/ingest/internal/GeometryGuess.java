package fr.mel.opale.ingest.internal;

import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.GeometryPlan;
import fr.mel.opale.ingest.GeometrySource;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Which columns of a table hold its geometry, by their names and values: a WKT or GeoJSON column first (shapes),
 * then a latitude/longitude pair, then a "lat,lon" text column, then an X/Y pair in a CRS told by the value ranges.
 */
final class GeometryGuess {
    private static final Set<String> LAT = Set.of("lat", "latitude", "ylat", "lati");
    private static final Set<String> LON = Set.of("lon", "lng", "long", "longitude", "xlon", "longi");
    private static final Set<String> Y = Set.of("y", "coordy", "ycoord", "coord_y", "y_l93", "yl93");
    private static final Set<String> X = Set.of("x", "coordx", "xcoord", "coord_x", "x_l93", "xl93");

    /** Lambert-93 over metropolitan France and Corsica, with a margin. */
    private static final double L93_MIN_X = 50_000;
    private static final double L93_MAX_X = 1_300_000;
    private static final double L93_MIN_Y = 6_000_000;
    private static final double L93_MAX_Y = 7_200_000;

    private GeometryGuess() {
    }

    /** The column a guess took, and its plan; or the reason none was taken. */
    record Result(@Nullable GeometryPlan plan, @Nullable String warning) {
    }

    static Result guess(List<String> labels, List<ColumnStats> stats, @Nullable Integer declaredSrid) {
        for (int i = 0; i < labels.size(); i++) {
            ColumnStats s = stats.get(i);
            if (s.type() == ColumnType.TEXT && s.allWkt()) {
                int srid = declaredSrid != null ? declaredSrid
                        : s.ewktSrid() != 0 ? s.ewktSrid() : sridOfWkt(s.distinct().samples());
                return new Result(new GeometryPlan(GeometrySource.WKT, List.of(i), srid), null);
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            ColumnStats s = stats.get(i);
            if (s.type() == ColumnType.TEXT && s.allGeoJson()) {
                return new Result(new GeometryPlan(GeometrySource.GEOJSON, List.of(i),
                        declaredSrid != null ? declaredSrid : Crs.WGS84), null);
            }
        }
        int lat = find(labels, stats, LAT);
        int lon = find(labels, stats, LON);
        if (lat >= 0 && lon >= 0) {
            int srid = declaredSrid != null ? declaredSrid : Crs.WGS84;
            if (declaredSrid == null && !inDegrees(stats.get(lon), stats.get(lat))) {
                return new Result(null, "Les colonnes « " + labels.get(lat) + " » et « " + labels.get(lon)
                        + " » ont des valeurs hors des plages de latitude et de longitude : géométrie non créée. "
                        + "Précisez le système de coordonnées s'il ne s'agit pas de degrés.");
            }
            return new Result(new GeometryPlan(GeometrySource.XY, List.of(lon, lat), srid), null);
        }
        for (int i = 0; i < labels.size(); i++) {
            ColumnStats s = stats.get(i);
            if (s.type() == ColumnType.TEXT && s.allLatLonText()) {
                return new Result(new GeometryPlan(GeometrySource.LAT_LON_TEXT, List.of(i),
                        declaredSrid != null ? declaredSrid : Crs.WGS84), null);
            }
        }
        int y = find(labels, stats, Y);
        int x = find(labels, stats, X);
        if (x >= 0 && y >= 0) {
            Integer srid = declaredSrid != null ? declaredSrid : sridOfRanges(stats.get(x), stats.get(y));
            if (srid == null) {
                return new Result(null, "Les colonnes « " + labels.get(x) + " » et « " + labels.get(y)
                        + " » semblent être des coordonnées dans un système inconnu : précisez-le (code EPSG) pour "
                        + "créer la géométrie.");
            }
            return new Result(new GeometryPlan(GeometrySource.XY, List.of(x, y), srid), null);
        }
        return new Result(null, null);
    }

    private static int find(List<String> labels, List<ColumnStats> stats, Set<String> names) {
        for (int i = 0; i < labels.size(); i++) {
            ColumnType type = stats.get(i).type();
            if (type != ColumnType.INTEGER && type != ColumnType.DECIMAL) {
                continue;
            }
            String normal = normalise(labels.get(i));
            if (names.contains(normal)) {
                return i;
            }
            for (String token : normal.split("_")) {
                if (names.contains(token)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Lower-case ASCII words joined by '_': "Latitude (WGS84)" → "latitude_wgs84". */
    static String normalise(String label) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static boolean inDegrees(ColumnStats lon, ColumnStats lat) {
        return within(lon, -180, 180) && within(lat, -90, 90);
    }

    private static boolean within(ColumnStats s, double min, double max) {
        Double lo = s.min();
        Double hi = s.max();
        return lo == null || (lo >= min && hi != null && hi <= max);
    }

    static @Nullable Integer sridOfRanges(ColumnStats x, ColumnStats y) {
        if (inDegrees(x, y)) {
            return Crs.WGS84;
        }
        if (within(x, L93_MIN_X, L93_MAX_X) && within(y, L93_MIN_Y, L93_MAX_Y)) {
            return Crs.LAMBERT_93;
        }
        return null;
    }

    /** The CRS a coordinate's range tells: degrees, else Lambert-93 over France, else (unknown) WGS84. */
    static int sridOfCoordinate(Coordinate c) {
        if (Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90) {
            return Crs.WGS84;
        }
        if (c.x >= L93_MIN_X && c.x <= L93_MAX_X && c.y >= L93_MIN_Y && c.y <= L93_MAX_Y) {
            return Crs.LAMBERT_93;
        }
        return Crs.WGS84;
    }

    private static int sridOfWkt(List<String> samples) {
        for (String sample : samples) {
            try {
                Geometry g = new WKTReader().read(sample.endsWith("…") ? "" : sample);
                if (!g.isEmpty()) {
                    return sridOfCoordinate(g.getCoordinate());
                }
            } catch (ParseException | IllegalArgumentException e) {
                // try the next sample
            }
        }
        return Crs.WGS84;
    }
}
