package fr.mel.opale.data.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Memory of database reads that no change of this process may outlive. Entries are keyed by the <em>generation</em>
 * they were read in and {@link #changed()} starts a new one, so a read already in flight when a change commits stores
 * its possibly old answer under the old generation, where no later read looks (a plain invalidation could race with
 * it). Reads inside a transaction bypass the cache: they may see that transaction's own uncommitted writes, which
 * must not be shown to others nor survive a rollback. The time-to-live bounds how long a change made by another
 * process sharing the database goes unseen.
 *
 * @param <K> what is looked up
 * @param <V> the answer; never null (use {@link java.util.Optional} for "none", which is remembered too)
 */
final class ChangeAwareCache<K, V> {
    private final @Nullable Cache<Key<K>, V> entries;
    private final AtomicLong generation = new AtomicLong();

    /** @param ttl zero: no cache, every read goes to the database */
    ChangeAwareCache(Duration ttl, long maximumSize) {
        this.entries = ttl.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
    }

    V get(K key, Function<K, V> load) {
        if (entries == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return load.apply(key);
        }
        return entries.get(new Key<>(generation.get(), key), k -> load.apply(key));
    }

    /**
     * To call right after a write: forgets everything now and, inside a transaction, once more when it ends
     * (committed or rolled back) — reads between the two still saw the state before the commit.
     */
    void changed() {
        forgetAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        }
    }

    /** Forgets everything at once (for changes already committed, e.g. on an after-commit event). */
    void forgetAll() {
        generation.incrementAndGet();
        if (entries != null) {
            entries.invalidateAll();
        }
    }

    private record Key<K>(long generation, K key) {
    }
}
