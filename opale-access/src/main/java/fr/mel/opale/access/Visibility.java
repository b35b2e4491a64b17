package fr.mel.opale.access;

/**
 * Who may see a protected resource (a record, and the dataset it describes). Stored by name: never rename a constant.
 * Only {@link AccessPolicy} reads it to decide; other modules store it and hand it back.
 */
public enum Visibility {
    /** Everybody, anonymous visitors included. */
    PUBLIC,
    /**
     * The members of the owner organisation, those the resource is granted to (organisations, projects, persons, or
     * any logged-in person), and platform administrators.
     */
    RESTRICTED,
    /** Work in progress: the owner organisation's editors (and administrators) and platform administrators only. */
    DRAFT
}
