package fr.mel.opale.access;

/** Who may see a protected resource (record, dataset...). Stored by name: never rename a constant. */
public enum Visibility {
    /** Everybody, anonymous visitors included. */
    PUBLIC,
    /** Only those the policy grants it to (for now: platform administrators). */
    RESTRICTED
}
