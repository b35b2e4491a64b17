package fr.mel.opale.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts attempts per key (an account's login, an IP address) in a sliding window and locks the key for a while once
 * it has had too many: {@code maxAttempts} within {@code window} → locked for {@code lockout}. Thread-safe; keys are
 * held in a bounded cache (a flood of distinct keys evicts the oldest, it cannot exhaust memory) and forgotten after
 * the window and lockout have passed. In memory: a restart forgets the counts, which only gives an attacker a few
 * more tries after a restart they cannot cause.
 */
public final class AttemptLimiter {
    private static final long MAX_KEYS = 100_000;

    private final int maxAttempts;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Cache<String, Window> windows;

    /** The state of one key: attempts since {@code start}, and the end of its lockout, if any. */
    private record Window(Instant start, int attempts, Instant lockedUntil) {
    }

    public AttemptLimiter(int maxAttempts, Duration window, Duration lockout, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts < 1");
        }
        this.maxAttempts = maxAttempts;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
        this.windows = Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .expireAfterAccess(window.plus(lockout).plusMinutes(1)).build();
    }

    /** How long {@code key} stays locked from now; empty when it is not locked. */
    public Optional<Duration> lockedFor(String key) {
        Window w = windows.getIfPresent(key);
        Instant now = clock.instant();
        if (w == null || !now.isBefore(w.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.lockedUntil()));
    }

    /**
     * Counts an attempt (a failed login, a sign-up...) of {@code key}; the attempt that reaches {@code maxAttempts}
     * within the window locks the key.
     *
     * @return true when the key is now locked
     */
    public boolean record(String key) {
        Instant now = clock.instant();
        Window updated = windows.asMap().compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.start().plus(window))) {
                w = new Window(now, 0, Instant.MIN);
            }
            int attempts = w.attempts() + 1;
            Instant lockedUntil = attempts >= maxAttempts ? now.plus(lockout) : w.lockedUntil();
            // a locked key starts a fresh window when its lockout ends
            Instant start = attempts >= maxAttempts ? now.plus(lockout) : w.start();
            return new Window(start, attempts >= maxAttempts ? 0 : attempts, lockedUntil);
        });
        return now.isBefore(updated.lockedUntil());
    }

    /** Forgets {@code key}'s attempts (a successful login clears its account's failures). */
    public void reset(String key) {
        windows.invalidate(key);
    }
}
