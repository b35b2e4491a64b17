package fr.mel.opale.web.dataset;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The table's filters — a text searched in every text column, and one filter per column — compiled to CQL2 text,
 * exactly as the table's script does ({@code cql2.js}; both are checked against {@code table-filters.json}). What
 * people may type in a column's box:
 * <ul>
 *   <li>text columns: a part of the value, any case ({@code CASEI(col) LIKE CASEI('%lille%')});</li>
 *   <li>numbers: {@code 12}, {@code > 1 000,5}, {@code <= 3}, {@code <> 0}, or a range {@code 10..20} (French or
 *       English decimals, spaces between thousands);</li>
 *   <li>dates and timestamps: {@code 2024} (that year), {@code 2024-03-15} or {@code 15/03/2024} (that day), with
 *       {@code > < >= <=}, or a range {@code 2024-01-01..2024-06-30};</li>
 *   <li>booleans: oui/non, vrai/faux, true/false;</li>
 *   <li>any column: {@code vide} (no value) or {@code non vide}.</li>
 * </ul>
 * A box that cannot be read gives a French message for that column instead of a filter; the others still apply.
 */
public final class TableFilters {
    private static final Pattern COMPARISON = Pattern.compile("^(<=|>=|<>|!=|=|<|>)?\\s*(.+)$");
    private static final Pattern RANGE = Pattern.compile("^(.+?)\\s*\\.\\.\\s*(.+)$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d+([.,]\\d+)?$");
    private static final Pattern YEAR = Pattern.compile("^\\d{4}$");
    private static final Pattern FRENCH_DATE = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$");

    private TableFilters() {
    }

    /**
     * @param cql2   the CQL2 text of every filter that could be read, joined by AND; null when none
     * @param errors per column name (the text search under {@code ""}), the French reason its box was not read
     */
    public record Compiled(@Nullable String cql2, Map<String, String> errors) {
    }

    /**
     * @param text    the text searched in every text column; blank for none
     * @param filters per column name, what its box holds (blank boxes ignored; unknown names ignored)
     */
    public static Compiled compile(List<Column> columns, @Nullable String text, Map<String, String> filters) {
        List<String> parts = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            List<String> any = new ArrayList<>();
            for (Column column : columns) {
                if (column.type() == ColumnType.TEXT) {
                    any.add(contains(column.name(), text.strip()));
                }
            }
            if (any.isEmpty()) {
                errors.put("", "Aucune colonne de texte où chercher.");
            } else {
                parts.add(any.size() == 1 ? any.get(0) : "(" + String.join(" OR ", any) + ")");
            }
        }
        for (Column column : columns) {
            String raw = filters.get(column.name());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                parts.add(condition(column, raw.strip()));
            } catch (IllegalArgumentException e) {
                errors.put(column.name(), e.getMessage());
            }
        }
        return new Compiled(parts.isEmpty() ? null : String.join(" AND ", parts), errors);
    }

    private static String condition(Column column, String raw) {
        String name = column.name();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.equals("vide")) {
            return name + " IS NULL";
        }
        if (lower.equals("non vide")) {
            return name + " IS NOT NULL";
        }
        return switch (column.type()) {
            case TEXT -> contains(name, raw);
            case BOOLEAN -> name + " = " + bool(raw, column);
            case INTEGER, DECIMAL -> compared(column, raw, v -> number(v, column));
            case DATE, TIMESTAMP -> dates(column, raw);
        };
    }

    private static String contains(String name, String text) {
        return "CASEI(" + name + ") LIKE CASEI('%" + text.replace("'", "''") + "%')";
    }

    private static String bool(String raw, Column column) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "oui", "vrai", "true", "yes", "1" -> "TRUE";
            case "non", "faux", "false", "no", "0" -> "FALSE";
            default -> throw new IllegalArgumentException("« " + raw + " » : écrivez oui ou non pour « "
                    + column.title() + " ».");
        };
    }

    private static String compared(Column column, String raw, java.util.function.UnaryOperator<String> literal) {
        Matcher range = RANGE.matcher(raw);
        if (range.matches()) {
            return column.name() + " BETWEEN " + literal.apply(range.group(1)) + " AND " + literal.apply(range.group(2));
        }
        Matcher comparison = COMPARISON.matcher(raw);
        comparison.matches();
        String operator = comparison.group(1) == null ? "=" : comparison.group(1).equals("!=") ? "<>" : comparison.group(1);
        return column.name() + " " + operator + " " + literal.apply(comparison.group(2));
    }

    private static String number(String raw, Column column) {
        String plain = raw.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (!NUMBER.matcher(plain).matches()) {
            throw new IllegalArgumentException("« " + raw + " » n'est pas un nombre (« " + column.title()
                    + " ») : écrivez par exemple 12, > 1 000,5 ou 10..20.");
        }
        return new BigDecimal(plain.replace(',', '.')).toPlainString();
    }

    /** A year is a range of days; other dates as given. */
    private static String dates(Column column, String raw) {
        Matcher comparison = COMPARISON.matcher(raw);
        comparison.matches();
        if (!RANGE.matcher(raw).matches() && YEAR.matcher(comparison.group(2).strip()).matches()) {
            String year = comparison.group(2).strip();
            String operator = comparison.group(1);
            if (operator == null || operator.equals("=")) {
                return column.name() + " BETWEEN DATE('" + year + "-01-01') AND DATE('" + year + "-12-31')";
            }
            return switch (operator) {
                case "<", ">=" -> column.name() + " " + operator + " DATE('" + year + "-01-01')";
                case ">", "<=" -> column.name() + " " + operator + " DATE('" + year + "-12-31')";
                default -> column.name() + " NOT BETWEEN DATE('" + year + "-01-01') AND DATE('" + year + "-12-31')";
            };
        }
        return compared(column, raw, v -> "DATE('" + date(v, column) + "')");
    }

    private static String date(String raw, Column column) {
        String text = raw.strip();
        Matcher french = FRENCH_DATE.matcher(text);
        if (french.matches()) {
            text = french.group(3) + "-" + pad(french.group(2)) + "-" + pad(french.group(1));
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("« " + raw + " » n'est pas une date (« " + column.title()
                    + " ») : écrivez par exemple 2024, 15/03/2024, > 2024-01-01 ou 2024-01-01..2024-06-30.");
        }
    }

    private static String pad(String part) {
        return part.length() == 1 ? "0" + part : part;
    }
}
