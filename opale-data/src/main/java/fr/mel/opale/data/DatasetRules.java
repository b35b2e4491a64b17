package fr.mel.opale.data;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.AccessRefusals;
import fr.mel.opale.access.ReaderAttributes;
import fr.mel.opale.access.grant.GrantPrincipal;
import fr.mel.opale.access.grant.Grants;
import fr.mel.opale.access.problem.Problem;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.internal.ReadScope;
import fr.mel.opale.data.internal.RowRuleBinding;
import fr.mel.opale.data.internal.RuleStore;
import fr.mel.opale.data.internal.TableStore;
import fr.mel.opale.data.internal.filter.FilterSql;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dataset's row and column rules: who manages its access ({@link AccessPolicy#canManageAccess}) reads and
 * replaces them; every read of rows ({@link Features}, {@link Aggregates}, and through them the OGC API, tiles,
 * downloads, pages) obeys them. A rule is checked in full before anything is written: its CQL2, the reader attributes
 * it names, and — against the served version — its columns and the types of what it compares.
 */
@Service
public class DatasetRules {
    /** Most columns one rule may hide. */
    public static final int MAX_HIDDEN = 200;
    /** Most readers one column rule may name besides the owner's members (more is a group: a project). */
    public static final int MAX_READERS = 20;
    /** Longest row rule, in characters (the column holds 2 000). */
    public static final int MAX_RULE = 2_000;
    /** Stands in for each reader attribute when a rule is checked: one value of the right kind. */
    private static final ReaderAttributes SAMPLE_READER = new ReaderAttributes(Map.of(
            ReaderAttributes.INSEE, List.of("59350"), ReaderAttributes.ORGANISATIONS, List.of("mel"),
            ReaderAttributes.PROJECTS, List.of("projet"), ReaderAttributes.PERSON, List.of(1L)));
    private final Datasets datasets;
    private final Features features;
    private final RuleStore store;
    private final TableStore tables;
    private final AccessPolicy policy;
    private final Grants grants;
    private final AccessRefusals refusals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    public DatasetRules(Datasets datasets, Features features, RuleStore store, TableStore tables, AccessPolicy policy,
                        Grants grants, AccessRefusals refusals, PlatformTransactionManager transactions,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.grants = grants;
        this.refusals = refusals;
        this.datasets = datasets;
        this.features = features;
        this.store = store;
        this.tables = tables;
        this.policy = policy;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The dataset's rules.
     *
     * @throws DataProblem 404 when the dataset is unknown or hidden
     * @throws AccessDenied when the viewer may not manage its access
     */
    public DatasetRule of(String datasetId) {
        managed(datasetId);
        return store.of(datasetId).rule();
    }

    /**
     * Replaces the dataset's rules ({@link DatasetRule#NONE}: removes them).
     *
     * @throws DataProblem 404 as for {@link #of}; 400 (French, nothing written) for invalid CQL2, an unknown reader
     *                     attribute or column, a literal of the wrong type, a dataset without data to check against;
     *                     every refusal is also written to the audit log ({@link AccessRefusals})
     */
    public DatasetRule put(String datasetId, @Nullable String rowRule, List<ColumnRule> columnRules) {
        String attempted = "lignes : " + (rowRule == null || rowRule.isBlank() ? "toutes" : rowRule.strip())
                + " ; colonnes masquées : " + (columnRules.isEmpty() ? "aucune" : String.join(", ",
                columnRules.stream().map(c -> c.seenBy().isEmpty() ? c.column()
                        : c.column() + " (vue par " + String.join(", ", c.seenBy()) + ")").toList()));
        return refusals.audited("jeu de données " + datasetId, null, attempted,
                () -> replace(datasetId, rowRule, columnRules));
    }

    private DatasetRule replace(String datasetId, @Nullable String rowRule, List<ColumnRule> columnRules) {
        Dataset dataset = managed(datasetId);
        String rule = rowRule == null || rowRule.isBlank() ? null : rowRule.strip();
        Map<String, ColumnRule> byColumn = new LinkedHashMap<>();
        for (ColumnRule column : columnRules) {
            byColumn.merge(column.column(), column, (a, b) -> new ColumnRule(a.column(),
                    List.copyOf(new LinkedHashSet<>(concat(a.seenBy(), b.seenBy())))));
        }
        if (byColumn.size() > MAX_HIDDEN) {
            throw DataProblem.invalidRule("Au plus " + MAX_HIDDEN + " colonnes masquées par jeu de données.");
        }
        List<ColumnRule> columns = new ArrayList<>();
        for (ColumnRule column : byColumn.values()) {
            columns.add(new ColumnRule(column.column(), readers(column)));
        }
        DatasetRule changed = new DatasetRule(rule, columns);
        if (!store.fits(changed)) {
            throw DataProblem.invalidRule("Les règles de colonnes sont trop longues : nommez moins de lecteurs "
                    + "(regroupez-les dans un projet).");
        }
        if (!changed.none()) {
            check(dataset, changed);
        }
        Viewer viewer = policy.currentViewer();
        transaction.executeWithoutResult(tx -> store.put(datasetId, changed, clock.instant(), viewer.username()));
        events.publishEvent(new DatasetRulesChanged(datasetId));
        return changed;
    }

    /**
     * What {@code person} reads of the dataset under its rules (rows counted in the database, columns), decided by
     * the policy on that viewer exactly as for their own requests — for whoever manages the dataset's access.
     *
     * @param person the viewer to preview, as the policy builds it
     *               ({@link fr.mel.opale.access.explain.AccessExplanations#viewerOf})
     * @throws DataProblem 404 as for {@link #of}; 404 when the dataset has no served version
     * @throws AccessDenied when the current viewer may not manage its access
     */
    public RulePreview preview(String datasetId, Viewer person) {
        Dataset dataset = managed(datasetId);
        DatasetVersion served = features.readable(dataset.id(), null).stored();
        List<String> all = served.columns().stream().map(Column::name).toList();
        if (!policy.canRead(person, datasets.protectionOf(dataset))) {
            return new RulePreview(false, 0, served.rowCount(), List.of(), all);
        }
        ReadScope scope = datasets.scope(dataset, served, person);
        List<String> visible = scope.apply(served).columns().stream().map(Column::name).toList();
        return new RulePreview(true, features.count(dataset, served, scope), served.rowCount(), visible,
                all.stream().filter(name -> !visible.contains(name)).toList());
    }

    /**
     * The readers a column rule names, in their stored form ({@code organisation:lambersart}), each checked to be well
     * formed and to exist, as grants are: a French 400 naming the unknown ones.
     */
    private List<String> readers(ColumnRule column) {
        if (column.seenBy().size() > MAX_READERS) {
            throw DataProblem.invalidRule("La colonne « " + column.column() + " » nomme plus de " + MAX_READERS
                    + " lecteurs : regroupez-les dans un projet.");
        }
        List<GrantPrincipal> principals = new ArrayList<>();
        for (String key : column.seenBy()) {
            try {
                principals.add(GrantPrincipal.parse(key));
            } catch (Problem e) {
                throw DataProblem.invalidRule("Colonne « " + column.column() + " » : " + e.getBody().getDetail());
            }
        }
        List<String> unknown = grants.unknown(principals);
        if (!unknown.isEmpty()) {
            throw DataProblem.invalidRule("Colonne « " + column.column() + " » : lecteur" + (unknown.size() > 1 ? "s" : "")
                    + " inconnu" + (unknown.size() > 1 ? "s" : "") + " : " + String.join(", ", unknown) + ".");
        }
        return principals.stream().map(GrantPrincipal::key).distinct().toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void check(Dataset dataset, DatasetRule rule) {
        DatasetVersion version = features.readable(dataset.id(), null).stored();
        for (String name : rule.hiddenColumns()) {
            if (version.column(name).isEmpty()) {
                throw DataProblem.invalidRule("La colonne « " + name + " » n'existe pas dans ce jeu de données. "
                        + "Colonnes : " + String.join(", ", version.columns().stream().map(Column::name).toList()) + ".");
            }
        }
        if (rule.rowRule() == null) {
            return;
        }
        if (rule.rowRule().length() > MAX_RULE) {
            throw DataProblem.invalidRule("La règle de lignes dépasse " + MAX_RULE + " caractères.");
        }
        Filter parsed;
        try {
            parsed = store.parse(rule.rowRule());
        } catch (Problem e) {
            throw DataProblem.invalidRule("La règle de lignes n'est pas du CQL2 valide : " + e.getBody().getDetail());
        }
        try {
            FilterSql.translate(RowRuleBinding.bind(parsed, version, SAMPLE_READER), version, tables);
        } catch (DataProblem e) {
            if (e.getBody().getType().toString().endsWith("regle-invalide")) {
                throw e;
            }
            throw DataProblem.invalidRule("La règle de lignes ne convient pas à ce jeu de données : "
                    + e.getBody().getDetail());
        }
    }

    private Dataset managed(String datasetId) {
        Dataset dataset = datasets.find(datasetId).orElseThrow(() -> DataProblem.datasetNotFound(datasetId));
        Viewer viewer = policy.currentViewer();
        if (!policy.canManageAccess(viewer, datasets.protectionOf(dataset))) {
            throw new AccessDenied(viewer);
        }
        return dataset;
    }
}
