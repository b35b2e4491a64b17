package fr.mel.opale.ogcapi.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.RecordChanged;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a collection shows of its catalog record — title, description, whether it is public — remembered per record,
 * because loading a record parses its whole document and every request names a collection. Forgotten as soon as the
 * catalog commits a change to any record ({@link RecordChanged}): a renamed or restricted record shows at once.
 * Entries are keyed by a generation bumped on each change, so a load in flight during a change cannot store an old
 * answer where later requests look. This decides nothing: whether the viewer may see the dataset at all is
 * {@link fr.mel.opale.data.Datasets}'s question, asked on every request; {@code restricted} only chooses the CORS
 * headers. The time-to-live bounds what a change made by another server sharing the database goes unseen.
 */
@Component
class CollectionTexts {
    private final Catalog catalog;
    private final AccessPolicy policy;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Optional<Texts>> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();

    CollectionTexts(Catalog catalog, AccessPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    /** The record's texts; empty when the dataset has no record or it is gone. */
    Optional<Texts> of(@Nullable String recordId) {
        if (recordId == null) {
            return Optional.empty();
        }
        return cache.get(new Key(generation.get(), recordId), key -> policy.asPlatform(() -> catalog.find(recordId))
                .map(r -> new Texts(r.record().title().text(), r.record().description().text(),
                        !policy.publiclyCacheable(r.protection()))));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void recordChanged(RecordChanged event) {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** @param title null when the record has none (the slug is shown instead) */
    record Texts(@Nullable String title, @Nullable String description, boolean restricted) {
    }

    private record Key(long generation, String recordId) {
    }
}
