package fr.mel.opale.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shape of the rows a load writes: the columns in the order of {@link Row#values()}, and whether rows carry a
 * geometry.
 *
 * @param columns  at least one column is not required (a geometry-only layer is fine), names unique
 * @param geometry null for a non-geographic dataset: rows must then carry no geometry
 */
public record DatasetSchema(List<Column> columns, @Nullable GeometryInfo geometry) {
    /** PostgreSQL allows 1600 columns; stay well below so every vendor and every export format copes. */
    public static final int MAX_COLUMNS = 1000;

    public DatasetSchema {
        columns = List.copyOf(columns);
        if (columns.isEmpty() && geometry == null) {
            throw DataProblem.invalidSchema("Un jeu de données doit avoir au moins une colonne ou une géométrie.");
        }
        if (columns.size() > MAX_COLUMNS) {
            throw DataProblem.invalidSchema("Trop de colonnes (" + columns.size() + ", au plus " + MAX_COLUMNS + ").");
        }
        Set<String> seen = new HashSet<>();
        for (Column column : columns) {
            if (!seen.add(column.name())) {
                throw DataProblem.invalidSchema("La colonne « " + column.name() + " » apparaît deux fois.");
            }
        }
    }

    public static DatasetSchema of(List<Column> columns, @Nullable GeometryInfo geometry) {
        return new DatasetSchema(columns, geometry);
    }
}
