package fr.mel.opale.data.internal.filter;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.filter.Operand;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The types of a filter's operands on one version: a property is typed by its column (unknown = 400 naming it), a
 * literal by its Java value, and a comparison by the property it meets. Strict where SQL would fail: a literal that
 * cannot be the column's type is a 400, never a database error. Dates meet timestamps as whole days in Europe/Paris
 * (the zone of MEL's data).
 */
final class Typing {
    static final ZoneId LOCAL = ZoneId.of("Europe/Paris");

    /** What values are compared as. */
    enum Kind { NUMBER, TEXT, BOOLEAN, DATE, TIMESTAMP, GEOMETRY }

    private final DatasetVersion version;

    Typing(DatasetVersion version) {
        this.version = version;
    }

    boolean geographic() {
        return version.geographic();
    }

    /** The column a property names; a 400 naming it when the version has none. */
    Column column(Operand.Property property) {
        return version.column(property.name()).orElseThrow(() -> DataProblem.unknownProperty(property.name()));
    }

    /** The geometry property: {@code geometry} (Opale's queryable) or {@code geom} (the column). */
    static boolean isGeometry(Operand.Property property) {
        return property.name().equals(Operand.GEOMETRY) || property.name().equals("geom");
    }

    /** True for a literal, or a folding of one; false when a property is involved. */
    static boolean isLiteral(Operand operand) {
        if (operand instanceof Operand.CaseInsensitive c) {
            return isLiteral(c.text());
        }
        if (operand instanceof Operand.AccentInsensitive a) {
            return isLiteral(a.text());
        }
        return !(operand instanceof Operand.Property);
    }

    Kind kindOf(Operand operand) {
        if (operand instanceof Operand.Property property) {
            return isGeometry(property) ? Kind.GEOMETRY : kindOf(column(property).type());
        }
        if (operand instanceof Operand.Literal literal) {
            Object value = literal.value();
            return value instanceof String ? Kind.TEXT : value instanceof Boolean ? Kind.BOOLEAN
                    : value instanceof LocalDate ? Kind.DATE : value instanceof Instant ? Kind.TIMESTAMP : Kind.NUMBER;
        }
        if (operand instanceof Operand.GeometryLiteral) {
            return Kind.GEOMETRY;
        }
        if (operand instanceof Operand.CaseInsensitive c) {
            return textOnly(c.text(), "CASEI");
        }
        if (operand instanceof Operand.AccentInsensitive a) {
            return textOnly(a.text(), "ACCENTI");
        }
        throw DataProblem.invalidQuery("Un intervalle ne s'utilise que dans une fonction temporelle (T_INTERSECTS...).");
    }

    private Kind textOnly(Operand inner, String function) {
        if (kindOf(inner) != Kind.TEXT) {
            throw DataProblem.invalidQuery(function + " s'applique à du texte.");
        }
        return Kind.TEXT;
    }

    static Kind kindOf(ColumnType type) {
        return switch (type) {
            case INTEGER, DECIMAL -> Kind.NUMBER;
            case TEXT -> Kind.TEXT;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case TIMESTAMP -> Kind.TIMESTAMP;
        };
    }

    /** The kind both sides are compared as; at least one side must be a property (or a folding of one). */
    Kind commonKind(Operand left, Operand right) {
        boolean leftLiteral = isLiteral(left);
        boolean rightLiteral = isLiteral(right);
        if (leftLiteral && rightLiteral) {
            throw DataProblem.invalidQuery("Une comparaison doit porter sur au moins une propriété.");
        }
        Kind leftKind = kindOf(left);
        Kind rightKind = kindOf(right);
        if (!leftLiteral && !rightLiteral && leftKind != rightKind) {
            throw DataProblem.invalidQuery("Comparaison entre des propriétés de types différents ("
                    + name(leftKind) + " et " + name(rightKind) + ").");
        }
        return leftLiteral ? rightKind : leftKind;
    }

    /** The literal as the Java value of {@code kind}'s columns; 400 when it cannot be one. */
    static Object coerce(Object value, Kind kind) {
        try {
            Object coerced = switch (kind) {
                case TEXT -> value instanceof String ? value : value.toString();
                case NUMBER -> value instanceof Long || value instanceof BigDecimal ? value
                        : value instanceof String text ? new BigDecimal(text.strip()) : null;
                case BOOLEAN -> value instanceof Boolean ? value
                        : value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))
                        ? Boolean.valueOf(text) : null;
                case DATE -> value instanceof LocalDate ? value
                        : value instanceof Instant instant ? instant.atZone(LOCAL).toLocalDate()
                        : value instanceof String text ? LocalDate.parse(text.strip()) : null;
                case TIMESTAMP -> value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                        : value instanceof LocalDate date ? date.atStartOfDay(LOCAL).toOffsetDateTime()
                        : value instanceof String text ? OffsetDateTime.parse(text.strip()) : null;
                case GEOMETRY -> null;
            };
            if (coerced == null) {
                throw mismatch(value, kind);
            }
            return coerced;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw mismatch(value, kind);
        }
    }

    private static DataProblem mismatch(Object value, Kind kind) {
        return DataProblem.invalidQuery("La valeur « " + abbreviate(value.toString()) + " » n'est pas "
                + name(kind) + ".");
    }

    static String name(Kind kind) {
        return switch (kind) {
            case NUMBER -> "un nombre";
            case TEXT -> "un texte";
            case BOOLEAN -> "un booléen (true ou false)";
            case DATE -> "une date (AAAA-MM-JJ)";
            case TIMESTAMP -> "un horodatage (AAAA-MM-JJThh:mm:ssZ)";
            case GEOMETRY -> "une géométrie";
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
