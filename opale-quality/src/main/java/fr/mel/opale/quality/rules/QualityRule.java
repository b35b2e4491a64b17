package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.quality.Bilingual;
import java.util.Map;

/**
 * One criterion: what it asks ({@code label}), how to meet it ({@code hint}), what it is worth for each record
 * kind it applies to, and the check that decides.
 *
 * @param id a stable identifier (lower case, digits and dashes): APIs, stored scores and statistics use it
 */
public record QualityRule(String id, Bilingual label, Bilingual hint, Map<RecordKind, Double> weights, Check check) {
    public QualityRule {
        weights = Map.copyOf(weights);
    }

    public boolean appliesTo(RecordKind kind) {
        return weights.containsKey(kind);
    }

    /** The weight for {@code kind}; 0 when the rule does not apply to it. */
    public double weight(RecordKind kind) {
        return weights.getOrDefault(kind, 0.0);
    }
}
