package fr.mel.opale.ingest.job;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.LoadResult;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.data.VersionStatus;
import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.IngestException;
import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.PlanRevised;
import fr.mel.opale.ingest.ReadCancelled;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.ReadSummary;
import fr.mel.opale.ingest.ReadWarning;
import fr.mel.opale.ingest.Row;
import fr.mel.opale.ingest.RowStream;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.SpeculativeRead;
import fr.mel.opale.ingest.TableReaders;
import fr.mel.opale.ingest.internal.DuplicateCount;
import fr.mel.opale.ingest.internal.LongHashSet;
import fr.mel.opale.ingest.report.DataReport;
import fr.mel.opale.ingest.report.DataReports;
import fr.mel.opale.ingest.schema.SchemaError;
import fr.mel.opale.ingest.schema.SchemaValidation;
import fr.mel.opale.ingest.schema.SchemaValidationResult;
import fr.mel.opale.ingest.schema.TableSchema;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What one import does, in order: fetch (URL sources) → hash (an unchanged re-ingest
 * stops here) → analyse with the producer's corrections → validate against the TableSchema (third pass, on the
 * cells as written) → create the dataset if new → load a new version (switched to atomically when complete) →
 * create or update the catalog record → store the data-quality report. Runs on a worker thread as the platform;
 * the requester's right was checked when the job was accepted.
 *
 * <p>Whatever fails leaves the served version as it was: the data store discards an incomplete version itself,
 * and a dataset this job created is deleted again if nothing could be published into it.
 */
