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
    /**
     * {@link java.math.BigDecimal}: decimal numbers, whatever their decimal separator in the file, exactly as written
     * ({@code 0,1} is 0.1, never the double nearest it), without trailing zeros after the point and never with a
     * negative scale ({@code 2,50} is 2.5, {@code 1e3} is 1000). At most 1 000 significant digits, decimals and
     * integer digits; beyond, a cell is reported and read as empty.
     */
    DECIMAL,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.OffsetDateTime}; values without an offset are taken in Europe/Paris. */
    TIMESTAMP,
    /** {@link String}, verbatim. */
    TEXT
}
