package fr.mel.opale.data;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One version of a dataset's rows.
 *
 * @param number      1, 2, 3... per dataset, never reused
 * @param tableName   {@code ds_<dataset id>_v<number>}: built from generated ids only, never from user text
 * @param rowCount    rows written (for READY: the exact row count; features have {@code _fid} 1..rowCount in input
 *                    order)
 * @param columns     in table order, without {@code _fid} and {@code geom}
 * @param geometry    null for a non-geographic dataset (its table has no geometry column)
 * @param bbox        of all geometries, null when none
 * @param contentHash as given by the loader (e.g. the source file's SHA-256), null if none; lets a re-ingest of
 *                    unchanged content publish nothing
 * @param finished    when the load ended (READY, FAILED or CANCELLED), null while LOADING
 * @param message     why it FAILED or was CANCELLED; null otherwise
 */
public record DatasetVersion(String datasetId, int number, String tableName, VersionStatus status, long rowCount,
                             List<Column> columns, @Nullable GeometryInfo geometry, @Nullable Bbox bbox,
                             @Nullable String contentHash, Instant created, @Nullable Instant finished,
                             @Nullable String message) {
    public DatasetVersion {
        columns = List.copyOf(columns);
    }

    public boolean geographic() {
        return geometry != null;
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public DatasetSchema schema() {
        return new DatasetSchema(columns, geometry);
    }
}
