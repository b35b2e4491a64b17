package fr.mel.opale.ingest.job;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A URL re-ingested on a schedule.
 *
 * @param expression as given: {@code hourly}, {@code daily}, {@code weekly} or a cron expression (5 fields, Unix
 *                   style, or Spring's 6 with seconds)
 * @param datasetId  the dataset it feeds, known once its first import succeeded
 * @param nextRun    when it runs next (null when it is not scheduled on this server)
 */
public record IngestSchedule(String id, String url, String expression, @Nullable String datasetId,
                             @Nullable String requestedBy, Instant created, @Nullable String lastJobId,
                             @Nullable Instant nextRun) {
}
