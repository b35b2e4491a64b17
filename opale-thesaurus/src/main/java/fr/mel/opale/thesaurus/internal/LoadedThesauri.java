package fr.mel.opale.thesaurus.internal;

import org.springframework.stereotype.Component;

/**
 * Holds the current {@link ThesaurusIndex}. Loaded from the database on first use; afterwards changed only by
 * {@link fr.mel.opale.thesaurus.Thesauri}'s writes, once their transaction committed. Reads are a volatile read.
 */
@Component
public class LoadedThesauri {
    private final ThesaurusStore store;
    private volatile ThesaurusIndex index;

    LoadedThesauri(ThesaurusStore store) {
        this.store = store;
    }

    /** The current index; loads it on first call. */
    public ThesaurusIndex index() {
        ThesaurusIndex current = index;
        if (current == null) {
            synchronized (this) {
                if (index == null) {
                    index = new ThesaurusIndex(store.loadAll().stream()
                            .map(t -> ThesaurusSnapshot.of(t.summary(), t.concepts())).toList());
                }
                current = index;
            }
        }
        return current;
    }

    /** Adds or replaces one thesaurus (call after the commit that stored it). */
    public synchronized void put(ThesaurusSnapshot snapshot) {
        index = index().with(snapshot);
    }

    public synchronized void remove(String id) {
        index = index().without(id);
    }
}
