package fr.mel.opale.data;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.data.internal.DatasetRegistry;
import fr.mel.opale.data.internal.DatasetWriter;
import fr.mel.opale.data.internal.ReadScope;
import fr.mel.opale.data.internal.RecordProtections;
import fr.mel.opale.data.internal.RowRuleBinding;
import fr.mel.opale.data.internal.RuleStore;
import fr.mel.opale.data.filter.Filter;
import java.util.Set;
import java.util.stream.Collectors;
import fr.mel.opale.data.internal.Slugs;
import fr.mel.opale.data.internal.TableNames;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data store's entry point for datasets: register one, load a new version of its rows (switched to atomically
 * when complete), roll back to a kept version, rename it (the old slug keeps resolving), link it to its catalog
 * record, delete it. Every call asks {@link AccessPolicy}.
 *
 * <p>A dataset's visibility is its catalog record's; a dataset without a record is visible to platform
 * administrators only (not yet published). Editing needs {@link AccessPolicy#requireDatasetEdit}. Background jobs run
 * under {@link AccessPolicy#asPlatform} after checking the requester's rights themselves.
 *
 * <p>Thread-safe. {@link #load} is long-running and manages its own transactions: do not call it inside one.
 */
@Service
public class Datasets {
    private final DatasetRegistry registry;
    private final DatasetWriter writer;
    private final AccessPolicy policy;
    private final RecordProtections protections;
    private final RuleStore rules;
    private final TransactionTemplate transaction;
    /** Counts a row-ruled reader's rows (Features reads through this class: looked up when needed). */
    private final ObjectProvider<Features> features;
    private final Clock clock = Clock.systemUTC();

    public Datasets(DatasetRegistry registry, DatasetWriter writer, AccessPolicy policy, RecordProtections protections,
                    RuleStore rules, PlatformTransactionManager transactions, ObjectProvider<Features> features) {
        this.rules = rules;
        this.features = features;
        this.registry = registry;
        this.writer = writer;
        this.policy = policy;
        this.protections = protections;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Registers a new dataset, without rows yet (its first {@link #load} gives it some).
     *
     * @param title    gives the slug ("Stations V'Lille" → {@code stations-vlille}; {@code -2}, {@code -3}... when
     *                 taken, now or formerly, by another dataset)
     * @param recordId the catalog record describing it, if already known
     */
    public Dataset create(String title, @Nullable String recordId) {
        policy.requireDatasetEdit(protection(recordId));
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            Dataset dataset = new Dataset(TableNames.newDatasetId(), freeSlug(title), recordId, null, now, now);
            registry.insertDataset(dataset);
            return dataset;
        });
    }

    /**
     * Writes {@code rows} as a new version of the dataset and, once every row, the key, the spatial index and the
     * statistics are in, makes it the served version in one transaction; then drops the versions beyond those kept
     * ({@code opale.data.keep-versions}, default 3). Until the switch, readers keep seeing the previous version.
     *
     * <p>Never throws once the version is registered: a failure (the source's exception, a value of the wrong type,
     * a database error) or a cancellation ({@link LoadOptions#cancelled()}) drops the new table and answers with the
     * version FAILED or CANCELLED and its French message; the served version is untouched. {@code rows} is closed.
     *
     * @throws DataProblem   404 if the dataset does not exist or is hidden from the current viewer
     * @throws fr.mel.opale.access.AccessDenied if the viewer may not edit it
     */
    public LoadResult load(String datasetId, DatasetSchema schema, RowSource rows, LoadOptions options) {
        Dataset dataset = editable(datasetId);
        return writer.load(dataset, schema, rows, options);
    }

    /** Serves a kept READY version again (one transaction). 404 if the version is gone, 409 if not READY. */
    public Dataset rollback(String datasetId, int version) {
        editable(datasetId);
        return transaction.execute(tx -> {
            DatasetVersion target = registry.version(datasetId, version)
                    .orElseThrow(() -> DataProblem.versionNotFound(datasetId, version));
            if (target.status() != VersionStatus.READY) {
                throw DataProblem.versionNotReady(datasetId, version, target.status());
            }
            registry.setCurrent(datasetId, version, clock.instant());
            return registry.find(datasetId).orElseThrow();
        });
    }

    /**
     * Gives the dataset the slug of a new title. The former slug becomes an alias: {@link #resolve} still finds the
     * dataset by it (with {@code moved} set, for a redirect), and no other dataset can ever take it. Same slug: no-op.
     */
    public Dataset rename(String datasetId, String newTitle) {
        Dataset dataset = editable(datasetId);
        return transaction.execute(tx -> {
            String base = Slugs.of(newTitle);
            if (base.equals(dataset.slug())) {
                return dataset;
            }
            // Taking back one of its own former slugs is allowed; another dataset's, never.
            String slug = registry.aliasOwner(base).filter(datasetId::equals).isPresent() ? base : freeSlug(newTitle);
            registry.changeSlug(datasetId, dataset.slug(), slug, clock.instant());
            return registry.find(datasetId).orElseThrow();
        });
    }

    /** Points the dataset at its catalog record (whose visibility it then shares), or at none. */
    public Dataset linkRecord(String datasetId, @Nullable String recordId) {
        editable(datasetId);
        policy.requireDatasetEdit(protection(recordId));
        return transaction.execute(tx -> {
            registry.linkRecord(datasetId, recordId, clock.instant());
            return registry.find(datasetId).orElseThrow();
        });
    }

    /** Deletes the dataset, its versions' tables and its slugs (which become free again). */
    public void delete(String datasetId) {
        editable(datasetId);
        List<DatasetVersion> versions = registry.versions(datasetId);
        transaction.executeWithoutResult(tx -> registry.deleteDataset(datasetId));
        // Rows first, tables after: a crash in between leaves orphan tables, removed at the next start.
        versions.forEach(writer::dropVersion);
    }

    /** The dataset if it exists and the current viewer may see it. */
    public Optional<Dataset> find(String datasetId) {
        return registry.find(datasetId).filter(this::visible);
    }

    /**
     * Every dataset the current viewer may see, by slug: hidden ones are left out (lists never reveal them). With
     * or without rows; callers wanting only served datasets check {@link Dataset#currentVersion()}.
     */
    public List<Dataset> list() {
        return registry.all().stream().filter(this::visible).toList();
    }

    /** The dataset the catalog record {@code recordId} describes, if any and visible (record pages show its data). */
    public Optional<Dataset> findByRecord(String recordId) {
        return registry.findByRecord(recordId).filter(this::visible);
    }

    /** The dataset with this slug, or whose former slug it is ({@code moved}); empty if none or hidden. */
    public Optional<ResolvedSlug> resolve(String slug) {
        if (slug == null || !Slugs.VALID.matcher(slug).matches()) {
            return Optional.empty();
        }
        Optional<Dataset> direct = registry.findBySlug(slug);
        if (direct.isPresent()) {
            return direct.filter(this::visible).map(d -> new ResolvedSlug(d, false));
        }
        return registry.aliasOwner(slug).flatMap(registry::find).filter(this::visible)
                .map(d -> new ResolvedSlug(d, true));
    }

    /** Former slugs of a visible dataset, oldest first. */
    public List<String> formerSlugs(String datasetId) {
        return find(datasetId).map(d -> registry.aliases(d.id())).orElse(List.of());
    }

    /**
     * The served version, empty if the dataset is hidden or has none yet; as the current viewer sees it: the columns
     * its column rule hides from them are left out, and under a row rule the row count is theirs and the extent
     * absent.
     */
    public Optional<DatasetVersion> currentVersion(String datasetId) {
        return find(datasetId).filter(d -> d.currentVersion() != null)
                .flatMap(d -> registry.version(d.id(), d.currentVersion()).map(v -> seen(d, v)));
    }

    /**
     * What the current viewer may read of {@code version}'s rows and columns: the dataset's row rule bound to their
     * reader attributes, unless the policy lets them see every row (platform administrators, editors of the owner);
     * its hidden columns, but those the policy lets them see (members of the owner, and the readers each column rule
     * names).
     */
    ReadScope scope(Dataset dataset, DatasetVersion version) {
        return scope(dataset, version, policy.currentViewer());
    }

    /** {@link #scope(Dataset, DatasetVersion)} for {@code viewer} (previews of what a person sees). */
    ReadScope scope(Dataset dataset, DatasetVersion version, Viewer viewer) {
        RuleStore.Parsed parsed = rules.of(dataset.id());
        if (parsed.rule().none()) {
            return ReadScope.ALL;
        }
        Protected protection = protection(dataset.recordId());
        Filter rows = parsed.rows() == null || policy.seesAllRows(viewer, protection) ? null
                : RowRuleBinding.bind(parsed.rows(), version, policy.readerAttributes(viewer));
        Set<String> hidden = parsed.rule().columnRules().stream()
                .filter(column -> !policy.seesColumn(viewer, protection, column.seenBy()))
                .map(ColumnRule::column).collect(Collectors.toUnmodifiableSet());
        return ReadScope.of(rows, hidden);
    }

    /**
     * Whether the current viewer reads every row of a visible dataset (no row rule, or the policy lets them see all
     * rows): summaries of all rows (a quality report's samples) are for them only.
     */
    public boolean readsEveryRow(String datasetId) {
        return find(datasetId).map(d -> rules.of(d.id()).rows() == null
                || policy.seesAllRows(policy.currentViewer(), protection(d.recordId()))).orElse(false);
    }

    /** The dataset's record protection, for the rules' service (who may change them). */
    Protected protectionOf(Dataset dataset) {
        return protection(dataset.recordId());
    }

    /**
     * All registered versions (kept READY ones, recent failures, a load in progress), newest first, without the
     * columns hidden from the current viewer.
     */
    public List<DatasetVersion> versions(String datasetId) {
        return find(datasetId).map(d -> registry.versions(d.id()).stream().map(v -> seen(d, v)).toList())
                .orElse(List.of());
    }

    /** One registered version of a visible dataset, as the current viewer sees it (see {@link #versions}). */
    public Optional<DatasetVersion> version(String datasetId, int number) {
        return find(datasetId).flatMap(d -> registry.version(d.id(), number).map(v -> seen(d, v)));
    }

    /**
     * {@code version} as the current viewer sees it: without the columns hidden from them and, when a row rule
     * applies to them, with the count of their rows only (counted in the database; 0 for a version not READY) and
     * without the extent — the total and the extent would tell about rows they may not see.
     */
    private DatasetVersion seen(Dataset dataset, DatasetVersion version) {
        ReadScope scope = scope(dataset, version);
        DatasetVersion shown = scope.apply(version);
        if (scope.rows() == null) {
            return shown;
        }
        long rows = version.status() == VersionStatus.READY ? rowsSeen(dataset, version, scope) : 0;
        return new DatasetVersion(shown.datasetId(), shown.number(), shown.tableName(), shown.status(), rows,
                shown.columns(), shown.geometry(), null, shown.contentHash(), shown.created(), shown.finished(),
                shown.message());
    }

    /**
     * The reader's rows of {@code version}; none when the row rule cannot be applied to it — written against the
     * served version, it may name a column an older kept version lacks. Failing closed keeps the listings of every
     * version readable instead of refusing the whole dataset to every row-ruled reader.
     */
    private long rowsSeen(Dataset dataset, DatasetVersion version, ReadScope scope) {
        try {
            return features.getObject().count(dataset, version, scope);
        } catch (DataProblem ruleNotApplicable) {
            return 0;
        }
    }

    private Dataset editable(String datasetId) {
        Dataset dataset = find(datasetId).orElseThrow(() -> DataProblem.datasetNotFound(datasetId));
        policy.requireDatasetEdit(protection(dataset.recordId()));
        return dataset;
    }

    boolean visible(Dataset dataset) {
        Viewer viewer = policy.currentViewer();
        return policy.canRead(viewer, protection(dataset.recordId()));
    }

    /**
     * The record's protection (remembered until the catalog changes a record); a dataset without a record, or whose
     * record is gone, is unpublished: restricted.
     */
    private Protected protection(@Nullable String recordId) {
        return protections.of(recordId);
    }

    private String freeSlug(String title) {
        String base = Slugs.of(title);
        for (int n = 1; ; n++) {
            String candidate = Slugs.candidate(base, n);
            if (!registry.slugTaken(candidate)) {
                return candidate;
            }
        }
    }
}
