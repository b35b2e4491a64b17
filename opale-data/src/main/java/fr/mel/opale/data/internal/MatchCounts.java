package fr.mel.opale.data.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.filter.Filter;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many rows of a published version match a selection (OGC's {@code numberMatched}), counted once. A READY version
 * never changes and its number is never reused for its dataset, so a count stays true as long as its version exists:
 * entries are keyed by dataset, version, the reader's scope (its row rule <em>with its values bound</em>, so one reader
 * never gets another's count) and the selection; a replaced version's entries are no longer asked for and leave as
 * the bounded cache makes room. No time-to-live, unlike the registry's {@link ChangeAwareCache}: nothing another
 * server does can change a published version.
 *
 * <p>A cold count may be slow (a large table, a broad filter). {@link #within} waits for it at most the
 * {@code opale.data.count-budget}; past that the page goes without it (OGC API Features allows leaving
 * {@code numberMatched} out) while the count goes on in the background, so that the next page has it. At most two
 * counts run at once; a same count asked again while running is not started twice. Thread-safe.
 */
@Component
public final class MatchCounts implements DisposableBean {
    private static final int COUNTING_THREADS = 2;
    private static final int WAITING_COUNTS = 64;
    private final AsyncCache<Key, Long> counts = Caffeine.newBuilder().maximumSize(20_000).buildAsync();
    private final ThreadPoolExecutor counting;
    private final Duration budget;

    /**
     * One selection of one version as one reader sees it.
     *
     * @param scope the reader's {@link ReadScope#key()} (a digest of their bound row rule and hidden columns)
     */
    public record Key(String datasetId, int version, String scope, @Nullable Bbox bbox, @Nullable Filter filter) {
    }

    @Autowired
    public MatchCounts(DataSettings settings) {
        this(settings.countBudget());
    }

    /** @param budget how long {@link #within} waits for a cold count; zero: not at all (only known counts) */
    public MatchCounts(Duration budget) {
        this.budget = budget;
        AtomicInteger threads = new AtomicInteger();
        this.counting = new ThreadPoolExecutor(COUNTING_THREADS, COUNTING_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WAITING_COUNTS), runnable -> {
                    Thread thread = new Thread(runnable, "opale-count-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        counting.allowCoreThreadTimeOut(true);
    }

    /**
     * The exact count, computed by {@code counter} (a database query) if not known yet, waiting as long as it takes.
     *
     * @throws RuntimeException what {@code counter} threw (an {@link Error} as such)
     */
    public long count(Key key, LongSupplier counter) {
        // counted here, on the caller's thread, outside the cache's lock; a same count running meanwhile is joined
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> future = counts.asMap().putIfAbsent(key, mine);
        if (future == null) {
            future = mine;
            try {
                mine.complete(counter.getAsLong());
            } catch (Throwable e) {
                // whatever ends the count (an Error too) must end the future: a count left unfinished in the memory
                // would make every later ask for it wait for ever, and within() never give it
                mine.completeExceptionally(e);
                counts.asMap().remove(key, mine);
                throw e;
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unwrapped(e.getCause());
        }
    }

    /**
     * The count if it is known or found within the budget; otherwise empty, and the count goes on in the background
     * (not started when two counts already run and {@value #WAITING_COUNTS} wait: a later page asks again).
     *
     * @throws RuntimeException what {@code counter} threw within the budget
     */
    public OptionalLong within(Key key, LongSupplier counter) {
        CompletableFuture<Long> future;
        try {
            future = counts.get(key, (k, executor) -> CompletableFuture.supplyAsync(counter::getAsLong, counting));
        } catch (RejectedExecutionException e) {
            return OptionalLong.empty();
        }
        try {
            if (future.isDone() || budget.isZero()) {
                return future.isDone() ? OptionalLong.of(future.join()) : OptionalLong.empty();
            }
            return OptionalLong.of(future.get(budget.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return OptionalLong.empty();
        } catch (CompletionException | ExecutionException e) {
            throw unwrapped(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    private static RuntimeException unwrapped(@Nullable Throwable cause) {
        if (cause instanceof Error error) {
            throw error; // as the counter threw it, for those who joined a count that ended so
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    @Override
    public void destroy() {
        counting.shutdownNow();
    }
}
