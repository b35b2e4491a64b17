package fr.mel.opale.data.internal;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Protected;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.RecordChanged;
import fr.mel.opale.catalog.StoredRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The protection (visibility, owner) of the catalog records datasets point at — what {@link AccessPolicy} decides
 * dataset reads on. Loading a record parses its whole document, and every feature read asks: so the answer is
 * remembered, and forgotten as soon as the catalog commits a change to any record ({@link RecordChanged}), so that a
 * record made restricted is closed to the next request. Only the record's facts are remembered; the decision for
 * the current viewer is always taken afresh by the caller.
 */
@Component
public class RecordProtections {
    /** No record, or one that no longer exists: not published, platform administrators only. */
    static final Protected UNPUBLISHED = Protected.unpublished();
    private final Catalog catalog;
    private final AccessPolicy policy;
    private final ChangeAwareCache<String, Protected> cache;

    public RecordProtections(Catalog catalog, AccessPolicy policy, DataSettings settings) {
        this.catalog = catalog;
        this.policy = policy;
        this.cache = new ChangeAwareCache<>(settings.cacheTtl(), 10_000);
    }

    /** The record's protection, read as the platform (whatever the viewer: the caller decides for the viewer). */
    public Protected of(@Nullable String recordId) {
        if (recordId == null) {
            return UNPUBLISHED;
        }
        return cache.get(recordId, id -> policy.asPlatform(() -> catalog.find(id))
                .map(StoredRecord::protection).orElse(UNPUBLISHED));
    }

    /** After the catalog's commit (or at once when it wrote without a transaction). */
    @TransactionalEventListener(fallbackExecution = true)
    void recordChanged(RecordChanged event) {
        cache.forgetAll();
    }
}
