package fr.mel.opale.data;

/**
 * The types a dataset column can have, and the Java values a {@link RowSource} hands for each (null is always
 * allowed). Stored by name: never rename a constant.
 */
public enum ColumnType {
    /** {@link Long} (any {@link Number} without a fraction is accepted). 64-bit. */
    INTEGER,
    /**
     * {@link java.math.BigDecimal} (any finite {@link Number} is accepted); stored exactly, not as a double, by its
     * value: read back without trailing zeros after the point and never with a negative scale ({@code 12.30} and
     * {@code 1.23E+1} are read back as 12.3, {@code 1E+3} as 1000), the same on H2 and PostgreSQL. At most 1 000
     * significant digits, decimals and integer digits (trailing zeros aside): more fails the load.
     */
    DECIMAL,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link java.time.LocalDate}. */
    DATE,
    /**
     * {@link java.time.OffsetDateTime} (also accepted: {@link java.time.Instant}, {@link java.time.ZonedDateTime},
     * and {@link java.time.LocalDateTime}, taken in the load's time zone — Europe/Paris unless said otherwise).
     * Read back as an {@code OffsetDateTime}.
     */
    TIMESTAMP,
    /** {@link String} (any {@link CharSequence}); NUL characters, which PostgreSQL cannot store, are dropped. */
    TEXT
}
