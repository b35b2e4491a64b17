package fr.mel.opale.ingest;

import fr.mel.opale.geo.crs.Crs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to read a file's rows: how to decode it, its columns and where the geometry comes from.
 * Produced by {@link TableReaders#analyse}, adjusted by {@link #apply(Overrides)}, consumed by
 * {@link TableReaders#open}. A plain value: store it with an import job to read the file again later.
 */
public record ReadPlan(SourceSettings settings, List<ColumnPlan> columns, @Nullable GeometryPlan geometry) {
    public ReadPlan {
        columns = List.copyOf(columns);
    }

    /** The columns delivered in each {@link Row}, in order. */
    public List<ColumnPlan> outputColumns() {
        return columns.stream().filter(c -> !c.skip()).toList();
    }

    /**
     * This plan with the producer's corrections: renamed, retyped or skipped columns, another geometry source or
     * CRS. Names are made safe; a name another column already has is refused.
     *
     * @throws InvalidReadOptions naming the unknown column, the duplicate name, or the unusable geometry
     */
    public ReadPlan apply(Overrides overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        List<ColumnPlan> result = new ArrayList<>(columns);
        for (Map.Entry<String, Overrides.ColumnOverride> entry : overrides.columns().entrySet()) {
            int index = indexOf(entry.getKey());
            Overrides.ColumnOverride change = entry.getValue();
            ColumnPlan column = result.get(index);
            if (change.name() != null && !change.name().isBlank()) {
                column = column.withName(ColumnNames.safe(change.name()));
            }
            if (change.type() != null) {
                column = column.withType(change.type());
            }
            result.set(index, column.withSkip(change.skip()));
        }
        Set<String> names = new HashSet<>();
        for (ColumnPlan column : result) {
            if (!column.skip() && !names.add(column.name())) {
                throw new InvalidReadOptions("duplicate-column-name",
                        "Deux colonnes s'appelleraient « " + column.name() + " » : choisissez un autre nom.");
            }
        }
        GeometryPlan newGeometry = geometry;
        SourceSettings newSettings = settings;
        Overrides.GeometryOverride wanted = overrides.geometry();
        if (wanted != null) {
            newGeometry = geometryFor(wanted);
            if (newGeometry != null) {
                newSettings = settings.withSourceSrid(newGeometry.srid());
                for (int source : newGeometry.kind() == GeometrySource.XY ? List.<Integer>of() : newGeometry.columns()) {
                    // A one-column geometry (WKT, GeoJSON, "lat,lon") is consumed, as when it is detected.
                    int at = indexOfSource(result, source);
                    result.set(at, result.get(at).withSkip(true));
                }
            }
        }
        return new ReadPlan(newSettings, result, newGeometry);
    }

    private @Nullable GeometryPlan geometryFor(Overrides.GeometryOverride wanted) {
        if (wanted.kind() == null) {
            return null;
        }
        int srid = wanted.srid() != null ? wanted.srid()
                : geometry != null ? geometry.srid()
                : settings.sourceSrid() != null ? settings.sourceSrid() : 4326;
        if (!Crs.isSupported(srid)) {
            throw new InvalidReadOptions("unknown-crs", "Système de coordonnées EPSG:" + srid + " inconnu.");
        }
        int expected = switch (wanted.kind()) {
            case NATIVE -> 0;
            case XY -> 2;
            case WKT, GEOJSON, LAT_LON_TEXT -> 1;
        };
        if (wanted.kind() == GeometrySource.NATIVE && (geometry == null || geometry.kind() != GeometrySource.NATIVE)) {
            throw new InvalidReadOptions("no-native-geometry", "Ce format ne porte pas de géométrie propre.");
        }
        if (wanted.columns().size() != expected) {
            throw new InvalidReadOptions("geometry-columns",
                    "Une géométrie " + wanted.kind() + " demande " + expected + " colonne(s), "
                            + wanted.columns().size() + " données.");
        }
        List<Integer> sources = new ArrayList<>();
        for (String reference : wanted.columns()) {
            sources.add(columns.get(indexOf(reference)).source());
        }
        return new GeometryPlan(wanted.kind(), sources, srid);
    }

    private int indexOf(String reference) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(reference)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(reference)) {
                return i;
            }
        }
        throw new InvalidReadOptions("unknown-column", "Colonne « " + reference + " » inconnue dans ce fichier.");
    }

    private static int indexOfSource(List<ColumnPlan> list, int source) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).source() == source) {
                return i;
            }
        }
        throw new IllegalStateException("source column " + source);
    }
}
