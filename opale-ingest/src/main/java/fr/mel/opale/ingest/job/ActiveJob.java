package fr.mel.opale.ingest.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A job while this server holds it (queued or running): what the worker needs, and the live progress, log and
 * cancel flag that {@code GET /api/ingest/jobs/{id}} shows before they reach the database.
 */
final class ActiveJob {
    /** Detailed messages kept per job; beyond, the log says how many were left out. */
    static final int MAX_MESSAGES = 300;

    final String id;
    final String sourceKind;
    final String sourceName;
    final @Nullable String sourceUrl;
    final IngestOptions options;
    final @Nullable Path file;
    final @Nullable String scheduleId;
    volatile @Nullable String datasetId;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong progress = new AtomicLong();
    private final List<JobMessage> messages = new ArrayList<>();
    private int dropped;
    private long lastFlush;

    ActiveJob(String id, String sourceKind, String sourceName, @Nullable String sourceUrl, IngestOptions options,
              @Nullable Path file, @Nullable String datasetId, @Nullable String scheduleId) {
        this.id = id;
        this.sourceKind = sourceKind;
        this.sourceName = sourceName;
        this.sourceUrl = sourceUrl;
        this.options = options;
        this.file = file;
        this.datasetId = datasetId;
        this.scheduleId = scheduleId;
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean cancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    boolean cancelRequested() {
        return cancelled.get();
    }

    void progress(long rows) {
        progress.set(rows);
    }

    long progress() {
        return progress.get();
    }

    synchronized void log(JobMessage message) {
        if (messages.size() < MAX_MESSAGES) {
            messages.add(message);
        } else {
            dropped++;
        }
    }

    synchronized List<JobMessage> messages() {
        if (dropped == 0) {
            return List.copyOf(messages);
        }
        List<JobMessage> all = new ArrayList<>(messages);
        all.add(JobMessage.info("messages-truncated", dropped + " autres messages non détaillés."));
        return all;
    }

    /** True at most once a second: when the live state is worth writing to the database. */
    synchronized boolean flushDue() {
        long now = System.nanoTime();
        if (now - lastFlush > 1_000_000_000L) {
            lastFlush = now;
            return true;
        }
        return false;
    }
}
