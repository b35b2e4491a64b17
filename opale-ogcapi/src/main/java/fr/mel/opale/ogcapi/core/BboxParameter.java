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
 * default, axis order of the CRS: latitude first for EPSG:4326). In CRS84 and EPSG:4326 a west edge greater than the
 * east edge is a box across the antimeridian (OGC API – Features Part 1: {@code 177,65,-177,70} spans the 180°
 * meridian); projected boxes are reprojected to CRS84 by their corners and edge midpoints. Out-of-range or otherwise
 * inverted boxes are a 400. Records reads its {@code bbox} (CRS84) with {@link #parse}.
 */
public final class BboxParameter implements ItemsParameter {
    private static final String NAME = "bbox";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(String raw, ItemsRequest request) {
        request.bbox(parse(raw, request.bboxCrs()));
    }

    /**
     * The CRS84 box of a {@code bbox} value given in {@code crs}.
     *
     * @throws OgcApiProblem 400 naming {@code bbox}: not 4 or 6 finite numbers, out of the CRS's range, south above
     *                       north (or min above max in a projected CRS)
     */
    public static Bbox parse(String raw, SupportedCrs crs) {
        String[] parts = raw.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw OgcApiProblem.badParameter(NAME, "4 ou 6 nombres séparés par des virgules sont attendus (reçu "
                    + parts.length + " valeur(s)).");
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw OgcApiProblem.badParameter(NAME, "« " + Abbreviation.of(parts[i]) + " » n'est pas un nombre.");
            }
            if (!Double.isFinite(numbers[i])) {
                throw OgcApiProblem.badParameter(NAME, "nombres finis attendus.");
            }
        }
        int half = parts.length / 2;
        double minX = numbers[0];
        double minY = numbers[1];
        double maxX = numbers[half];
        double maxY = numbers[half + 1];
        if (crs == SupportedCrs.CRS84 || crs == SupportedCrs.EPSG_4326) {
            boolean lonFirst = crs == SupportedCrs.CRS84;
            double west = lonFirst ? minX : minY;
            double south = lonFirst ? minY : minX;
            double east = lonFirst ? maxX : maxY;
            double north = lonFirst ? maxY : maxX;
            if (Math.abs(west) > 180 || Math.abs(east) > 180 || Math.abs(south) > 90 || Math.abs(north) > 90) {
                throw OgcApiProblem.badParameter(NAME, "longitudes dans [-180, 180] et latitudes dans [-90, 90] "
                        + "attendues (dans l'ordre des axes de bbox-crs).");
            }
            if (south > north) {
                throw OgcApiProblem.badParameter(NAME, "le sud doit précéder le nord (min ≤ max ; seules les "
                        + "longitudes peuvent s'inverser, pour traverser l'antiméridien).");
            }
            return new Bbox(west, south, east, north);
        }
        if (minX > maxX || minY > maxY) {
            throw OgcApiProblem.badParameter(NAME, "le coin bas-gauche doit précéder le coin haut-droit (min ≤ max).");
        }
        Envelope envelope = new Envelope();
        double midX = (minX + maxX) / 2;
        double midY = (minY + maxY) / 2;
        for (double[] point : List.of(new double[] {minX, minY}, new double[] {maxX, minY}, new double[] {maxX, maxY},
                new double[] {minX, maxY}, new double[] {midX, minY}, new double[] {midX, maxY},
                new double[] {minX, midY}, new double[] {maxX, midY})) {
            Coordinate c = crs.toStorage(point[0], point[1]);
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw OgcApiProblem.badParameter(NAME, "emprise hors du domaine de " + crs.uri + ".");
            }
            envelope.expandToInclude(c);
        }
        return new Bbox(Math.max(-180, envelope.getMinX()), Math.max(-90, envelope.getMinY()),
                Math.min(180, envelope.getMaxX()), Math.min(90, envelope.getMaxY()));
    }

    @Override
    public Map<String, Object> openApi(OgcCollection collection) {
        return ItemsParameter.describe(name(), "Emprise : minx,miny,maxx,maxy (ou avec altitudes : 6 nombres), "
                        + "dans bbox-crs (CRS84 par défaut) ; ouest > est traverse l'antiméridien.",
                Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")));
    }
}
