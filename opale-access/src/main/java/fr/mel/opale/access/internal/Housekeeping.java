package fr.mel.opale.access.internal;

import fr.mel.opale.access.admin.AuditLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Daily clean-up of the account tables, on a thread of its own (the first run a few minutes after start): audit log
 * entries older than a year, mailed links expired for a day, and sign-ups never verified within a week (their
 * address is then free again). Sessions are cleaned by Spring Session itself, every minute.
 */
@Component
class Housekeeping implements SmartLifecycle {
    static final Duration PENDING_KEPT = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final AuditLog auditLog;
    private final EmailLinkStore links;
    private final PersonStore people;
    private ScheduledExecutorService timer;

    Housekeeping(AuditLog auditLog, EmailLinkStore links, PersonStore people) {
        this.auditLog = auditLog;
        this.links = links;
        this.people = people;
    }

    /** One clean-up; public for tests. */
    void runOnce() {
        int audit = auditLog.purge();
        int expired = links.deleteExpiredBefore(Timestamps.now().minus(Duration.ofDays(1)));
        int pending = people.deletePendingBefore(Timestamps.now().minus(PENDING_KEPT));
        if (audit + expired + pending > 0) {
            LOG.info("Nettoyage des comptes : {} entrée(s) du journal de plus d'un an, {} lien(s) expiré(s), "
                    + "{} inscription(s) jamais confirmée(s)", audit, expired, pending);
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opale-nettoyage-comptes");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.warn("Nettoyage des comptes en échec ; nouvel essai dans 24 heures", e);
            }
        }, 5, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
