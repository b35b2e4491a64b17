package fr.mel.opale.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A cache of database reads that no change may outlive (the idea of opale-data's {@code ChangeAwareCache}, which this
 * module may not use). Entries are keyed by the <em>generation</em> they were read in, and each change starts a new
 * one: a read that began before a change committed and stores its answer after it stores it under the old generation,
 * where no later read looks — where emptying the cache alone would let that stale answer in after the emptying.
 *
 * <p>A transaction that changed what is cached ({@link #changing()}) reads past the cache until it ends: what it
 * reads may be its own uncommitted writes, which others must not be served, nor anyone after a rollback. When it ends
 * (committed or rolled back) a new generation starts once more: reads between the change and the commit saw the state
 * before it. Thread-safe.
 *
 * @param <K> what is looked up
 * @param <V> the answer, never null
 */
final class GenerationCache<K, V> {
    private final Cache<Key<K>, V> entries;
    private final AtomicLong generation = new AtomicLong();

    GenerationCache(long maximumSize, Duration ttl) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl).build();
    }

    V get(K key, Function<K, V> load) {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return load.apply(key);
        }
        long current = generation.get();
        return entries.get(new Key<>(current, key), k -> load.apply(key));
    }

    /**
     * To call when a change is written, inside its transaction if there is one: forgets everything now, makes the
     * transaction read past the cache, and forgets everything again when it ends. Without a transaction: the change
     * is committed, everything is forgotten.
     */
    void changing() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(GenerationCache.this);
                    forget();
                }
            });
        }
    }

    /** Starts a new generation: every answer read so far, or being read now, is never served again. */
    void forget() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    private record Key<K>(long generation, K key) {
    }
}
