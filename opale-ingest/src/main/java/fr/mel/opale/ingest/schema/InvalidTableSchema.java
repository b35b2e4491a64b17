package fr.mel.opale.ingest.schema;

/** The TableSchema itself cannot be used: not JSON, no fields, an unknown type or a malformed constraint. */
public class InvalidTableSchema extends RuntimeException {
    public InvalidTableSchema(String message) {
        super(message);
    }

    public InvalidTableSchema(String message, Throwable cause) {
        super(message, cause);
    }
}
