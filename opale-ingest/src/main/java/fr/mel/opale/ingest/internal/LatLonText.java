package fr.mel.opale.ingest.internal;

import org.jspecify.annotations.Nullable;

/** "lat,lon" in one cell, as OpenDataSoft's {@code geo_point_2d}: "50.6707388795,3.12919014364". */
final class LatLonText {
    private LatLonText() {
    }

    /** {lon, lat}, or null when the text is not two dot-decimal numbers within latitude and longitude ranges. */
    static double @Nullable [] parse(String t) {
        int comma = t.indexOf(',');
        if (comma <= 0 || t.indexOf(',', comma + 1) >= 0) {
            return null;
        }
        String a = t.substring(0, comma).strip();
        String b = t.substring(comma + 1).strip();
        double lat = CellText.parseNumber(a, '.');
        double lon = CellText.parseNumber(b, '.');
        if (Double.isNaN(lat) || Double.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return null;
        }
        return new double[] {lon, lat};
    }
}
