package fr.mel.opale.ingest.job;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.TableReaders;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.schema.InvalidTableSchema;
import fr.mel.opale.ingest.schema.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Service;

/**
 * The import jobs' entry point: accept an upload, a URL (optionally re-ingested on a
 * schedule) or a file staged by the import page, run it in the background on a bounded pool
 * ({@code opale.ingest.workers}, default 2, plus {@code opale.ingest.queue-capacity} waiting; beyond, 503), follow
 * and cancel it, and analyse a file synchronously (dry run).
 *
 * <p>Only dataset editors may import (platform administrators until organisations exist): checked here, when a job
 * is accepted; the job itself then runs as the platform. Jobs are rows of {@code ingest_job}: at start, any left
 * queued or running by a stopped server is marked failed with "Import interrompu par l'arrêt du serveur" — never a
 * zombie — and its file deleted; schedules are restored.
 */
@Service
public class IngestJobs implements InitializingBean, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobs.class);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{24}");
    private static final Duration STAGING_KEPT = Duration.ofDays(1);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JobStore store;
    private final ScheduleStore schedules;
    private final ImportPipeline pipeline;
    private final TableReaders readers;
    private final Datasets datasets;
    private final Catalog catalog;
    private final AccessPolicy policy;
    private final UrlFetcher fetcher;
    private final RecordPublisher publisher;
    private final UploadArea uploads;
    private final IngestSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ActiveJob> active = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> triggers = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile boolean shuttingDown;

    IngestJobs(JobStore store, ScheduleStore schedules, ImportPipeline pipeline, TableReaders readers,
               Datasets datasets, Catalog catalog, AccessPolicy policy, UrlFetcher fetcher, RecordPublisher publisher,
               UploadArea uploads, IngestSettings settings) {
        this.store = store;
        this.schedules = schedules;
        this.pipeline = pipeline;
        this.readers = readers;
        this.datasets = datasets;
        this.catalog = catalog;
        this.policy = policy;
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.uploads = uploads;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                settings.queueCapacity() == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(settings.queueCapacity()), r -> {
            Thread t = new Thread(r, "opale-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("opale-import-schedule-");
        scheduler.setDaemon(true);
    }

    @Override
    public void afterPropertiesSet() {
        scheduler.initialize();
        recoverInterrupted();
        restoreSchedules();
        purgeStaging();
    }

    @Override
    public void destroy() throws InterruptedException {
        shuttingDown = true;
        scheduler.shutdown();
        for (Runnable waiting : workers.shutdownNow()) {
            if (waiting instanceof Work work) {
                work.job.log(JobMessage.error("interrupted", JobsRecovery.INTERRUPTED));
                store.finish(work.job.id, JobStatus.FAILED, 0, work.job.messages(), null, null, null, Instant.now());
                active.remove(work.job.id);
            }
        }
        workers.awaitTermination(20, TimeUnit.SECONDS);
    }

    // ---- submitting ----

    /**
     * Accepts an uploaded file as a new job.
     *
     * @param datasetId an existing dataset to publish a new version of; null creates a dataset
     * @throws AccessDenied   401/403 unless the current viewer may edit the dataset
     * @throws IngestProblem  400 for unusable options, 503 when the queue is full
     */
    public IngestJob submitUpload(String fileName, FileTransfer transfer, IngestOptions options,
                                  @Nullable String datasetId) {
        String requester = requireIngest(datasetId);
        checkOptions(options);
        options = owned(options, datasetId);
        String id = newId();
        Path file = uploads.jobs().resolve(id + ".upload");
        receive(transfer, file);
        return enqueue(new ActiveJob(id, "upload", safeName(fileName), null, options, file, datasetId, null),
                requester);
    }

    /** Publishes a file staged by the import page; the staged file is consumed. */
    public IngestJob submitStaged(String token, IngestOptions options, @Nullable String datasetId) {
        String requester = requireIngest(datasetId);
        checkOptions(options);
        options = owned(options, datasetId);
        StagedUpload staged = staged(token).orElseThrow(() -> IngestProblem.stagedNotFound(token));
        String id = newId();
        Path file = uploads.jobs().resolve(id + ".upload");
        try {
            Files.move(stagedFile(token), file);
            deleteTree(uploads.staging().resolve(token));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return enqueue(new ActiveJob(id, "upload", staged.fileName(), null, options, file, datasetId, null),
                requester);
    }

    /**
     * Accepts a URL source: downloaded by the job (http/https, no internal address, bounded). With a schedule
     * ({@code hourly}, {@code daily}, {@code weekly} or a cron expression), it is re-ingested on it; each run
     * whose content did not change publishes nothing.
     */
    public IngestJob submitUrl(String url, IngestOptions options, @Nullable String datasetId,
                               @Nullable String schedule) {
        String requester = requireIngest(datasetId);
        checkOptions(options);
        options = owned(options, datasetId);
        String checked;
        try {
            checked = fetcher.check(url).toString();
        } catch (IllegalArgumentException e) {
            throw IngestProblem.badRequest(e.getMessage());
        }
        String scheduleId = null;
        if (schedule != null && !schedule.isBlank()) {
            String cron = cron(schedule);
            scheduleId = newId();
            schedules.insert(scheduleId, checked, schedule.strip(), options, datasetId, requester, Instant.now());
            arm(scheduleId, cron);
        }
        String name = UrlFetcher.fileName(java.net.URI.create(checked));
        IngestJob job = enqueue(new ActiveJob(newId(), "url", name, checked, options, null, datasetId, scheduleId),
                requester);
        if (scheduleId != null) {
            schedules.setLastJob(scheduleId, job.id());
        }
        return job;
    }

    // ---- the import page's two steps ----

    /** Keeps an uploaded file for the analysis page. */
    public StagedUpload stage(String fileName, FileTransfer transfer) {
        requireIngest(null);
        String token = HexFormat.of().formatHex(bytes(12));
        Path dir = uploads.staging().resolve(token);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("name"), safeName(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receive(transfer, dir.resolve("data"));
        return staged(token).orElseThrow();
    }

    public Optional<StagedUpload> staged(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Path dir = uploads.staging().resolve(token);
        try {
            if (!Files.isRegularFile(dir.resolve("data"))) {
                return Optional.empty();
            }
            return Optional.of(new StagedUpload(token, Files.readString(dir.resolve("name"), StandardCharsets.UTF_8),
                    Files.size(dir.resolve("data")), Files.getLastModifiedTime(dir.resolve("data")).toInstant()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Analyses a staged file with the producer's options (the analysis page, shown again after each change). */
    public Analysis analyseStaged(String token, IngestOptions options) {
        requireIngest(null);
        StagedUpload staged = staged(token).orElseThrow(() -> IngestProblem.stagedNotFound(token));
        return readers.analyse(new SourceFile(stagedFile(token), staged.fileName()), options.readOptions(),
                ReadListener.NONE);
    }

    /** Forgets a staged file. */
    public void discardStaged(String token) {
        if (staged(token).isPresent()) {
            deleteTree(uploads.staging().resolve(token));
        }
    }

    /**
     * The dry run: analyses an uploaded file synchronously and forgets it.
     *
     * @throws fr.mel.opale.ingest.IngestException when the file cannot be read (the caller answers 422)
     */
    public Analysis analyse(String fileName, FileTransfer transfer, IngestOptions options) {
        requireIngest(null);
        Path file = uploads.jobs().resolve("dry-" + newId());
        receive(transfer, file);
        try {
            return readers.analyse(new SourceFile(file, safeName(fileName)), options.readOptions(), ReadListener.NONE);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Fichier d'analyse {} non supprimé", file);
            }
        }
    }

    // ---- following ----

    /** A job, with its live progress and log while it runs. */
    public Optional<IngestJob> find(String id) {
        requireIngest(null);
        return store.find(id).filter(this::followedByViewer).map(this::live);
    }

    /** The latest jobs, newest first. */
    public List<IngestJob> recent(int limit) {
        requireIngest(null);
        return store.recent(Math.max(1, Math.min(limit, 200))).stream().filter(this::followedByViewer)
                .map(this::live).toList();
    }

    /**
     * Whether the current viewer may follow {@code job}: platform operators follow every import; anyone else only
     * the imports they asked for. A job carries its full data report (samples of every column, hidden ones too), its
     * source address and its dataset: another organisation's editor must not read, cancel or even see it.
     */
    private boolean followedByViewer(IngestJob job) {
        Viewer viewer = policy.currentViewer();
        return policy.canOperatePlatform(viewer)
                || (job.requestedBy() != null && job.requestedBy().equals(viewer.username()));
    }

    /** Schedules name no requester: platform operators only, as before organisations could publish. */
    private void requireScheduleAdministration() {
        Viewer viewer = policy.currentViewer();
        if (!policy.canOperatePlatform(viewer)) {
            throw new AccessDenied(viewer);
        }
    }

    /**
     * Asks a queued or running job to stop. A running load stops at its next check (every few thousand rows):
     * its version is discarded and the served one stays.
     *
     * @throws IngestProblem 404 unknown, 409 already finished
     */
    public IngestJob cancel(String id) {
        requireIngest(null);
        IngestJob job = store.find(id).filter(this::followedByViewer).orElseThrow(() -> IngestProblem.jobNotFound(id));
        ActiveJob running = active.get(id);
        if (running == null || job.status().finished()) {
            throw IngestProblem.alreadyFinished(id, job.status());
        }
        running.cancel();
        running.log(JobMessage.info("cancel-requested", "Annulation demandée."));
        return live(job);
    }

    // ---- schedules ----

    public List<IngestSchedule> schedules() {
        requireScheduleAdministration();
        return schedules.all().stream().map(s -> withNextRun(s.schedule())).toList();
    }

    public void deleteSchedule(String id) {
        requireScheduleAdministration();
        if (!schedules.delete(id)) {
            throw IngestProblem.scheduleNotFound(id);
        }
        ScheduledFuture<?> trigger = triggers.remove(id);
        if (trigger != null) {
            trigger.cancel(false);
        }
    }

    /** Re-arms every stored schedule (at start; also callable after the table changed under us). */
    public int restoreSchedules() {
        int armed = 0;
        for (ScheduleStore.Stored stored : schedules.all()) {
            try {
                arm(stored.schedule().id(), cron(stored.schedule().expression()));
                armed++;
            } catch (RuntimeException e) {
                LOG.warn("Planification {} non restaurée : {}", stored.schedule().id(), e.getMessage());
            }
        }
        return armed;
    }

    // ---- start-up recovery ----

    /**
     * Turns the jobs a stopped server left queued or running into failed ones, with "Import interrompu par l'arrêt
     * du serveur", and deletes their files. The data store discards their half-written versions itself
     * ({@code StartupCleanup}). Runs at start, before any job of this server exists.
     *
     * @return how many jobs were recovered
     */
    public int recoverInterrupted() {
        int n = 0;
        for (String[] job : store.unfinished()) {
            if (active.containsKey(job[0])) {
                continue;
            }
            List<JobMessage> messages = new ArrayList<>(store.find(job[0]).map(IngestJob::messages).orElse(List.of()));
            messages.add(JobMessage.error("interrupted", JobsRecovery.INTERRUPTED));
            store.finish(job[0], JobStatus.FAILED, store.find(job[0]).map(IngestJob::progress).orElse(0L), messages,
                    null, null, null, Instant.now());
            if (job[1] != null) {
                try {
                    Files.deleteIfExists(Path.of(job[1]));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Fichier {} de l'import interrompu {} non supprimé", job[1], job[0]);
                }
            }
            n++;
        }
        if (n > 0) {
            LOG.warn("{} import(s) interrompu(s) par l'arrêt précédent marqué(s) en échec", n);
        }
        return n;
    }

    // ---- inside ----

    private IngestJob enqueue(ActiveJob job, @Nullable String requester) {
        store.insert(job.id, job.sourceKind, job.sourceName, job.sourceUrl, job.options, job.datasetId,
                job.scheduleId, requester, job.file == null ? null : job.file.toString(), Instant.now());
        active.put(job.id, job);
        try {
            workers.execute(new Work(job));
        } catch (RejectedExecutionException full) {
            active.remove(job.id);
            store.finish(job.id, JobStatus.FAILED, 0, List.of(JobMessage.error("busy",
                    "Refusé : trop d'imports en cours.")), null, null, null, Instant.now());
            if (job.file != null) {
                try {
                    Files.deleteIfExists(job.file);
                } catch (IOException ignored) {
                    // purged with the upload area
                }
            }
            throw IngestProblem.busy(workers.getActiveCount(), workers.getQueue().size());
        }
        return live(store.find(job.id).orElseThrow());
    }

    /** The runnable of one job (a named type, so that shutdown can fail the jobs still waiting). */
    private final class Work implements Runnable {
        final ActiveJob job;

        Work(ActiveJob job) {
            this.job = job;
        }

        @Override
        public void run() {
            try {
                pipeline.run(job, () -> shuttingDown);
            } finally {
                active.remove(job.id);
            }
        }
    }

    private IngestJob live(IngestJob stored) {
        ActiveJob running = active.get(stored.id());
        if (running == null || stored.status().finished()) {
            return stored;
        }
        return new IngestJob(stored.id(), stored.status(), stored.sourceKind(), stored.sourceName(),
                stored.sourceUrl(), running.progress(), running.datasetId != null ? running.datasetId
                : stored.datasetId(), stored.collectionId(), stored.recordId(), stored.version(), stored.scheduleId(),
                stored.requestedBy(), running.messages(), stored.report(), stored.created(), stored.started(),
                stored.finished());
    }

    private void runSchedule(String scheduleId) {
        Optional<ScheduleStore.Stored> found = schedules.find(scheduleId);
        if (found.isEmpty()) {
            ScheduledFuture<?> trigger = triggers.remove(scheduleId);
            if (trigger != null) {
                trigger.cancel(false);
            }
            return;
        }
        IngestSchedule schedule = found.get().schedule();
        if (active.values().stream().anyMatch(j -> scheduleId.equals(j.scheduleId))) {
            LOG.info("Planification {} : l'import précédent n'est pas fini, ce tour est sauté", scheduleId);
            return;
        }
        try {
            String name = UrlFetcher.fileName(java.net.URI.create(schedule.url()));
            ActiveJob job = new ActiveJob(newId(), "url", name, schedule.url(), found.get().options(),
                    null, schedule.datasetId(), scheduleId);
            enqueue(job, schedule.requestedBy());
            schedules.setLastJob(scheduleId, job.id);
        } catch (IngestProblem busy) {
            LOG.warn("Planification {} : file d'imports pleine, ce tour est sauté", scheduleId);
        } catch (RuntimeException e) {
            LOG.error("Planification {} : import non lancé", scheduleId, e);
        }
    }

    private void arm(String scheduleId, String cron) {
        ScheduledFuture<?> previous = triggers.put(scheduleId, scheduler.schedule(() -> runSchedule(scheduleId),
                new CronTrigger(cron, TimeZone.getTimeZone(PARIS))));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private IngestSchedule withNextRun(IngestSchedule s) {
        Instant next = null;
        if (triggers.containsKey(s.id())) {
            try {
                java.time.ZonedDateTime n = CronExpression.parse(cron(s.expression()))
                        .next(java.time.ZonedDateTime.now(PARIS));
                next = n == null ? null : n.toInstant();
            } catch (RuntimeException ignored) {
                // not armed anyway
            }
        }
        return new IngestSchedule(s.id(), s.url(), s.expression(), s.datasetId(), s.requestedBy(), s.created(),
                s.lastJobId(), next);
    }

    /**
     * {@code hourly}, {@code daily}, {@code weekly} (also in French), a 5-field Unix cron or a 6-field Spring cron.
     *
     * @throws IngestProblem 400 naming the expression
     */
    static String cron(String expression) {
        String e = expression.strip();
        String normalised = switch (e.toLowerCase(Locale.ROOT)) {
            case "hourly", "horaire", "toutes les heures" -> "@hourly";
            case "daily", "quotidien", "chaque jour" -> "@daily";
            case "weekly", "hebdomadaire", "chaque semaine" -> "@weekly";
            default -> e.split("\\s+").length == 5 ? "0 " + e : e;
        };
        try {
            CronExpression.parse(normalised);
            return normalised;
        } catch (IllegalArgumentException bad) {
            throw IngestProblem.badRequest("Planification « " + expression + " » illisible : hourly, daily, weekly "
                    + "ou une expression cron (par exemple « 0 6 * * 1 » pour le lundi à 6 h).");
        }
    }

    /** Rejects what a job would fail on anyway, before accepting the upload. */
    /**
     * The options with the owner of a new dataset's record settled: the organisation named (the importer must edit
     * for it: 403 otherwise), else the importer's only publishing organisation, else the platform (its
     * administrators only). An existing dataset keeps its record's owner: the option is dropped.
     */
    private IngestOptions owned(IngestOptions options, @Nullable String datasetId) {
        if (datasetId != null) {
            return options.withOrganisation(null);
        }
        Viewer viewer = policy.currentViewer();
        String owner = options.organisation();
        if (owner == null) {
            java.util.Set<String> mine = policy.publishingOrganisations(viewer);
            owner = mine.size() == 1 ? mine.iterator().next() : null;
        }
        if (owner == null ? !policy.canEditDataset(viewer, Protected.publicResource())
                : !policy.canPublishFor(viewer, owner)) {
            throw new AccessDenied(viewer);
        }
        return options.withOrganisation(owner);
    }

    private void checkOptions(IngestOptions options) {
        if (options.usageCategory() != null) {
            try {
                publisher.usageCategory(options.usageCategory());
            } catch (IllegalArgumentException e) {
                throw IngestProblem.badRequest(e.getMessage());
            }
        }
        if (options.tableSchema() != null) {
            try {
                TableSchema.parse(options.tableSchema());
            } catch (InvalidTableSchema e) {
                throw IngestProblem.badRequest("Schéma TableSchema inutilisable : " + e.getMessage());
            }
        }
        if (options.tableSchemaUrl() != null) {
            try {
                fetcher.check(options.tableSchemaUrl());
            } catch (IllegalArgumentException e) {
                throw IngestProblem.badRequest("Adresse du schéma refusée : " + e.getMessage());
            }
        }
    }

    /**
     * Only dataset editors import. Anonymous first (401, whatever the dataset), then the dataset (404 when unknown
     * or hidden), then the right on it (403).
     *
     * @return the requester's name
     */
    private @Nullable String requireIngest(@Nullable String datasetId) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            throw new AccessDenied(viewer);
        }
        if (datasetId == null) {
            if (!policy.canPublish(viewer)) {
                throw new AccessDenied(viewer);
            }
        } else {
            Dataset dataset = datasets.find(datasetId).orElseThrow(() -> DataProblem.datasetNotFound(datasetId));
            policy.requireDatasetEdit(AttachedSchemas.protection(catalog, dataset.recordId()));
        }
        return viewer.username();
    }

    private static void receive(FileTransfer transfer, Path target) {
        try {
            transfer.to(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Réception du fichier impossible", e);
        }
    }

    private Path stagedFile(String token) {
        return uploads.staging().resolve(token).resolve("data");
    }

    private void purgeStaging() {
        Instant limit = Instant.now().minus(STAGING_KEPT);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(uploads.staging())) {
            for (Path dir : dirs) {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(limit)) {
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("Purge des envois en attente impossible : {}", e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // next purge
                }
            });
        } catch (IOException ignored) {
            // next purge
        }
    }

    private String newId() {
        return HexFormat.of().formatHex(bytes(8));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** The producer's file name without any directory part, bounded. */
    static String safeName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "fichier";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (base.isEmpty()) {
            return "fichier";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
