package fr.mel.opale.access.identity;

/** A claim rule file that cannot be used: it stops the start, with every problem named (in French). */
public class InvalidClaimRules extends IllegalStateException {
    public InvalidClaimRules(String source, String problems) {
        super("Règles de revendications invalides (" + source + ") : " + problems);
    }
}
