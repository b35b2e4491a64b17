package fr.mel.opale.ingest.internal;

import fr.mel.opale.geo.crs.CoordinateMapping;
import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.geo.crs.UnknownCrs;
import fr.mel.opale.geo.geojson.GeoJsonGeometryReader;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.GeometryPlan;
import fr.mel.opale.ingest.GeometrySource;
import fr.mel.opale.ingest.InvalidReadOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes each row's WGS84 geometry as a {@link GeometryPlan} says: from the format's own geometry or from columns,
 * reprojected, range-checked, validated and repaired when that is safe ({@link GeometryFixer}: self-touching or
 * self-crossing rings, wrong nesting), else left null with a warning. Counts everything for the read summary.
 */
final class GeometryMaker {
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), Crs.WGS84);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final GeometryPlan plan;
    private final char[] decimalMarks;
    private final @Nullable CoordinateMapping toWgs84;
    private final WarningLog log;
    private final java.util.function.LongFunction<String> where;
    private final WKTReader wkt = new WKTReader(WGS84);
    private final Envelope bbox = new Envelope();
    long present;
    long missing;
    long repaired;
    long rejected;

    GeometryMaker(GeometryPlan plan, List<ColumnPlan> columns, WarningLog log,
                  java.util.function.LongFunction<String> where) {
        this.plan = plan;
        this.log = log;
        this.where = where;
        this.decimalMarks = new char[plan.columns().size()];
        for (int i = 0; i < decimalMarks.length; i++) {
            int source = plan.columns().get(i);
            decimalMarks[i] = columns.stream().filter(c -> c.source() == source).findFirst()
                    .map(c -> c.decimalSeparator() == null ? '.' : c.decimalSeparator()).orElse('.');
        }
        try {
            this.toWgs84 = plan.srid() == Crs.WGS84 ? null : CoordinateMapping.of(Crs.toWgs84(plan.srid()));
        } catch (UnknownCrs e) {
            throw new InvalidReadOptions("unknown-crs", e.getMessage());
        }
    }

    /** The WGS84 geometry of the current record, or null (counted and, when something was wrong, reported). */
    @Nullable Geometry make(RecordSource source) {
        Geometry raw;
        try {
            raw = read(source);
        } catch (IllegalArgumentException | ParseException e) {
            reject(source.line(), "illisible (" + e.getMessage() + ")");
            return null;
        }
        if (raw == null || raw.isEmpty()) {
            missing++;
            return null;
        }
        Geometry g = toWgs84 == null ? raw : reproject(raw);
        Envelope e = g.getEnvelopeInternal();
        if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90
                || Double.isNaN(e.getMinX())) {
            reject(source.line(), "hors des limites de la Terre en EPSG:" + plan.srid()
                    + " (système de coordonnées mal indiqué ?)");
            return null;
        }
        if (!(g instanceof Point) && !g.isValid()) {
            Geometry fixed = GeometryFixer.fix(g);
            if (fixed.isEmpty() || fixed.getDimension() != g.getDimension()) {
                reject(source.line(), "invalide et non réparable sans la dénaturer");
                return null;
            }
            repaired++;
            log.add("geometry-repaired", "Géométrie invalide réparée (" + where.apply(source.line()) + ").",
                    source.line(), null);
            g = fixed;
        }
        g.setSRID(Crs.WGS84);
        present++;
        bbox.expandToInclude(g.getEnvelopeInternal());
        return g;
    }

    @Nullable Envelope bbox() {
        return present == 0 ? null : bbox;
    }

    private void reject(long line, String why) {
        rejected++;
        log.add("geometry-rejected", "Géométrie " + why + " (" + where.apply(line) + ") : ligne gardée sans géométrie.",
                line, null);
    }

    private @Nullable Geometry read(RecordSource source) throws ParseException {
        if (plan.kind() == GeometrySource.NATIVE) {
            Geometry native_ = source.geometry();
            return native_ == null ? null : (Geometry) native_.copy();
        }
        if (plan.kind() == GeometrySource.XY) {
            Object xCell = source.cell(plan.columns().get(0));
            Object yCell = source.cell(plan.columns().get(1));
            Double x = number(xCell, decimalMarks[0]);
            Double y = number(yCell, decimalMarks[1]);
            if (x == null || y == null) {
                if (isBlank(xCell) || isBlank(yCell)) {
                    return null;
                }
                throw new IllegalArgumentException("coordonnées « " + xCell + " », « " + yCell + " » non numériques");
            }
            return WGS84.createPoint(new Coordinate(x, y));
        }
        Object cell = source.cell(plan.columns().get(0));
        if (isBlank(cell)) {
            return null;
        }
        String text = cell.toString().strip();
        return switch (plan.kind()) {
            case WKT -> {
                if (text.regionMatches(true, 0, "SRID=", 0, 5)) {
                    text = text.substring(text.indexOf(';') + 1);
                }
                yield wkt.read(text);
            }
            case GEOJSON -> {
                try {
                    yield GeoJsonGeometryReader.read(JSON.readTree(text), WGS84);
                } catch (tools.jackson.core.JacksonException e) {
                    throw new IllegalArgumentException("JSON invalide");
                }
            }
            case LAT_LON_TEXT -> {
                double[] lonLat = LatLonText.parse(text);
                if (lonLat == null) {
                    throw new IllegalArgumentException("« " + text + " » n'est pas « latitude,longitude »");
                }
                yield WGS84.createPoint(new Coordinate(lonLat[0], lonLat[1]));
            }
            default -> throw new IllegalStateException(plan.kind().toString());
        };
    }

    private Geometry reproject(Geometry g) {
        // Read for this row only (a native geometry is already a copy): changed in place, or copied once into
        // our factory when another made it.
        return toWgs84.applyInPlace(g.getFactory() == WGS84 ? g : WGS84.createGeometry(g));
    }

    static boolean isBlank(@Nullable Object cell) {
        return cell == null || (cell instanceof String s && (s.isBlank() || CellText.isNullMarker(s.strip())));
    }

    private static @Nullable Double number(@Nullable Object cell, char mark) {
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        if (cell instanceof String s) {
            double v = CellText.parseNumber(s.strip(), mark);
            if (Double.isNaN(v) && mark == ',') {
                v = CellText.parseNumber(s.strip(), '.');
            }
            return Double.isNaN(v) ? null : v;
        }
        return null;
    }
}
