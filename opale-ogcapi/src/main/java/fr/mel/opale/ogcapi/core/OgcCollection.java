package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A served dataset seen as an OGC collection: its id (the dataset's slug), its served version (the schema: columns
 * are the queryables), the words shown to people, and whether its content is restricted (not public).
 *
 * @param temporalProperty the column {@code datetime} filters on; null when the dataset has no date or timestamp
 */
public record OgcCollection(Dataset dataset, DatasetVersion version, String title, @Nullable String description,
                            boolean restricted, @Nullable String temporalProperty) {
    public String id() {
        return dataset.slug();
    }

    public boolean geographic() {
        return version.geographic();
    }

    public Optional<Column> column(String name) {
        return version.column(name);
    }

    /** The first DATE or TIMESTAMP column, unless the settings name another (which must exist and be one). */
    static @Nullable String temporalProperty(DatasetVersion version, @Nullable String configured) {
        if (configured != null) {
            return version.column(configured).filter(OgcCollection::temporal).map(Column::name).orElse(null);
        }
        return version.columns().stream().filter(OgcCollection::temporal).map(Column::name).findFirst().orElse(null);
    }

    private static boolean temporal(Column column) {
        return column.type() == ColumnType.DATE || column.type() == ColumnType.TIMESTAMP;
    }
}
