package fr.mel.opale.ingest.job;

import fr.mel.opale.ingest.report.DataReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code ingest_job} table: one row per import, its log and report as JSON. Each call is its own transaction. */
@Repository
class JobStore {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<JobMessage>> MESSAGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final RowMapper<IngestJob> mapper = this::map;

    JobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String sourceKind, String sourceName, @Nullable String sourceUrl, IngestOptions options,
                @Nullable String datasetId, @Nullable String scheduleId, @Nullable String requestedBy,
                @Nullable String filePath, Instant now) {
        jdbc.update("INSERT INTO ingest_job (id, status, source_kind, source_name, source_url, options, dataset_id, "
                        + "schedule_id, requested_by, file_path, progress, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,0,?)",
                id, JobStatus.QUEUED.code(), sourceKind, cut(sourceName, 500), sourceUrl, options.toJson(), datasetId,
                scheduleId, requestedBy, filePath, ts(now));
    }

    void started(String id, Instant now) {
        jdbc.update("UPDATE ingest_job SET status = ?, started_at = ? WHERE id = ? AND status = ?",
                JobStatus.RUNNING.code(), ts(now), id, JobStatus.QUEUED.code());
    }

    void progress(String id, long rows, List<JobMessage> messages) {
        jdbc.update("UPDATE ingest_job SET progress = ?, messages = ? WHERE id = ?", rows, JSON.writeValueAsString(messages),
                id);
    }

    void dataset(String id, String datasetId, String collectionId) {
        jdbc.update("UPDATE ingest_job SET dataset_id = ?, collection_id = ? WHERE id = ?", datasetId, collectionId, id);
    }

    void finish(String id, JobStatus status, long progress, List<JobMessage> messages, @Nullable DataReport report,
                @Nullable String recordId, @Nullable Integer version, Instant now) {
        jdbc.update("UPDATE ingest_job SET status = ?, progress = ?, messages = ?, report = ?, record_id = ?, "
                        + "version_number = ?, finished_at = ?, file_path = NULL WHERE id = ?",
                status.code(), progress, JSON.writeValueAsString(messages),
                report == null ? null : JSON.writeValueAsString(report), recordId, version, ts(now), id);
    }

    Optional<IngestJob> find(String id) {
        return jdbc.query("SELECT * FROM ingest_job WHERE id = ?", mapper, id).stream().findFirst();
    }

    Optional<IngestOptions> options(String id) {
        return jdbc.queryForList("SELECT options FROM ingest_job WHERE id = ?", String.class, id).stream().findFirst()
                .map(IngestOptions::parse);
    }

    List<IngestJob> recent(int limit) {
        return jdbc.query("SELECT * FROM ingest_job ORDER BY created_at DESC, id LIMIT ?", mapper, limit);
    }

    /** Jobs a stopped server left queued or running, with the file each held: {id, file_path}. */
    List<String[]> unfinished() {
        return jdbc.query("SELECT id, file_path FROM ingest_job WHERE status IN (?, ?)",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, JobStatus.QUEUED.code(),
                JobStatus.RUNNING.code());
    }

    private IngestJob map(ResultSet rs, int n) throws SQLException {
        String messages = rs.getString("messages");
        String report = rs.getString("report");
        int number = rs.getInt("version_number");
        Integer version = rs.wasNull() ? null : number;
        return new IngestJob(rs.getString("id"), JobStatus.of(rs.getString("status")), rs.getString("source_kind"),
                rs.getString("source_name"), rs.getString("source_url"), rs.getLong("progress"),
                rs.getString("dataset_id"), rs.getString("collection_id"), rs.getString("record_id"),
                version, rs.getString("schedule_id"), rs.getString("requested_by"),
                messages == null ? List.of() : JSON.readValue(messages, MESSAGES),
                report == null ? null : JSON.readValue(report, DataReport.class), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