@Component
class ImportPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ImportPipeline.class);
    /** Schema errors copied one by one into the job's log (all are counted in the report). */
    private static final int SCHEMA_ERRORS_LOGGED = 50;

    private final TableReaders readers;
    private final Datasets datasets;
    private final DataReports reports;
    private final AttachedSchemas schemas;
    private final RecordPublisher publisher;
    private final JobStore store;
    private final ScheduleStore scheduleStore;
    private final UrlFetcher fetcher;
    private final DatasetLocks locks;
    private final AccessPolicy policy;
    private final UploadArea uploads;
    private final long readOnceAbove;
    private final int guessRows;

    ImportPipeline(TableReaders readers, Datasets datasets, DataReports reports, AttachedSchemas schemas,
                   RecordPublisher publisher, JobStore store, ScheduleStore scheduleStore, UrlFetcher fetcher,
                   DatasetLocks locks, AccessPolicy policy, UploadArea uploads, IngestSettings settings) {
        this.readers = readers;
        this.datasets = datasets;
        this.reports = reports;
        this.schemas = schemas;
        this.publisher = publisher;
        this.store = store;
        this.scheduleStore = scheduleStore;
        this.fetcher = fetcher;
        this.locks = locks;
        this.policy = policy;
        this.uploads = uploads;
        this.readOnceAbove = settings.readOnceAbove().toBytes();
        this.guessRows = settings.readOnceGuessRows();
    }

    /** The outcome to record. */
    record Outcome(JobStatus status, @Nullable DataReport report, @Nullable String recordId,
                   @Nullable Integer version) {
        static Outcome failed() {
            return new Outcome(JobStatus.FAILED, null, null, null);
        }
    }

    /** Runs the job to its end and records it; never throws. */
    void run(ActiveJob job, java.util.function.BooleanSupplier shuttingDown) {
        Outcome outcome;
        Path download = null;
        Run run = new Run(job);
        try {
            if (job.cancelRequested()) {
                job.log(JobMessage.info("cancelled", "Import annulé avant son démarrage."));
                outcome = new Outcome(JobStatus.CANCELLED, null, null, null);
            } else {
                store.started(job.id, Instant.now());
                download = job.sourceUrl == null ? null : uploads.jobs().resolve(job.id + ".download");
                Path target = download;
                outcome = policy.asPlatform(() -> run.execute(target));
            }
        } catch (ReadCancelled e) {
            outcome = cancelledOrInterrupted(job, shuttingDown);
        } catch (IngestException e) {
            job.log(JobMessage.error(e.code(), e.getMessage()));
            outcome = Outcome.failed();
        } catch (IngestFailure e) {
            if (e.code().equals("cancelled")) {
                outcome = cancelledOrInterrupted(job, shuttingDown);
            } else {
                job.log(JobMessage.error(e.code(), e.getMessage()));
                outcome = Outcome.failed();
            }
        } catch (IllegalArgumentException e) {
            job.log(JobMessage.error("invalid-options", e.getMessage()));
            outcome = Outcome.failed();
        } catch (ErrorResponseException e) {
            job.log(JobMessage.error("refused", e.getBody().getDetail() == null ? e.getMessage()
                    : e.getBody().getDetail()));
            outcome = Outcome.failed();
        } catch (RuntimeException | Error e) {
            LOG.error("Import {} : erreur inattendue", job.id, e);
            job.log(JobMessage.error("unexpected", "Erreur inattendue pendant l'import ; elle a été journalisée."));
            outcome = Outcome.failed();
        }
        if (outcome.status() != JobStatus.SUCCEEDED && run.createdDataset != null) {
            String created = run.createdDataset;
            try {
                policy.asPlatform(() -> {
                    datasets.delete(created);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Import {} : jeu de données {} créé pour rien non supprimé", job.id, created, e);
            }
        }
        if (outcome.status() == JobStatus.FAILED && job.messages().stream().noneMatch(m -> m.level().equals("error"))) {
            job.log(JobMessage.error("failed", "L'import a échoué."));
        }
        deleteQuietly(download);
        deleteQuietly(job.file);
        try {
            store.finish(job.id, outcome.status(), job.progress(), job.messages(), outcome.report(),
                    outcome.recordId(), outcome.version(), Instant.now());
        } catch (RuntimeException e) {
            LOG.error("Import {} : état final non enregistré", job.id, e);
        }
    }

    private static Outcome cancelledOrInterrupted(ActiveJob job, java.util.function.BooleanSupplier shuttingDown) {
        if (shuttingDown.getAsBoolean() && !job.cancelRequested()) {
            job.log(JobMessage.error("interrupted", JobsRecovery.INTERRUPTED));
            return Outcome.failed();
        }
        job.log(JobMessage.info("cancelled", "Import annulé : rien n'a été publié, la version servie n'a pas changé."));
        return new Outcome(JobStatus.CANCELLED, null, null, null);
    }

    /** One execution: the state shared by its steps. */
    private final class Run {
        final ActiveJob job;
        @Nullable String createdDataset;

        Run(ActiveJob job) {
            this.job = job;
        }

        Outcome execute(@Nullable Path download) {
            Path file;
            String name;
            @Nullable String hash;
            if (job.sourceUrl != null) {
                job.log(JobMessage.info("download", "Téléchargement de " + job.sourceUrl));
                UrlFetcher.Downloaded d = fetcher.fetch(job.sourceUrl, download, job::cancelled);
                file = d.file();
                name = d.name();
                hash = d.sha256();
            } else {
                file = job.file;
                name = job.sourceName;
                // A new dataset has no served hash to compare with: hash on another core during the analysis.
                hash = job.datasetId != null ? sha256(file) : null;
            }
            java.util.concurrent.CompletableFuture<String> hashing = hash != null ? null
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> sha256(file), task -> {
                        Thread thread = new Thread(task, "opale-sha256-" + job.id);
                        thread.setDaemon(true);
                        thread.start();
                    });
            IngestOptions options = job.options;
            Dataset existing = null;
            if (job.datasetId != null) {
                existing = datasets.find(job.datasetId).orElseThrow(() -> new IngestFailure("dataset-not-found",
                        "Le jeu de données « " + job.datasetId + " » n'existe plus."));
                Optional<DatasetVersion> current = datasets.currentVersion(existing.id());
                if (current.isPresent() && current.get().contentHash() != null
                        && current.get().contentHash().equals(hash)) {
                    job.log(JobMessage.info("unchanged", "Contenu inchangé : aucune nouvelle version publiée (la "
                            + "version " + current.get().number() + " reste servie)."));
                    store.dataset(job.id, existing.id(), existing.slug());
                    return new Outcome(JobStatus.SUCCEEDED, null, existing.recordId(), null);
                }
            }
            SourceFile source = new SourceFile(file, name);
            TableSchema schema = null;
            OnSchemaError mode = options.schemaErrorMode();
            String schemaUrl = options.tableSchemaUrl();
            if (options.hasTableSchema()) {
                schema = schemas.resolve(options.tableSchema(), options.tableSchemaUrl());
            } else if (existing != null) {
                Optional<AttachedSchemas.Attached> attached = schemas.stored(existing.id());
                if (attached.isPresent()) {
                    schema = attached.get().schema();
                    schemaUrl = attached.get().sourceUrl();
                    mode = options.onSchemaError() != null ? options.onSchemaError() : attached.get().onError();
                }
            }
            // A large file without a TableSchema (whose check needs the plan before any row is written) is read
            // once: rows typed by a plan guessed from its start while the whole file is analysed.
            SpeculativeRead speculative = schema == null && size(file) >= readOnceAbove
                    ? readers.speculate(source, options.readOptions(), Limits.DEFAULT, guessRows, listener()) : null;
            try {
                return publish(source, name, existing, options, hash, hashing, schema, schemaUrl, mode,
                        speculative);
            } finally {
                if (speculative != null) {
                    speculative.close(); // already closed by the load when it got that far; a second close is a no-op
                }
            }
        }

        /** Analyses (or reads speculatively), validates, loads, then writes the record and the report. */
        private Outcome publish(SourceFile source, String name, @Nullable Dataset existing, IngestOptions options,
                                @Nullable String hash, java.util.concurrent.@Nullable CompletableFuture<String> hashing,
                                @Nullable TableSchema schema, @Nullable String schemaUrl, OnSchemaError mode,
                                @Nullable SpeculativeRead speculative) {
            DataReport.SchemaSummary schemaSummary = null;
            Analysis analysis = null;
            if (speculative == null) {
                analysis = readers.analyse(source, options.readOptions(), listener());
                logAnalysis(analysis, name);
                if (analysis.rows() == 0) {
                    // A header-only file or an empty template: publishing it would replace data by nothing.
                    job.log(JobMessage.error("empty-table", "Le fichier « " + name + " » ne contient aucune ligne de "
                            + "données (seulement " + (analysis.plan().columns().isEmpty() ? "rien"
                            : "un en-tête ou une structure") + ") : rien n'a été publié."));
                    return Outcome.failed();
                }
                if (schema != null) {
                    SchemaValidationResult result = validate(source, analysis.plan(), schema);
                    schemaSummary = DataReport.SchemaSummary.of(schema.title(), schemaUrl, result, mode.code());
                    logSchema(result, mode);
                    if (!result.valid() && mode == OnSchemaError.BLOCK) {
                        job.log(JobMessage.error("schema-blocked", "Publication bloquée : le fichier ne respecte pas "
                                + "son schéma TableSchema (" + result.errorCount() + " erreur" + (result.errorCount()
                                > 1 ? "s" : "") + "). Corrigez le fichier ou choisissez « publier avec rapport »."));
                        return Outcome.failed();
                    }
                }
            }
            if (job.cancelled()) {
                throw new ReadCancelled(0);
            }

            Dataset dataset = existing;
            if (dataset == null) {
                String title = options.title() != null ? options.title() : RecordPublisher.titleOf(name);
                dataset = datasets.create(title, null);
                createdDataset = dataset.id();
                job.datasetId = dataset.id();
            }
            store.dataset(job.id, dataset.id(), dataset.slug());

            if (hashing != null) {
                hash = joined(hashing);
            }
            ReadPlan plan = speculative != null ? speculative.guess() : analysis.plan();
            ReentrantLock lock = locks.of(dataset.id());
            LoadResult loaded;
            RowAdapter adapter;
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadCancelled(0);
            }
            try {
                RowStream rows = speculative != null ? speculative : readers.open(source, plan, Limits.DEFAULT,
                        listener());
                adapter = new RowAdapter(rows, plan.geometry() != null);
                loaded = load(dataset, plan, adapter, hash, speculative != null ? speculative.expectedRows()
                        : analysis.rows());
                if (speculative != null) {
                    if (loaded.cause() instanceof PlanRevised revised) {
                        // The version typed by the guess was dropped; the analysis of the whole file reads it again.
                        analysis = revised.analysis();
                        plan = analysis.plan();
                        job.log(JobMessage.info("plan-revised", "Le début du fichier ne suffisait pas à l'analyser ("
                                + revised.difference() + ") : version " + loaded.version().number()
                                + " abandonnée, fichier relu avec l'analyse du fichier entier."));
                        adapter = new RowAdapter(readers.open(source, plan, Limits.DEFAULT, listener()),
                                plan.geometry() != null);
                        loaded = load(dataset, plan, adapter, hash, analysis.rows());
                    } else if (loaded.succeeded()) {
                        analysis = speculative.analysis();
                        if (speculative.widening() != null) {
                            // The version was widened in place: its columns are the whole file's.
                            plan = analysis.plan();
                            job.log(JobMessage.info("plan-widened", "Le début du fichier ne suffisait pas à "
                                    + "l'analyser (" + speculative.widening().difference() + ") : colonne(s) "
                                    + "élargie(s) dans la version " + loaded.version().number()
                                    + " sans relire le fichier ("
                                    + speculative.widening().cells().size() + " valeur(s) réécrite(s))."));
                        }
                    }
                    if (analysis != null) {
                        logAnalysis(analysis, name);
                    }
                }
            } finally {
                lock.unlock();
            }
            if (!loaded.succeeded()) {
                if (loaded.version().status() == VersionStatus.CANCELLED || loaded.cause() instanceof ReadCancelled) {
                    throw new ReadCancelled(job.progress());
                }
                if (loaded.cause() instanceof IngestException e) {
                    throw e;
                }
                job.log(JobMessage.error("load-failed", loaded.version().message() == null
                        ? "Écriture des lignes impossible." : loaded.version().message()));
                return Outcome.failed();
            }
            DatasetVersion version = loaded.version();
            job.progress(version.rowCount());
            ReadSummary summary = adapter.summary();
            for (ReadWarning w : summary.warnings()) {
                if (!analysis.warnings().contains(w)) {
                    job.log(new JobMessage("warning", w.code(), w.message(), w.row(), w.column()));
                }
            }
            Dataset refreshed = datasets.find(dataset.id()).orElseThrow();
            StoredRecord record = publisher.publish(refreshed, version, options, name, plan.settings().format());
            if (refreshed.recordId() == null || !refreshed.recordId().equals(record.id())) {
                datasets.linkRecord(dataset.id(), record.id());
            }
            createdDataset = null;
            if (options.hasTableSchema()) {
                schemas.save(dataset.id(), schema, options.tableSchemaUrl(), mode);
            }
            if (job.scheduleId != null) {
                scheduleStore.setDataset(job.scheduleId, dataset.id());
            }
            if (!adapter.allRowsCompared()) {
                job.log(JobMessage.info("duplicates-partial", "Lignes en double cherchées parmi les "
                        + DuplicateCount.MAX_ROWS + " premières lignes seulement."));
            }
            DataReport report = DataReport.of(Instant.now(), analysis, plan, summary, adapter.duplicates(),
                    schemaSummary);
            reports.save(dataset.id(), version.number(), job.id, report);
            job.log(JobMessage.info("published", "Version " + version.number() + " publiée : " + version.rowCount()
                    + " lignes. Fiche « " + record.record().title().textOr(record.id()) + " »."));
            return new Outcome(JobStatus.SUCCEEDED, report, record.id(), version.number());
        }

        private LoadResult load(Dataset dataset, ReadPlan plan, RowAdapter rows, @Nullable String hash,
                                long expectedRows) {
            return datasets.load(dataset.id(), schemaOf(plan), rows, LoadOptions.defaults().withContentHash(hash)
                    .withProgress(job::progress).withCancellation(job::cancelled).withExpectedRows(expectedRows));
        }

        private void logAnalysis(Analysis analysis, String name) {
            ReadPlan plan = analysis.plan();
            for (ReadWarning w : analysis.warnings()) {
                job.log(new JobMessage("warning", w.code(), w.message(), w.row(), w.column()));
            }
            job.log(JobMessage.info("analysed", "Fichier analysé : format " + plan.settings().format()
                    + (plan.settings().encoding() == null ? "" : ", encodage " + plan.settings().encoding())
                    + ", " + analysis.rows() + " lignes, " + plan.outputColumns().size() + " colonnes"
                    + (plan.geometry() == null ? ", sans géométrie." : ", géométrie " + plan.geometry().kind()
                    + " (EPSG:" + plan.geometry().srid() + ").")));
        }

        private ReadListener listener() {
            return new ReadListener() {
                @Override
                public void progress(long rowsRead) {
                    job.progress(rowsRead);
                    if (job.flushDue()) {
                        store.progress(job.id, rowsRead, job.messages());
                    }
                }

                @Override
                public boolean cancelled() {
                    return job.cancelled();
                }
            };
        }

        /** The third pass: every cell as written (all columns read as text, geometry left alone). */
        private SchemaValidationResult validate(SourceFile source, ReadPlan plan, TableSchema schema) {
            List<ColumnPlan> all = new ArrayList<>();
            for (ColumnPlan c : plan.columns()) {
                all.add(c.withType(ColumnType.TEXT).withSkip(false));
            }
            ReadPlan text = new ReadPlan(plan.settings(), all, null);
            SchemaValidation validation = schema.validation();
            validation.header(all.stream().map(ColumnPlan::label).toList(),
                    Boolean.TRUE.equals(plan.settings().header()) ? 1L : null);
            List<String> cells = new ArrayList<>(all.size());
            try (RowStream rows = readers.open(source, text, Limits.DEFAULT, listener())) {
                for (Row row = rows.next(); row != null; row = rows.next()) {
                    cells.clear();
                    for (Object value : row.values()) {
                        cells.add(value == null ? "" : value.toString());
                    }
                    validation.row(row.line(), cells);
                }
            }
            return validation.result();
        }

        private void logSchema(SchemaValidationResult result, OnSchemaError mode) {
            if (result.valid()) {
                job.log(JobMessage.info("schema-valid", "Le fichier respecte son schéma TableSchema ("
                        + result.rowsChecked() + " lignes vérifiées)."));
                return;
            }
            String level = mode == OnSchemaError.BLOCK ? "error" : "warning";
            int logged = 0;
            for (SchemaError e : result.errors()) {
                if (logged++ == SCHEMA_ERRORS_LOGGED) {
                    break;
                }
                job.log(new JobMessage(level, e.code(), e.message(), e.rowNumber(), e.fieldName()));
            }
            job.log(new JobMessage(level, "schema-errors", result.errorCount() + " erreur(s) TableSchema : "
                    + result.counts() + ".", null, null));
        }
    }

    /** The plan's output columns as the data store's: safe names checked again, the store's own names avoided. */
    static DatasetSchema schemaOf(ReadPlan plan) {
        List<Column> columns = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ColumnPlan c : plan.outputColumns()) {
            String name = c.name();
            if (name.equals("geom") || name.equals("_fid")) {
                name = name.replace("_", "") + "_source";
            }
            String unique = name;
            for (int n = 2; !used.add(unique); n++) {
                unique = name + "_" + n;
            }
            columns.add(new Column(unique, c.label(), fr.mel.opale.data.ColumnType.valueOf(c.type().name())));
        }
        GeometryInfo geometry = plan.geometry() == null ? null
                : new GeometryInfo(fr.mel.opale.geo.GeometryType.GEOMETRY, "EPSG:" + plan.geometry().srid());
        return new DatasetSchema(columns, geometry);
    }

    private static String joined(java.util.concurrent.CompletableFuture<String> hashing) {
        try {
            return hashing.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IngestFailure("read-error", "Lecture du fichier impossible : " + e.getMessage());
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new IngestFailure("read-error", "Lecture du fichier impossible : " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Fichier temporaire {} non supprimé : {}", file, e.getMessage());
            }
        }
    }

    /**
     * The reader's rows as the data store's, counting duplicate rows on the way: a 64-bit hash of values and
     * coordinates per row, compared once the rows are all read ({@link DuplicateCount}).
     */
    static final class RowAdapter implements RowSource {
        private final RowStream rows;
        private final boolean geographic;
        private final DuplicateCount duplicates = new DuplicateCount();
        private @Nullable ReadSummary summary;

        RowAdapter(RowStream rows, boolean geographic) {
            this.rows = rows;
            this.geographic = geographic;
        }

        @Override
        public fr.mel.opale.data.@Nullable Row next() {
            Row row = rows.next();
            if (row == null) {
                summary = rows.summary();
                duplicates.finish(); // counted while the database indexes the rows
                return null;
            }
            Geometry geometry = geographic ? row.geometry() : null;
            duplicates.add(hash(row.values(), geometry));
            return new fr.mel.opale.data.Row(row.values(), geometry);
        }

        @Override
        public void close() {
            if (summary == null) {
                summary = rows.summary();
            }
            rows.close();
        }

        ReadSummary summary() {
            return summary == null ? rows.summary() : summary;
        }

        /**
         * A speculative read's late widening, in the data store's terms: the final plan's columns (named as
         * {@link #schemaOf} names them), the text form of dates turned text, the cells to write over.
         */
        @Override
        public fr.mel.opale.data.@Nullable SchemaRevision revision() {
            if (!(rows instanceof SpeculativeRead read) || read.widening() == null) {
                return null;
            }
            fr.mel.opale.ingest.Widening widening = read.widening();
            if (!widening.cells().isEmpty() && duplicates() > 0) {
                // The rows were told apart by their guessed values: the cells written over are late values and
                // markers that were all null then, so rows alike but for them were counted as one another's
                // duplicates though the whole file's types tell them apart. Without the rows to hash again, the
                // report's count could differ from the one the read after the analysis gives: read again instead
                // (the rest of the widening, digits and dates turned text or decimal, tells apart what it did).
                throw new PlanRevised(read.analysis(), widening.difference()
                        + " ; des lignes en double d'après le début du fichier pourraient ne plus l'être");
            }
            List<Column> columns = schemaOf(widening.plan()).columns();
            java.util.Map<String, fr.mel.opale.data.SchemaRevision.TextForm> forms = new java.util.HashMap<>();
            widening.dateText().forEach((column, pattern) -> forms.put(columns.get(column).name(),
                    pattern.equals("dd/MM/yyyy") ? fr.mel.opale.data.SchemaRevision.TextForm.DAY_MONTH_YEAR
                            : fr.mel.opale.data.SchemaRevision.TextForm.CANONICAL));
            List<fr.mel.opale.data.SchemaRevision.Cell> cells = new ArrayList<>(widening.cells().size());
            for (fr.mel.opale.ingest.Widening.Cell cell : widening.cells()) {
                cells.add(new fr.mel.opale.data.SchemaRevision.Cell(cell.row(), cell.column(), cell.value()));
            }
            return new fr.mel.opale.data.SchemaRevision(columns, forms, cells);
        }

        /** Duplicate rows among the first {@link DuplicateCount#MAX_ROWS}; waits for their count. */
        long duplicates() {
            return duplicates.duplicates();
        }

        boolean allRowsCompared() {
            return duplicates.complete();
        }

        private static long hash(@Nullable Object[] values, @Nullable Geometry geometry) {
            long h = LongHashSet.SEED;
            for (Object value : values) {
                // Numbers by their bits: their text (toString) cost as much as the rest of the row. Decimals are in
                // canonical form (equal numbers, equal values): the nearest double's bits and the hash of the
                // digits and scale tell apart what the double alone would confuse.
                if (value instanceof BigDecimal d) {
                    h = (h ^ Double.doubleToLongBits(d.doubleValue())) * 0x100000001b3L;
                    h = (h ^ d.hashCode()) * 0x100000001b3L;
                } else if (value instanceof Long l) {
                    h = (h ^ l) * 0x100000001b3L;
                } else {
                    h = LongHashSet.hash(h, value == null ? "\u0000" : value.toString());
                }
            }
            if (geometry != null) {
                for (Coordinate c : geometry.getCoordinates()) {
                    h = (h ^ Double.doubleToLongBits(c.x)) * 0x100000001b3L;
                    h = (h ^ Double.doubleToLongBits(c.y)) * 0x100000001b3L;
                }
            }
            return h;
        }
    }
}
