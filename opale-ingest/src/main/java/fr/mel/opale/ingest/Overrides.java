package fr.mel.opale.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The producer's corrections to an analysis, applied by {@link ReadPlan#apply(Overrides)} without re-reading the
 * file. Columns are referred to by their detected identifier ({@link ColumnPlan#name()}) or original label.
 *
 * @param columns  per column: new name, forced type, or skipped
 * @param geometry where the geometry comes from instead of the guess (or {@link GeometryOverride#NONE})
 */
public record Overrides(Map<String, ColumnOverride> columns, @Nullable GeometryOverride geometry) {
    public static final Overrides NONE = new Overrides(Map.of(), null);

    public Overrides {
        columns = Map.copyOf(columns);
    }

    public Overrides with(String column, ColumnOverride override) {
        Map<String, ColumnOverride> copy = new LinkedHashMap<>(columns);
        copy.put(column, override);
        return new Overrides(copy, geometry);
    }

    public Overrides withGeometry(@Nullable GeometryOverride value) {
        return new Overrides(columns, value);
    }

    public boolean isEmpty() {
        return columns.isEmpty() && geometry == null;
    }

    /**
     * One column's correction; null fields keep the detected value.
     *
     * @param name new identifier (made safe and unique like detected ones); the original label stays the title
     * @param type forced type: values that do not fit it become null, each reported
     * @param skip leave the column out of the rows
     */
    public record ColumnOverride(@Nullable String name, @Nullable ColumnType type, boolean skip) {
        public static ColumnOverride rename(String name) {
            return new ColumnOverride(name, null, false);
        }

        public static ColumnOverride type(ColumnType type) {
            return new ColumnOverride(null, type, false);
        }

        public static ColumnOverride skipped() {
            return new ColumnOverride(null, null, true);
        }
    }

    /**
     * Where the geometry comes from.
     *
     * @param kind    {@code null} means no geometry at all
     * @param columns for {@link GeometrySource#XY}: X (longitude) then Y (latitude); for the one-column kinds: that
     *                column; empty for {@link GeometrySource#NATIVE}
     * @param srid    EPSG code of the coordinates; null keeps the detected one (4326 when nothing was detected)
     */
    public record GeometryOverride(@Nullable GeometrySource kind, java.util.List<String> columns,
                                   @Nullable Integer srid) {
        public static final GeometryOverride NONE = new GeometryOverride(null, java.util.List.of(), null);

        public GeometryOverride {
            columns = java.util.List.copyOf(columns);
        }
    }
}
