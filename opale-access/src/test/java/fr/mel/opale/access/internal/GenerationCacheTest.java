package fr.mel.opale.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/**
 * The membership cache's guard against stale answers, with the race played step by step (latches, no timing): a
 * read that began before a change committed cannot leave its old answer for later reads; a transaction that changed
 * what is cached reads past the cache, and stores none of its uncommitted answers, until it ends.
 */
class GenerationCacheTest {
    private final GenerationCache<Long, String> cache = new GenerationCache<>(100, Duration.ofMinutes(1));
    /** What the "database" holds. */
    private final AtomicReference<String> stored = new AtomicReference<>("member");
    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(cache);
    }

    private String read() {
        loads.incrementAndGet();
        return stored.get();
    }

    @Test
    void aReadRacingACommitCannotStoreItsStaleAnswer() throws Exception {
        CountDownLatch readStarted = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        CompletableFuture<String> racing = CompletableFuture.supplyAsync(() -> cache.get(12L, id -> {
            String old = read(); // read before the commit
            readStarted.countDown();
            try {
                assertThat(committed.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return old; // and stored after it
        }));
        assertThat(readStarted.await(30, TimeUnit.SECONDS)).isTrue();
        stored.set("admin");
        cache.changing(); // the change's listener, after its commit (no transaction here)
        committed.countDown();
        assertThat(racing.get(30, TimeUnit.SECONDS)).isEqualTo("member");

        assertThat(cache.get(12L, id -> read())).isEqualTo("admin");
        int loadsSoFar = loads.get();
        assertThat(cache.get(12L, id -> read())).isEqualTo("admin");
        assertThat(loads.get()).as("the fresh answer is cached").isEqualTo(loadsSoFar);
    }

    @Test
    void theChangingTransactionReadsPastTheCacheAndLeavesNothingBehind() {
        assertThat(cache.get(12L, id -> read())).isEqualTo("member");
        TransactionSynchronizationManager.initSynchronization();
        stored.set("admin"); // uncommitted
        cache.changing();
        assertThat(cache.get(12L, id -> read())).isEqualTo("admin");
        int before = loads.get();
        assertThat(cache.get(12L, id -> read())).isEqualTo("admin");
        assertThat(loads.get()).as("read past the cache, nothing stored").isEqualTo(before + 1);

        // rolled back: the transaction's answer was never stored, the next read sees the database
        stored.set("member");
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations,
                TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(TransactionSynchronizationManager.hasResource(cache)).isFalse();
        assertThat(cache.get(12L, id -> read())).isEqualTo("member");
    }
}
