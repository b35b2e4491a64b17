package fr.mel.opale.ingest.report;

import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.Datasets;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data-quality reports, one per published dataset version ({@code dataset_report}). Reads go through
 * {@link Datasets}, so a report is visible exactly when its dataset is.
 */
@Service
public class DataReports {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;
    private final Datasets datasets;

    public DataReports(JdbcTemplate jdbc, Datasets datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    /** Stores the report of a version (replacing any). The caller has checked the right to edit the dataset. */
    public void save(String datasetId, int version, @Nullable String jobId, DataReport report) {
        jdbc.update("DELETE FROM dataset_report WHERE dataset_id = ? AND version_number = ?", datasetId, version);
        jdbc.update("INSERT INTO dataset_report (dataset_id, version_number, job_id, report, created_at) "
                        + "VALUES (?,?,?,?,?)", datasetId, version, jobId, JSON.writeValueAsString(report),
                report.created().atOffset(ZoneOffset.UTC));
    }

    /** The report of the served version of a visible dataset. */
    public Optional<VersionReport> current(String datasetId) {
        return datasets.find(datasetId).filter(d -> d.currentVersion() != null)
                .flatMap(d -> of(d, d.currentVersion()));
    }

    /** The report of one version of a visible dataset. */
    public Optional<VersionReport> forVersion(String datasetId, int version) {
        return datasets.find(datasetId).flatMap(d -> of(d, version));
    }

    /** The report of the served version of the dataset a visible record describes (record pages). */
    public Optional<VersionReport> forRecord(String recordId) {
        return datasets.findByRecord(recordId).filter(d -> d.currentVersion() != null)
                .flatMap(d -> of(d, d.currentVersion()));
    }

    private Optional<VersionReport> of(Dataset dataset, int version) {
        return jdbc.queryForList("SELECT report FROM dataset_report WHERE dataset_id = ? AND version_number = ?",
                        String.class, dataset.id(), version).stream().findFirst()
                .map(json -> new VersionReport(dataset.id(), dataset.slug(), version,
                        JSON.readValue(json, DataReport.class)));
    }

    /** A report with the dataset and version it describes. */
    public record VersionReport(String datasetId, String collectionId, int version, DataReport report) {
    }
}
