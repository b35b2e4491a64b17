package fr.mel.opale.ingest.job;

import fr.mel.opale.ingest.report.DataReport;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An import as its producer follows it ({@code GET /api/ingest/jobs/{id}}).
 *
 * @param sourceKind   {@code upload} or {@code url}
 * @param progress     rows read so far by the current pass
 * @param datasetId    the dataset written (known once created, or from the start for a re-ingest)
 * @param collectionId the dataset's slug: its OGC API collection {@code /ogcapi/collections/{collectionId}}
 * @param recordId     the catalog record describing it, once published
 * @param version      the dataset version this job published, null when it published none
 * @param messages     the log: warnings of the reading, TableSchema errors, the outcome
 * @param report       the data-quality report, once the rows have been read
 */
public record IngestJob(String id, JobStatus status, String sourceKind, String sourceName, @Nullable String sourceUrl,
                        long progress, @Nullable String datasetId, @Nullable String collectionId,
                        @Nullable String recordId, @Nullable Integer version, @Nullable String scheduleId,
                        @Nullable String requestedBy, List<JobMessage> messages, @Nullable DataReport report,
                        Instant created, @Nullable Instant started, @Nullable Instant finished) {
    public IngestJob {
        messages = List.copyOf(messages);
    }
}
