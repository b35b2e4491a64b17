package fr.mel.opale.search;

/**
 * An explicit order on one field and a direction, for APIs that let the client say both (OGC API – Records'
 * {@code sortby=-updated}). When a query has one it replaces {@link SearchSort}; ties are still broken by identifier,
 * so paging stays stable.
 */
public record SearchOrder(Field field, boolean ascending) {
    public enum Field {
        /** The title, ignoring case and accents. */
        TITLE,
        /** When Opale last changed the record. */
        MODIFIED,
        /** When Opale first stored the record. */
        CREATED
    }

    public SearchOrder {
        if (field == null) {
            throw new IllegalArgumentException("Champ de tri manquant");
        }
    }
}
