package fr.mel.opale.quality;

import org.jspecify.annotations.Nullable;

/**
 * One criterion of a {@link QualityReport}.
 *
 * @param id     the rule's stable identifier ({@code title}, {@code open-licence}...)
 * @param weight the points the criterion is worth for the record's kind (the weights of a kind sum to 100)
 * @param label  what the criterion asks, in French and English
 * @param hint   how the producer meets it, in French and English
 */
public record CriterionResult(String id, CriterionStatus status, double weight, Bilingual label, Bilingual hint) {
    public boolean met() {
        return status == CriterionStatus.MET;
    }

    /** {@code true}, {@code false}, or {@code null} when {@link CriterionStatus#UNKNOWN}: the API's "met". */
    public @Nullable Boolean metOrNull() {
        return status == CriterionStatus.UNKNOWN ? null : status == CriterionStatus.MET;
    }

    public String label(String language) {
        return label.in(language);
    }

    public String hint(String language) {
        return hint.in(language);
    }
}
