package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.quality.CriterionResult;
import fr.mel.opale.quality.CriterionStatus;
import fr.mel.opale.quality.QualityReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RuleSet} to a record. Pure and thread-safe: no Spring, no database, the time passed in.
 *
 * <p>A check that throws marks its criterion {@link CriterionStatus#UNKNOWN} and is logged; the other criteria are
 * still evaluated and the score leaves the unknown one out (the producer is not penalised for our bug).
 */
public final class QualityScorer {
    /** Dates ("is it up to date?") are judged in the metropolis's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Logger LOG = LoggerFactory.getLogger(QualityScorer.class);

    private final RuleSet rules;

    public QualityScorer(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    /** The record's report at {@code now}; empty when no rule applies to the record's kind. */
    public Optional<QualityReport> score(CatalogRecord record, Instant now) {
        List<QualityRule> applicable = rules.rulesFor(record.kind());
        if (applicable.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        List<CriterionResult> criteria = new ArrayList<>();
        for (QualityRule rule : applicable) {
            criteria.add(new CriterionResult(rule.id(), evaluate(rule, record, today), rule.weight(record.kind()),
                    rule.label(), rule.hint()));
        }
        return Optional.of(new QualityReport(record.id(), score(criteria), criteria, now));
    }

    /** Met weight over evaluated weight, rounded to the nearest integer; 0 when nothing could be evaluated. */
    public static int score(List<CriterionResult> criteria) {
        double evaluated = 0;
        double met = 0;
        for (CriterionResult criterion : criteria) {
            if (criterion.status() != CriterionStatus.UNKNOWN) {
                evaluated += criterion.weight();
                met += criterion.met() ? criterion.weight() : 0;
            }
        }
        return evaluated <= 0 ? 0 : (int) Math.round(100 * met / evaluated);
    }

    private static CriterionStatus evaluate(QualityRule rule, CatalogRecord record, LocalDate today) {
        try {
            return rule.check().test(record, today) ? CriterionStatus.MET : CriterionStatus.MISSED;
        } catch (RuntimeException e) {
            LOG.warn("Règle qualité « {} » en échec sur la fiche « {} » : critère marqué inconnu", rule.id(),
                    record.id(), e);
            return CriterionStatus.UNKNOWN;
        }
    }
}
