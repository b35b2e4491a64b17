package fr.mel.opale.search.internal;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.catalog.RecordChanged;
import fr.mel.opale.catalog.RecordPage;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.search.IndexedRecord;
import fr.mel.opale.search.SearchEngine;
import fr.mel.opale.quality.QualityRescored;
import fr.mel.opale.thesaurus.ThesaurusChanged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index equal to the catalog: every committed create, update, delete and import is indexed before the
 * API call that made it returns; at start the index is rebuilt when its mapping changed or when it does not hold
 * as many records as the catalog (first start, lost directory, crash between a commit and its indexing).
 *
 * <p>Why not one {@code @TransactionalEventListener(AFTER_COMMIT)} per event: an import of a thousand records
 * publishes a thousand events in one transaction, and indexing each on its own would commit the Lucene index a
 * thousand times. The changes of one transaction are gathered instead and indexed together once it has committed
 * (same phase, same guarantee: nothing is indexed from a transaction that rolls back). A change published outside a
 * transaction is indexed at once.
 */
@Component
public class IndexFollower {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);
    private static final int BATCH = 500;

    private final SearchEngine engine;
    private final Catalog catalog;
    private final AccessPolicy policy;
    private final IndexedRecords records;
    private final TransactionTemplate readOnly;
    private volatile boolean ready;

    IndexFollower(SearchEngine engine, Catalog catalog, AccessPolicy policy, IndexedRecords records,
                  PlatformTransactionManager transactions) {
        this.engine = engine;
        this.catalog = catalog;
        this.policy = policy;
        this.records = records;
        this.readOnly = new TransactionTemplate(transactions);
        // After a commit the finished transaction's resources are still bound: read in a fresh one.
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
    }

    /** Whether the index is open and in step with the catalog (what the health check reports). */
    public boolean ready() {
        return ready;
    }

    /** Who may read a record changed: its reader keys are re-indexed with the record. */
    @EventListener
    void on(AccessChanged change) {
        if (change.kind() == AccessChanged.Kind.GRANTS) {
            on(new RecordChanged(change.subject(), RecordChanged.Change.UPDATED));
        }
    }

    @EventListener
    void on(RecordChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            apply(List.of(change));
            return;
        }
        PendingChanges pending = (PendingChanges) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingChanges();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.changes.put(change.id(), change);
    }

    /**
     * Brings the index in step with the catalog when it is not (run at start; rebuilding when the mapping changed
     * or the record counts differ), then reports ready.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void synchronizeAtStart() {
        long inCatalog = policy.asPlatform(() -> readOnly.execute(s -> catalog.list(null, 0, 1).total()));
        long inIndex = engine.count();
        if (engine.wasReset() || inIndex != inCatalog) {
            LOG.info("Index de recherche à reconstruire ({} fiches indexées, {} au catalogue{})", inIndex, inCatalog,
                    engine.wasReset() ? ", nouvelle version du schéma d'index" : "");
            reindexAll();
        }
        ready = true;
    }

    /**
     * A thesaurus changed (imported, replaced, deleted): category ancestors and labels may have changed for any
     * record, so everything is indexed again once the change has committed (the thesauri's new snapshot is in place
     * by then).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ThesaurusChanged change) {
        reindexAll();
    }

    /** Every record was re-scored (rules changed, or an administrator asked): the scores are indexed again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(QualityRescored rescored) {
        reindexAll();
    }

    /**
     * Indexes every record of the catalog again and removes from the index what the catalog no longer holds.
     * Searches keep working meanwhile (records are replaced, not dropped first). Returns the number indexed.
     */
    public synchronized long reindexAll() {
        long started = System.nanoTime();
        Set<String> seen = new HashSet<>();
        int page = 0;
        RecordPage<StoredRecord> batch;
        do {
            int current = page++;
            List<IndexedRecord> documents = new ArrayList<>();
            batch = policy.asPlatform(() -> readOnly.execute(s -> {
                RecordPage<StoredRecord> stored = catalog.listFull(current, BATCH);
                documents.addAll(records.of(stored.items()));
                return stored;
            }));
            documents.forEach(d -> seen.add(d.stored().id()));
            engine.index(documents);
        } while (batch.hasNext());
        Set<String> stale = engine.ids();
        stale.removeAll(seen);
        engine.delete(stale);
        // A bulk load leaves many small segments; one segment makes facet counting several times faster.
        engine.compact();
        LOG.info("Index de recherche reconstruit : {} fiches en {} ms", seen.size(),
                (System.nanoTime() - started) / 1_000_000);
        return seen.size();
    }

    private void apply(List<RecordChanged> changes) {
        try {
            List<String> deleted = new ArrayList<>();
            List<IndexedRecord> changed = new ArrayList<>();
            policy.asPlatform(() -> readOnly.execute(s -> {
                List<StoredRecord> present = new ArrayList<>();
                for (RecordChanged change : changes) {
                    Optional<StoredRecord> stored = change.change() == RecordChanged.Change.DELETED
                            ? Optional.empty() : catalog.find(change.id());
                    if (stored.isPresent()) {
                        present.add(stored.get());
                    } else {
                        deleted.add(change.id());
                    }
                }
                changed.addAll(records.of(present));
                return null;
            }));
            engine.index(changed);
            engine.delete(deleted);
        } catch (RuntimeException e) {
            // The catalog change is committed; the index lags until the next rebuild (at start, or by an admin).
            LOG.error("Index de recherche non mis à jour pour {} : POST /api/search/reindex le resynchronise",
                    changes.stream().map(RecordChanged::id).toList(), e);
        }
    }

    /** The changes of one transaction, indexed once it has committed (the last change of a record wins). */
    private final class PendingChanges implements TransactionSynchronization {
        private final Map<String, RecordChanged> changes = new LinkedHashMap<>();

        @Override
        public void afterCommit() {
            apply(List.copyOf(changes.values()));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(IndexFollower.this);
        }
    }
}
