package fr.mel.opale.ingest.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code ingest_schedule} table. */
@Repository
class ScheduleStore {
    private final JdbcTemplate jdbc;

    ScheduleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(IngestSchedule schedule, IngestOptions options) {
    }

    void insert(String id, String url, String expression, IngestOptions options, @Nullable String datasetId,
                @Nullable String requestedBy, Instant now) {
        jdbc.update("INSERT INTO ingest_schedule (id, url, expression, options, dataset_id, requested_by, created_at) "
                + "VALUES (?,?,?,?,?,?,?)", id, url, expression, options.toJson(), datasetId, requestedBy, JobStore.ts(now));
    }

    void setDataset(String id, String datasetId) {
        jdbc.update("UPDATE ingest_schedule SET dataset_id = ? WHERE id = ? AND dataset_id IS NULL", datasetId, id);
    }

    void setLastJob(String id, String jobId) {
        jdbc.update("UPDATE ingest_schedule SET last_job_id = ? WHERE id = ?", jobId, id);
    }

    boolean delete(String id) {
        return jdbc.update("DELETE FROM ingest_schedule WHERE id = ?", id) > 0;
    }

    Optional<Stored> find(String id) {
        return jdbc.query("SELECT * FROM ingest_schedule WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    List<Stored> all() {
        return jdbc.query("SELECT * FROM ingest_schedule ORDER BY created_at, id", (rs, n) -> map(rs));
    }

    private static Stored map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(new IngestSchedule(rs.getString("id"), rs.getString("url"), rs.getString("expression"),
                rs.getString("dataset_id"), rs.getString("requested_by"), JobStore.instant(rs, "created_at"),
                rs.getString("last_job_id"), null), IngestOptions.parse(rs.getString("options")));
    }
}
