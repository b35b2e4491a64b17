package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.RecordKind;
import java.util.List;

/**
 * The rules in force, in the file's order. For every kind any rule applies to, the weights sum to 100 (checked when
 * read); records of a kind no rule applies to are not scored.
 *
 * @param source      where the rules were read from (a path or {@code classpath:...}), for messages
 * @param fingerprint changes whenever the rules (or the way Opale evaluates them) change: stored with each score so
 *                    that a changed configuration re-scores every record at the next start
 */
public record RuleSet(String source, String fingerprint, List<QualityRule> rules) {
    public RuleSet {
        rules = List.copyOf(rules);
    }

    public List<QualityRule> rulesFor(RecordKind kind) {
        return rules.stream().filter(r -> r.appliesTo(kind)).toList();
    }
}
