package fr.mel.opale.data;

import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * How to run one load.
 *
 * @param contentHash recorded on the version (e.g. the source file's SHA-256) so that a re-ingest can compare; null
 *                    if unknown
 * @param progress    told the number of rows written so far, every {@link #PROGRESS_EVERY} rows and at the end;
 *                    called on the loading thread, so it must be quick
 * @param cancelled   polled while loading; when it answers true the load stops, its table is dropped and the version
 *                    becomes CANCELLED
 * @param zone        the zone of {@link java.time.LocalDateTime} values in TIMESTAMP columns
 * @param expectedRows about how many rows are coming, 0 when unknown: lets the store lay out a large table for
 *                     parallel indexing (a wrong guess costs speed, never correctness)
 */
public record LoadOptions(@Nullable String contentHash, LongConsumer progress, BooleanSupplier cancelled,
                          ZoneId zone, long expectedRows) {
    public static final int PROGRESS_EVERY = 10_000;
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public LoadOptions {
        progress = progress == null ? rows -> { } : progress;
        cancelled = cancelled == null ? () -> false : cancelled;
        zone = zone == null ? PARIS : zone;
    }

    public static LoadOptions defaults() {
        return new LoadOptions(null, null, null, null, 0);
    }

    public LoadOptions withContentHash(@Nullable String hash) {
        return new LoadOptions(hash, progress, cancelled, zone, expectedRows);
    }

    public LoadOptions withProgress(LongConsumer listener) {
        return new LoadOptions(contentHash, listener, cancelled, zone, expectedRows);
    }

    public LoadOptions withCancellation(BooleanSupplier check) {
        return new LoadOptions(contentHash, progress, check, zone, expectedRows);
    }

    public LoadOptions withZone(ZoneId timestampZone) {
        return new LoadOptions(contentHash, progress, cancelled, timestampZone, expectedRows);
    }

    public LoadOptions withExpectedRows(long rows) {
        return new LoadOptions(contentHash, progress, cancelled, zone, Math.max(0, rows));
    }
}
