package fr.mel.opale.geo.shapefile;

/**
 * One attribute of the rows a {@link ShapefileWriter} writes: the key of its value in each row's properties, a title
 * for the field mapping file, and the type of its values, which decides the dBase field.
 *
 * @param name  the full name (cut to 10 characters for dBase, the mapping file gives it back)
 * @param title a human title (may equal the name)
 * @param type  the Java type of the values: {@link Type#INTEGER} {@link Long}, {@link Type#DECIMAL}
 *              {@link java.math.BigDecimal}, {@link Type#BOOLEAN} {@link Boolean}, {@link Type#DATE}
 *              {@link java.time.LocalDate}, {@link Type#TIMESTAMP} {@link java.time.OffsetDateTime}, {@link Type#TEXT}
 *              any (its {@code toString()})
 */
public record Attribute(String name, String title, Type type) {
    /** The kinds of values a dBase field can be laid out for. */
    public enum Type {
        INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP, TEXT
    }
}
