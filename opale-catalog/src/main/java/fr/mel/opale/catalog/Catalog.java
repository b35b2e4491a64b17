package fr.mel.opale.catalog;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.ReadFilter;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.internal.RecordStore;
import fr.mel.opale.catalog.model.CatalogRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's entry point: find, list, create, update, delete and upsert records, each through the access
 * policy. Writes publish {@link RecordChanged} (delivered to listeners inside the transaction; listeners that must
 * see the committed state use {@code @TransactionalEventListener}). Every write first passes the record through the
 * {@link RecordEnricher} beans, so what is stored (and returned) is the enriched record.
 */
@Service
public class Catalog {
    private final RecordStore store;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<RecordEnricher> enrichers;

    private final Organisations organisations;

    public Catalog(RecordStore store, AccessPolicy policy, ApplicationEventPublisher events,
                   ObjectProvider<RecordEnricher> enrichers, Organisations organisations) {
        this.organisations = organisations;
        this.store = store;
        this.policy = policy;
        this.events = events;
        this.enrichers = enrichers;
    }

    /** The record if it exists and the current viewer may see it; empty otherwise (no hint that it exists). */
    @Transactional(readOnly = true)
    public Optional<StoredRecord> find(String id) {
        Viewer viewer = policy.currentViewer();
        return store.find(id).filter(r -> policy.canRead(viewer, r.protection()));
    }

    /** Like {@link #find} but throws the 404 problem when absent or hidden. */
    @Transactional(readOnly = true)
    public StoredRecord get(String id) {
        return find(id).orElseThrow(() -> CatalogProblem.notFound(id));
    }

    /**
     * The records the current viewer may see, newest change first.
     *
     * @param text optional case-insensitive filter on titles (null or blank: all)
     */
    @Transactional(readOnly = true)
    public RecordPage<RecordSummary> list(@Nullable String text, int page, int size) {
        return store.list(policy.readFilter(policy.currentViewer()), text, page, size);
    }

    /** Whole records for exports (DCAT, harvest), only those visible to the current viewer. */
    @Transactional(readOnly = true)
    public RecordPage<StoredRecord> listFull(int page, int size) {
        return store.listFull(policy.readFilter(policy.currentViewer()), page, size);
    }

    /** Public records only, whatever the viewer: what open-data exports such as DCAT publish. */
    @Transactional(readOnly = true)
    public RecordPage<StoredRecord> listPublic(int page, int size) {
        return store.listFull(ReadFilter.PUBLIC_ONLY, page, size);
    }

    /** Creates a record owned by the platform (platform administrators); 409 if its identifier is taken. */
    @Transactional
    public StoredRecord create(CatalogRecord record, Visibility visibility) {
        return create(record, visibility, null);
    }

    /**
     * Creates a record owned by organisation {@code owner} (a slug; null: the platform), if the policy lets the
     * current viewer edit such a record (the owner's editors, platform administrators); 409 if its identifier is
     * taken.
     */
    @Transactional
    public StoredRecord create(CatalogRecord record, Visibility visibility, @Nullable String owner) {
        policy.requireCatalogEdit(Protected.newResource(owner, visibility));
        if (owner != null && organisations.find(owner).isEmpty()) {
            throw CatalogProblem.invalid("Organisation propriétaire inconnue « " + owner + " ».");
        }
        if (store.exists(record.id())) {
            throw CatalogProblem.alreadyExists(record.id());
        }
        return saved(store.save(enriched(record), visibility, owner, null), RecordChanged.Change.CREATED);
    }

    /** Creates a public record owned by organisation {@code owner} (null: the platform): what imports publish. */
    @Transactional
    public StoredRecord publish(CatalogRecord record, @Nullable String owner) {
        return create(record, Visibility.PUBLIC, owner);
    }

    /**
     * Replaces a record, provided it is still at {@code expectedVersion} (optimistic locking: two editors never
     * overwrite each other silently).
     */
    @Transactional
    public StoredRecord update(CatalogRecord record, long expectedVersion, @Nullable Visibility visibility) {
        StoredRecord current = writable(record.id());
        if (current.version() != expectedVersion) {
            throw CatalogProblem.versionConflict(record.id(), expectedVersion, current.version());
        }
        Visibility target = visibility == null ? current.visibility() : visibility;
        if (target != current.visibility() && !policy.canManageAccess(policy.currentViewer(), current.protection())) {
            // a write grant edits the content; who sees it is decided by the owner's editors
            throw new AccessDenied(policy.currentViewer());
        }
        try {
            return saved(store.save(enriched(record), target, current.ownerOrganisation(), current),
                    RecordChanged.Change.UPDATED);
        } catch (OptimisticLockingFailureException concurrent) {
            throw CatalogProblem.versionConflict(record.id(), expectedVersion, expectedVersion + 1);
        }
    }

