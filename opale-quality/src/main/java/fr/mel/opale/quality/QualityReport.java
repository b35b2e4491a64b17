package fr.mel.opale.quality;

import java.time.Instant;
import java.util.List;

/**
 * A record's quality: its score and every criterion that applies to its kind, in the rule file's order.
 *
 * @param score      0 to 100: the weights of the criteria met, over the weights of the criteria that could be
 *                   evaluated ({@link CriterionStatus#UNKNOWN} ones are left out of both), rounded
 * @param computedAt when the score was computed
 */
public record QualityReport(String recordId, int score, List<CriterionResult> criteria, Instant computedAt) {
    public QualityReport {
        criteria = List.copyOf(criteria);
    }

    public QualityBand band() {
        return QualityBand.of(score);
    }

    public List<CriterionResult> missed() {
        return criteria.stream().filter(c -> c.status() == CriterionStatus.MISSED).toList();
    }
}
