package fr.mel.opale.ingest.job;

import java.util.Locale;

/** What a TableSchema error does to an import: stop it, or publish and list the errors in the report. */
public enum OnSchemaError {
    /** Nothing is published while the file breaks its schema; the job fails with the errors. */
    BLOCK,
    /** The rows are published; the errors are in the job's messages and the data-quality report. */
    REPORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OnSchemaError parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "block", "bloquer" -> BLOCK;
            case "report", "signaler", "publier" -> REPORT;
            default -> throw new IllegalArgumentException("« onSchemaError » vaut block ou report, pas « " + value + " ».");
        };
    }
}
