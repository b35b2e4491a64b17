package fr.mel.opale.catalog;

/**
 * Published after a record was created, updated or deleted and the change committed; search re-indexes on it,
 * quality re-scores on it.
 */
public record RecordChanged(String id, Change change) {
    public enum Change { CREATED, UPDATED, DELETED }
}
