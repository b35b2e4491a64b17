package fr.mel.opale.access.project;

/**
 * A named group of organisations, persons and other projects (an intercommunal plan shared by five communes), with
 * which records and datasets can be shared.
 *
 * @param slug stable name (lower case, digits, hyphens), what grants refer to
 */
public record Project(long id, String slug, String name) {
}