    /** Creates or replaces a record whatever its version: what re-importing the same identifier does. */
    @Transactional
    public Upserted upsert(CatalogRecord record) {
        return upsert(record, null);
    }

    /**
     * Creates or replaces a record whatever its version. A new record is public and owned by {@code ownerOfNew} (null:
     * the platform); an existing one keeps its owner and visibility.
     *
     * @throws CatalogProblem 404 when the record exists but is hidden from the caller
     * @throws AccessDenied   when the caller sees it (or it is new) but may not edit it
     */
    @Transactional
    public Upserted upsert(CatalogRecord record, @Nullable String ownerOfNew) {
        Optional<StoredRecord> current = store.find(record.id());
        if (current.isPresent() && !policy.canRead(policy.currentViewer(), current.get().protection())) {
            // a record the caller may not see does not exist for them: the same 404 as for a new identifier they
            // could not create, never a 403 telling it exists
            throw CatalogProblem.notFound(record.id());
        }
        policy.requireCatalogEdit(current.map(StoredRecord::protection)
                .orElse(Protected.newResource(ownerOfNew, Visibility.PUBLIC)));
        Visibility visibility = current.map(StoredRecord::visibility).orElse(Visibility.PUBLIC);
        String owner = current.map(StoredRecord::ownerOrganisation).orElse(ownerOfNew);
        if (current.isEmpty() && owner != null && organisations.find(owner).isEmpty()) {
            throw CatalogProblem.invalid("Organisation propriétaire inconnue « " + owner + " ».");
        }
        RecordChanged.Change change = current.isPresent() ? RecordChanged.Change.UPDATED : RecordChanged.Change.CREATED;
        return new Upserted(saved(store.save(enriched(record), visibility, owner, current.orElse(null)), change),
                current.isEmpty());
    }

    /** Imports several records in one transaction: all are stored or none is. */
    @Transactional
    public List<Upserted> upsertAll(List<CatalogRecord> records) {
        return upsertAll(records, Map.of());
    }

    /**
     * Imports several records in one transaction, all or none; a new one is owned by {@code ownersOfNew}'s
     * organisation for its identifier (absent: the platform), an existing one keeps its owner.
     */
    @Transactional
    public List<Upserted> upsertAll(List<CatalogRecord> records, Map<String, String> ownersOfNew) {
        return records.stream().map(record -> upsert(record, ownersOfNew.get(record.id()))).toList();
    }

    @Transactional
    public void delete(String id) {
        writable(id);
        store.delete(id);
        events.publishEvent(new RecordChanged(id, RecordChanged.Change.DELETED));
    }

    /**
     * The record {@code id} if the current viewer may edit it: 404 when it does not exist or is hidden from them
     * (never a 403 that would tell it exists), 401/403 when they see it without the right to edit it.
     */
    private StoredRecord writable(String id) {
        Viewer viewer = policy.currentViewer();
        StoredRecord current = store.find(id).filter(r -> policy.canRead(viewer, r.protection()))
                .orElseThrow(() -> CatalogProblem.notFound(id));
        if (!policy.canEditCatalog(viewer, current.protection())) {
            throw new AccessDenied(viewer);
        }
        return current;
    }

    /** Result of an upsert: the stored record and whether it was new. */
    public record Upserted(StoredRecord record, boolean created) {
    }

    private StoredRecord saved(StoredRecord record, RecordChanged.Change change) {
        events.publishEvent(new RecordChanged(record.id(), change));
        return record;
    }

    /** The record after every enricher, in their declared order; an enricher may not change the identifier. */
    private CatalogRecord enriched(CatalogRecord record) {
        CatalogRecord result = record;
        for (RecordEnricher enricher : (Iterable<RecordEnricher>) enrichers.orderedStream()::iterator) {
            result = enricher.enrich(result);
            if (!record.id().equals(result.id())) {
                throw new IllegalStateException(enricher.getClass().getName() + " a changé l'identifiant d'une fiche");
            }
        }
        return result;
    }
}
