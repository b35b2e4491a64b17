package fr.mel.opale.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sliding window and the lockout of {@link AttemptLimiter}, on a clock the test moves. */
class AttemptLimiterTest {
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(15), Duration.ofMinutes(10), clock);

    @Test
    void theAttemptThatReachesTheLimitLocksTheKeyForTheLockout() {
        assertThat(limiter.record("anne")).isFalse();
        assertThat(limiter.record("anne")).isFalse();
        assertThat(limiter.lockedFor("anne")).isEmpty();
        assertThat(limiter.record("anne")).isTrue();
        assertThat(limiter.lockedFor("anne")).hasValue(Duration.ofMinutes(10));
        assertThat(limiter.lockedFor("bruno")).as("other keys are free").isEmpty();
        now = now.plus(Duration.ofMinutes(9));
        assertThat(limiter.lockedFor("anne")).hasValue(Duration.ofMinutes(1));
        now = now.plus(Duration.ofMinutes(1));
        assertThat(limiter.lockedFor("anne")).isEmpty();
        assertThat(limiter.record("anne")).as("a fresh window after the lockout").isFalse();
    }

    @Test
    void attemptsOutsideTheWindowAreForgotten() {
        limiter.record("anne");
        limiter.record("anne");
        now = now.plus(Duration.ofMinutes(16));
        assertThat(limiter.record("anne")).isFalse();
        assertThat(limiter.record("anne")).isFalse();
        assertThat(limiter.record("anne")).isTrue();
    }

    @Test
    void aResetClearsTheCount() {
        limiter.record("anne");
        limiter.record("anne");
        limiter.reset("anne");
        assertThat(limiter.record("anne")).isFalse();
        assertThat(limiter.record("anne")).isFalse();
        assertThat(limiter.lockedFor("anne")).isEmpty();
    }

    @Test
    void throttlesLockAnAccountWhetherOrNotItExistsAndLimitSignUpsAndMails() {
        Throttles throttles = new Throttles(clock);
        for (int i = 0; i < 5; i++) {
            assertThat(throttles.loginLockout("Personne@Exemple.fr", "10.0.0.1")).isEmpty();
            throttles.loginFailed("personne@exemple.fr ", "10.0.0." + i);
        }
        assertThat(throttles.loginLockout("PERSONNE@exemple.fr", "10.0.0.9")).as("per account, any case").isPresent();
        assertThat(throttles.loginLockout("autre@exemple.fr", "10.0.0.9")).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(throttles.signUpAllowed("10.1.1.1")).isTrue();
        }
        assertThat(throttles.signUpAllowed("10.1.1.1")).isFalse();
        assertThat(throttles.signUpAllowed("10.1.1.2")).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(throttles.mailAllowed("10.2.0." + i, "cible@exemple.fr")).isTrue();
        }
        assertThat(throttles.mailAllowed("10.2.0.9", "Cible@exemple.fr")).as("3 mails an hour per recipient").isFalse();
    }
}
