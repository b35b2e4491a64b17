package fr.mel.opale.ingest.report;

import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
                        scoped(dataset, version, JSON.readValue(json, DataReport.class))));
    }

    /**
     * The report as the viewer may read it: without the columns a column rule hides from them; when a row rule limits
     * their rows, with their own row count and without any figure taken over every row — samples, minimums,
     * maximums, empty and distinct cells, duplicates, misfits, geometry counts, the schema's verdict — which would
     * tell about rows they may not read; in either case without the warnings and schema errors, which quote cells.
     */
    private DataReport scoped(Dataset dataset, int version, DataReport report) {
        Optional<DatasetVersion> seen = datasets.version(dataset.id(), version);
        Set<String> visible = new HashSet<>();
        seen.ifPresent(v -> v.columns().forEach(c -> visible.add(c.name())));
        boolean allRows = datasets.readsEveryRow(dataset.id());
        List<DataReport.ColumnReport> columns = report.columns().stream().filter(c -> visible.contains(c.name()))
                .map(c -> allRows ? c : new DataReport.ColumnReport(c.name(), c.title(), c.type(), null, null,
                        true, null, null, List.of()))
                .toList();
        if (allRows && columns.size() == report.columns().size()) {
            return report;
        }
        // the reader's count, the one every other surface gives them (none when the version is not theirs to count)
        long rows = allRows ? report.rows() : seen.map(DatasetVersion::rowCount).orElse(0L);
        return new DataReport(report.created(), report.format(), report.encoding(), rows, columns,
                allRows ? report.typeConflicts() : null, allRows ? report.duplicateRows() : null,
                report.geographic(), allRows ? report.geometries() : null,
                allRows ? report.missingGeometries() : null, allRows ? report.invalidGeometries() : null,
                allRows ? report.repairedGeometries() : null,
                // warnings and schema errors quote cells of any row and column: left out of a partial view; the
                // schema's verdict and error counts are taken over every row: left out under a row rule
                report.sourceCrs(), List.of(), report.schema() == null || !allRows
                        ? null : new DataReport.SchemaSummary(report.schema().title(),
                        report.schema().source(), report.schema().valid(), report.schema().errorCount(),
                        report.schema().counts(), List.of(), report.schema().onError()));
    }

    /** A report with the dataset and version it describes. */
    public record VersionReport(String datasetId, String collectionId, int version, DataReport report) {
    }
}
