package fr.mel.opale.quality.internal;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.RecordChanged;
import fr.mel.opale.catalog.RecordPage;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.quality.QualityReport;
import fr.mel.opale.quality.QualityRescored;
import fr.mel.opale.quality.rules.QualityScorer;
import fr.mel.opale.quality.rules.RuleSet;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored scores in step with the records and the rules:
 * <ul>
 *   <li>on every {@link RecordChanged}, inside the catalog's write transaction (a plain {@code @EventListener}), so
 *       that the score commits or rolls back with the record;</li>
 *   <li>at start, when the rule set differs from the one of the last complete re-score (configuration changed, or
 *       the module is new to this catalog): every record;</li>
 *   <li>on demand ({@code POST /api/quality/rescore}).</li>
 * </ul>
 * A complete re-score publishes {@link QualityRescored} once done.
 */
@Component
@Order(0)
public class QualityEngine implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(QualityEngine.class);
    private static final int PAGE = 100;

    private final Catalog catalog;
    private final AccessPolicy policy;
    private final QualityScorer scorer;
    private final QualityStore store;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QualityEngine(Catalog catalog, AccessPolicy policy, QualityScorer scorer, QualityStore store,
                  TransactionTemplate transactions, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.catalog = catalog;
        this.policy = policy;
        this.scorer = scorer;
        this.store = store;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public RuleSet rules() {
        return scorer.rules();
    }

    @EventListener
    void on(RecordChanged change) {
        if (change.change() == RecordChanged.Change.DELETED) {
            store.delete(change.id());
            return;
        }
        // as the platform: the score of a record does not depend on who saved it
        policy.asPlatform(() -> catalog.find(change.id())).ifPresentOrElse(this::score, () -> store.delete(change.id()));
    }

    /**
     * At start, before the other start-up tasks that write records (demo catalog): re-scores everything when the rule
     * set changed. Running first matters on a new platform: the catalog is still empty, so recording the rule set
     * costs nothing, and the records created next are scored once, by {@link #on(RecordChanged)}, instead of a second
     * time by a complete re-score (and a complete re-index after it) before the platform reports itself ready.
     */
    @Override
    public void run(ApplicationArguments args) {
        rescoreIfRulesChanged();
    }

    void rescoreIfRulesChanged() {
        String fingerprint = scorer.rules().fingerprint();
        boolean changed = !store.lastRuleSet().filter(fingerprint::equals).isPresent();
        if (changed || store.countOtherThan(fingerprint) > 0) {
            LOG.info("Règles qualité nouvelles ou modifiées ({}) : recalcul de toutes les notes",
                    scorer.rules().source());
            rescoreAll();
        }
    }

    /** Re-scores every record, a page per transaction, then publishes {@link QualityRescored}. */
    public int rescoreAll() {
        int count = 0;
        Set<String> seen = new HashSet<>();
        for (int page = 0; ; page++) {
            int current = page;
            RecordPage<StoredRecord> records = policy.asPlatform(() -> catalog.listFull(current, PAGE));
            transactions.executeWithoutResult(status -> records.items().forEach(this::score));
            records.items().forEach(r -> seen.add(r.id()));
            count += records.items().size();
            if (!records.hasNext()) {
                break;
            }
        }
        transactions.executeWithoutResult(status -> {
            store.deleteAllExcept(seen);
            store.ruleSetApplied(scorer.rules().fingerprint(), scorer.rules().source(), clock.instant());
        });
        LOG.info("Notes qualité recalculées : {} fiches", count);
        events.publishEvent(new QualityRescored(count));
        return count;
    }

    private void score(StoredRecord stored) {
        Optional<QualityReport> report = scorer.score(stored.record(), clock.instant());
        if (report.isPresent()) {
            store.save(report.get(), scorer.rules().fingerprint());
        } else {
            store.delete(stored.id());
        }
    }
}
