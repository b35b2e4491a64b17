package fr.mel.opale.ingest;

/**
 * The type of a column, and the Java class of its non-null values in a {@link Row}.
 * Ordered from the narrowest to the widest textual form: a value that does not fit demotes a column towards
 * {@link #TEXT}, which holds anything.
 */
public enum ColumnType {
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link Long} (at most 18 digits; codes with leading zeros stay text). */
    INTEGER,
    /** {@link Double}: decimal numbers, whatever their decimal separator in the file. */
    DECIMAL,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.OffsetDateTime}; values without an offset are taken in Europe/Paris. */
    TIMESTAMP,
    /** {@link String}, verbatim. */
    TEXT
}
