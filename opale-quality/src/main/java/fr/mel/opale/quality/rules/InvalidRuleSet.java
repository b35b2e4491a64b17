package fr.mel.opale.quality.rules;

import org.jspecify.annotations.Nullable;

/**
 * A rule file that cannot be used. Stops the start: a quality score must never silently fall back to other rules
 * than those configured. The message names the file, the line and the rule, in French, for the administrator.
 */
public class InvalidRuleSet extends RuntimeException {
    private final String source;
    private final int line;
    private final @Nullable String ruleId;

    public InvalidRuleSet(String source, int line, @Nullable String ruleId, String problem) {
        super("Fichier de règles qualité invalide : " + source + ", ligne " + line
                + (ruleId == null ? "" : ", règle « " + ruleId + " »") + " : " + problem);
        this.source = source;
        this.line = line;
        this.ruleId = ruleId;
    }

    /** The file (or classpath resource) the rules came from. */
    public String source() {
        return source;
    }

    /** 1-based line of the offending node. */
    public int line() {
        return line;
    }

    public @Nullable String ruleId() {
        return ruleId;
    }
}
