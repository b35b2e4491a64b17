package fr.mel.opale.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import fr.mel.opale.data.Bbox;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The counts' memory on its own, with counts that end when the test says: a count slower than the budget is left
 * out, finished in the background and then known; it is run once however many ask; keys that differ (a version,
 * a reader's scope, a box) never share a count; a failed count is not remembered, whatever it threw.
 */
class MatchCountsTest {
    private static final MatchCounts.Key KEY = new MatchCounts.Key("d", 1, "all", new Bbox(3, 50, 3.1, 50.1), null);
    private final MatchCounts counts = new MatchCounts(Duration.ofMillis(20));

    @AfterEach
    void stop() {
        counts.destroy();
    }

    @Test
    void aCountSlowerThanTheBudgetIsLeftOutThenKnown() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        assertThat(counts.within(KEY, () -> {
            runs.incrementAndGet();
            await(release);
            return 42;
        })).isEmpty();
        assertThat(counts.within(KEY, () -> {
            runs.incrementAndGet();
            return 7;
        })).as("still running: not started again, still unknown").isEmpty();
        release.countDown();
        assertThat(counts.count(KEY, () -> 7)).as("the running count, joined").isEqualTo(42);
        assertThat(counts.within(KEY, () -> 7)).hasValue(42);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aQuickCountIsGivenAtOnceAndRemembered() {
        assertThat(counts.within(KEY, () -> 5)).hasValue(5);
        assertThat(counts.count(KEY, () -> 6)).isEqualTo(5);
    }

    @Test
    void keysThatDifferShareNothing() {
        assertThat(counts.count(KEY, () -> 1)).isEqualTo(1);
        assertThat(counts.count(new MatchCounts.Key("d", 2, "all", KEY.bbox(), null), () -> 2)).isEqualTo(2);
        assertThat(counts.count(new MatchCounts.Key("d", 1, "lecteur-a", KEY.bbox(), null), () -> 3)).isEqualTo(3);
        assertThat(counts.count(new MatchCounts.Key("d", 1, "lecteur-b", KEY.bbox(), null), () -> 4)).isEqualTo(4);
        assertThat(counts.count(new MatchCounts.Key("d", 1, "all", new Bbox(3, 50, 3.2, 50.1), null), () -> 5))
                .isEqualTo(5);
        assertThat(counts.count(new MatchCounts.Key("d", 1, "lecteur-a", KEY.bbox(), null), () -> 9)).isEqualTo(3);
    }

    @Test
    void aFailedCountIsNotRemembered() {
        assertThatThrownBy(() -> counts.count(KEY, () -> {
            throw new IllegalStateException("base indisponible");
        })).hasMessage("base indisponible");
        assertThat(counts.count(KEY, () -> 8)).isEqualTo(8);
    }

    @Test
    void aCountEndedByAnErrorIsNotRememberedEither() {
        assertThatThrownBy(() -> counts.count(KEY, () -> {
            throw new StackOverflowError("filtre trop profond");
        })).isInstanceOf(StackOverflowError.class).hasMessage("filtre trop profond");
        // a count left unfinished in the memory would make every later ask wait for ever: the guard turns that into
        // a failure instead of a hung build
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> counts.count(KEY, () -> 8))).isEqualTo(8);
        assertThat(counts.within(KEY, () -> 9)).hasValue(8);
    }

    @Test
    void aZeroBudgetNeverWaits() throws Exception {
        MatchCounts unbudgeted = new MatchCounts(Duration.ZERO);
        try {
            CountDownLatch release = new CountDownLatch(1);
            assertThat(unbudgeted.within(KEY, () -> {
                await(release);
                return 3;
            })).isEmpty();
            release.countDown();
            assertThat(unbudgeted.count(KEY, () -> 0)).isEqualTo(3);
            assertThat(unbudgeted.within(KEY, () -> 0)).hasValue(3);
        } finally {
            unbudgeted.destroy();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
