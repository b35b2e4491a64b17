package fr.mel.opale.data.internal;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.data.VersionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry tables ({@code dataset}, {@code dataset_version}, {@code dataset_slug_alias}): plain JDBC, every
 * value a bound parameter. Callers own the transactions.
 *
 * <p>The lookups every feature read makes ({@link #find}, {@link #findBySlug}, {@link #aliasOwner}, {@link #version})
 * are remembered in a {@link ChangeAwareCache}: each write here forgets them all, at once and again when its
 * transaction ends, so a switch, a rollback, a rename or a delete is seen by the next request.
 */
@Repository
public class DatasetRegistry {
    private static final String VERSION_COLUMNS = "dataset_id, version_number, table_name, status, row_count, columns, "
            + "geometry_kind, source_crs, west, south, east, north, content_hash, created_at, finished_at, message";
    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ChangeAwareCache<Lookup, Optional<?>> cache;

    public DatasetRegistry(JdbcTemplate jdbc, DataSettings settings) {
        this.jdbc = jdbc;
        this.cache = new ChangeAwareCache<>(settings.cacheTtl(), 10_000);
    }

    /** A cached lookup: which one, and its arguments. */
    private record Lookup(String kind, String key, int number) {
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String kind, String key, int number, Supplier<Optional<T>> load) {
        return (Optional<T>) cache.get(new Lookup(kind, key, number), lookup -> load.get());
    }

    public void insertDataset(Dataset dataset) {
        jdbc.update("INSERT INTO dataset (id, slug, record_id, current_version, last_version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, NULL, 0, ?, ?)",
                dataset.id(), dataset.slug(), dataset.recordId(), time(dataset.created()), time(dataset.updated()));
        cache.changed();
    }

    public Optional<Dataset> find(String id) {
        return cached("find", id, 0,
                () -> jdbc.query("SELECT * FROM dataset WHERE id = ?", DATASET, id).stream().findFirst());
    }

    /** All datasets, by slug. */
    public List<Dataset> all() {
        return jdbc.query("SELECT * FROM dataset ORDER BY slug", DATASET);
    }

    /** The dataset a catalog record describes (the first created, should several point at it). */
    public Optional<Dataset> findByRecord(String recordId) {
        return jdbc.query("SELECT * FROM dataset WHERE record_id = ? ORDER BY created_at", DATASET, recordId).stream()
                .findFirst();
    }

    public Optional<Dataset> findBySlug(String slug) {
        return cached("slug", slug, 0,
                () -> jdbc.query("SELECT * FROM dataset WHERE slug = ?", DATASET, slug).stream().findFirst());
    }

    /** The dataset a former slug belongs to. */
    public Optional<String> aliasOwner(String slug) {
        return cached("alias", slug, 0, () -> jdbc.queryForList(
                "SELECT dataset_id FROM dataset_slug_alias WHERE slug = ?", String.class, slug).stream().findFirst());
    }

    /** Whether a slug is used, now or formerly, by any dataset. */
    public boolean slugTaken(String slug) {
        Integer used = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM dataset WHERE slug = ?) "
                + "+ (SELECT COUNT(*) FROM dataset_slug_alias WHERE slug = ?)", Integer.class, slug, slug);
        return used != null && used > 0;
    }

    public void changeSlug(String datasetId, String oldSlug, String newSlug, Instant now) {
        jdbc.update("DELETE FROM dataset_slug_alias WHERE slug = ? AND dataset_id = ?", newSlug, datasetId);
        jdbc.update("INSERT INTO dataset_slug_alias (slug, dataset_id, created_at) VALUES (?, ?, ?)",
                oldSlug, datasetId, time(now));
        jdbc.update("UPDATE dataset SET slug = ?, updated_at = ? WHERE id = ?", newSlug, time(now), datasetId);
        cache.changed();
    }

    public List<String> aliases(String datasetId) {
        return jdbc.queryForList("SELECT slug FROM dataset_slug_alias WHERE dataset_id = ? ORDER BY created_at, slug",
                String.class, datasetId);
    }

    public void linkRecord(String datasetId, @Nullable String recordId, Instant now) {
        jdbc.update("UPDATE dataset SET record_id = ?, updated_at = ? WHERE id = ?", recordId, time(now), datasetId);
        cache.changed();
    }

    public void deleteDataset(String datasetId) {
        jdbc.update("DELETE FROM dataset_version WHERE dataset_id = ?", datasetId);
        jdbc.update("DELETE FROM dataset_slug_alias WHERE dataset_id = ?", datasetId);
        jdbc.update("DELETE FROM dataset WHERE id = ?", datasetId);
        cache.changed();
    }

    /**
     * Hands out the next version number. The row update also serialises concurrent registrations for one dataset
     * until the caller's transaction ends.
     */
    public int nextVersionNumber(String datasetId) {
        jdbc.update("UPDATE dataset SET last_version = last_version + 1 WHERE id = ?", datasetId);
        Integer number = jdbc.queryForObject("SELECT last_version FROM dataset WHERE id = ?", Integer.class, datasetId);
        cache.changed();
        return number == null ? 1 : number;
    }

    public void insertVersion(DatasetVersion version) {
        jdbc.update("INSERT INTO dataset_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                version.datasetId(), version.number(), version.tableName(), version.status().name(),
                version.rowCount(), json.writeValueAsString(version.columns()),
                version.geometry() == null ? null : version.geometry().kind().name(),
                version.geometry() == null ? null : version.geometry().sourceCrs(),
                version.bbox() == null ? null : version.bbox().west(),
                version.bbox() == null ? null : version.bbox().south(),
                version.bbox() == null ? null : version.bbox().east(),
                version.bbox() == null ? null : version.bbox().north(),
                version.contentHash(), time(version.created()), time(version.finished()), version.message());
        cache.changed();
    }

    /** The columns of a version still LOADING, widened by its rows' source (see {@code SchemaRevision}). */
    public void reviseColumns(String datasetId, int number, List<Column> columns) {
        jdbc.update("UPDATE dataset_version SET columns = ? WHERE dataset_id = ? AND version_number = ? "
                + "AND status = 'LOADING'", json.writeValueAsString(columns), datasetId, number);
        cache.changed();
    }

    /**
     * Ends a LOADING version: status, counts, observed geometry kind, box, message. Returns false when the version is
     * no longer LOADING (the cleanup declared it interrupted): the caller must then not serve it.
     */
    public boolean finishVersion(String datasetId, int number, VersionStatus status, long rows,
                                 @Nullable GeometryInfo geometry, @Nullable Bbox bbox, @Nullable String message,
                                 Instant now) {
        boolean finished = jdbc.update("UPDATE dataset_version SET status = ?, row_count = ?, geometry_kind = ?, west = ?, "
                        + "south = ?, east = ?, north = ?, message = ?, finished_at = ? "
                        + "WHERE dataset_id = ? AND version_number = ? AND status = 'LOADING'",
                status.name(), rows, geometry == null ? null : geometry.kind().name(),
                bbox == null ? null : bbox.west(), bbox == null ? null : bbox.south(),
                bbox == null ? null : bbox.east(), bbox == null ? null : bbox.north(),
                truncate(message), time(now), datasetId, number) == 1;
        cache.changed();
        return finished;
    }

    public void setCurrent(String datasetId, int number, Instant now) {
        jdbc.update("UPDATE dataset SET current_version = ?, updated_at = ? WHERE id = ?", number, time(now), datasetId);
        cache.changed();
    }

    public Optional<DatasetVersion> version(String datasetId, int number) {
        return cached("version", datasetId, number, () -> jdbc.query("SELECT " + VERSION_COLUMNS
                + " FROM dataset_version WHERE dataset_id = ? AND version_number = ?", this::version, datasetId, number)
                .stream().findFirst());
    }

    /** Newest first. */
    public List<DatasetVersion> versions(String datasetId) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM dataset_version WHERE dataset_id = ? "
                + "ORDER BY version_number DESC", this::version, datasetId);
    }

    public List<DatasetVersion> versionsWithStatus(VersionStatus status) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM dataset_version WHERE status = ?",
                this::version, status.name());
    }

    public void deleteVersion(String datasetId, int number) {
        jdbc.update("DELETE FROM dataset_version WHERE dataset_id = ? AND version_number = ?", datasetId, number);
        cache.changed();
    }

    private DatasetVersion version(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("geometry_kind");
        String crs = rs.getString("source_crs");
        GeometryInfo geometry = crs == null ? null
                : new GeometryInfo(kind == null ? GeometryType.GEOMETRY : GeometryType.valueOf(kind), crs);
        double west = rs.getDouble("west");
        Bbox bbox = rs.wasNull() ? null
                : new Bbox(west, rs.getDouble("south"), rs.getDouble("east"), rs.getDouble("north"));
        List<StoredColumn> stored = json.readValue(rs.getString("columns"), new TypeReference<List<StoredColumn>>() { });
        List<Column> columns = new ArrayList<>(stored.size());
        for (StoredColumn column : stored) {
            columns.add(new Column(column.name(), column.title(), ColumnType.valueOf(column.type())));
        }
        return new DatasetVersion(rs.getString("dataset_id"), rs.getInt("version_number"), rs.getString("table_name"),
                VersionStatus.valueOf(rs.getString("status")), rs.getLong("row_count"), columns, geometry, bbox,
                rs.getString("content_hash"), instant(rs, "created_at"), instant(rs, "finished_at"),
                rs.getString("message"));
    }

    /** The JSON shape of a column: stable names, independent of the Java record's evolution. */
    record StoredColumn(String name, String title, String type) {
    }

    private static final RowMapper<Dataset> DATASET = (rs, row) -> {
        int current = rs.getInt("current_version");
        Integer currentVersion = rs.wasNull() ? null : current;
        return new Dataset(rs.getString("id"), rs.getString("slug"), rs.getString("record_id"), currentVersion,
                instant(rs, "created_at"), instant(rs, "updated_at"));
    };

    private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static @Nullable String truncate(@Nullable String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 1999) + "…";
    }
}
