package fr.mel.opale.quality.rules;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/** Where the reader is (file and rule), so that every error names both with the offending line. */
record RuleContext(String source, @Nullable String ruleId) {
    InvalidRuleSet error(Node at, String problem) {
        return new InvalidRuleSet(source, at.getStartMark().getLine() + 1, ruleId, problem);
    }
}
