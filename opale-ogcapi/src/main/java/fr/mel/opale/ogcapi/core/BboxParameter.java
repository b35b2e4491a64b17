package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code bbox}: 4 numbers (min x, min y, max x, max y) or 6 (with heights, ignored), in {@code bbox-crs} (CRS84 by
 * default, axis order of the CRS: latitude first for EPSG:4326). Reprojected to CRS84 by its corners and edge
 * midpoints; out-of-range or inverted boxes are a 400.
 */
final class BboxParameter implements ItemsParameter {
    @Override
    public String name() {
        return "bbox";
    }

    @Override
    public void apply(String raw, ItemsRequest request) {
        String[] parts = raw.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw OgcApiProblem.badParameter(name(), "4 ou 6 nombres séparés par des virgules sont attendus (reçu "
                    + parts.length + " valeur(s)).");
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw OgcApiProblem.badParameter(name(), "« " + Abbreviation.of(parts[i]) + " » n'est pas un nombre.");
            }
            if (!Double.isFinite(numbers[i])) {
                throw OgcApiProblem.badParameter(name(), "nombres finis attendus.");
            }
        }
        int half = parts.length / 2;
        double minX = numbers[0];
        double minY = numbers[1];
        double maxX = numbers[half];
        double maxY = numbers[half + 1];
        if (minX > maxX || minY > maxY) {
            throw OgcApiProblem.badParameter(name(), "le coin bas-gauche doit précéder le coin haut-droit (min ≤ max).");
        }
        SupportedCrs crs = request.bboxCrs();
        if (crs == SupportedCrs.CRS84 || crs == SupportedCrs.EPSG_4326) {
            double lonMin = crs == SupportedCrs.CRS84 ? minX : minY;
            double latMin = crs == SupportedCrs.CRS84 ? minY : minX;
            double lonMax = crs == SupportedCrs.CRS84 ? maxX : maxY;
            double latMax = crs == SupportedCrs.CRS84 ? maxY : maxX;
            if (lonMin < -180 || lonMax > 180 || latMin < -90 || latMax > 90) {
                throw OgcApiProblem.badParameter(name(), "longitudes dans [-180, 180] et latitudes dans [-90, 90] "
                        + "attendues (dans l'ordre des axes de bbox-crs).");
            }
            request.bbox(new Bbox(lonMin, latMin, lonMax, latMax));
            return;
        }
        Envelope envelope = new Envelope();
        double midX = (minX + maxX) / 2;
        double midY = (minY + maxY) / 2;
        for (double[] point : List.of(new double[] {minX, minY}, new double[] {maxX, minY}, new double[] {maxX, maxY},
                new double[] {minX, maxY}, new double[] {midX, minY}, new double[] {midX, maxY},
                new double[] {minX, midY}, new double[] {maxX, midY})) {
            Coordinate c = crs.toStorage(point[0], point[1]);
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw OgcApiProblem.badParameter(name(), "emprise hors du domaine de " + crs.uri + ".");
            }
            envelope.expandToInclude(c);
        }
        request.bbox(new Bbox(Math.max(-180, envelope.getMinX()), Math.max(-90, envelope.getMinY()),
                Math.min(180, envelope.getMaxX()), Math.min(90, envelope.getMaxY())));
    }

    @Override
    public Map<String, Object> openApi(OgcCollection collection) {
        return ItemsParameter.describe(name(), "Emprise : minx,miny,maxx,maxy (ou avec altitudes : 6 nombres), "
                        + "dans bbox-crs (CRS84 par défaut).",
                Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")));
    }
}
