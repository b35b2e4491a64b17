package fr.mel.opale.ingest.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One field of a TableSchema and how a cell's text becomes its value (Table Schema spec, "field types"). A cell
 * that does not fit gives {@link #INVALID}; constraints are checked on the value by {@link SchemaValidation}.
 *
 * <p>Values are comparable within a field: {@link BigDecimal} for number and integer (so {@code 2} equals
 * {@code 2.0} in an enum), {@link LocalDate}, {@link LocalTime}, {@link OffsetDateTime} or {@link LocalDateTime},
 * {@link Integer} for year, {@link YearMonth}, {@link Boolean}, {@link String}, and the JSON text of geopoint,
 * geojson, array and object values.
 */
public final class SchemaField {
    /** What {@link #cast} answers for a cell that does not fit the type. */
    public static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "INVALID";
        }
    };

    static final List<String> DEFAULT_TRUE = List.of("true", "True", "TRUE", "1");
    static final List<String> DEFAULT_FALSE = List.of("false", "False", "FALSE", "0");
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "date", "datetime",
            "time", "year", "yearmonth", "duration", "geopoint", "geojson", "array", "object", "any", "list");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern BARE_INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern BARE_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final @Nullable String title;
    private final @Nullable String description;
    private final @Nullable String unit;
    private final String type;
    private final String format;
    private final List<String> trueValues;
    private final List<String> falseValues;
    private final String decimalChar;
    private final String groupChar;
    private final boolean bareNumber;
    private final @Nullable List<String> missingValues;
    private final @Nullable DateTimeFormatter pattern;

    SchemaField(JsonNode node, int position) {
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isString() || nameNode.asString().isBlank()) {
            throw new InvalidTableSchema("Le champ n° " + position + " du schéma n'a pas de nom (« name »).");
        }
        name = nameNode.asString();
        title = text(node, "title");
        description = text(node, "description");
        // not in the Table Schema spec, but written by schema.data.gouv.fr schemas and others that need it
        unit = text(node, "unit");
        String declared = text(node, "type");
        type = declared == null ? "string" : declared;
        if (!TYPES.contains(type)) {
            throw new InvalidTableSchema("Le champ « " + name + " » a un type inconnu : « " + type + " ».");
        }
        String f = text(node, "format");
        format = f == null || f.isBlank() ? "default" : f.startsWith("fmt:") ? f.substring(4) : f;
        trueValues = strings(node.get("trueValues"), DEFAULT_TRUE);
        falseValues = strings(node.get("falseValues"), DEFAULT_FALSE);
        String d = text(node, "decimalChar");
        decimalChar = d == null || d.isEmpty() ? "." : d;
        String g = text(node, "groupChar");
        groupChar = g == null ? "" : g;
        JsonNode bare = node.get("bareNumber");
        bareNumber = bare == null || !bare.isBoolean() || bare.asBoolean();
        JsonNode missing = node.get("missingValues");
        missingValues = missing == null || !missing.isArray() ? null : strings(missing, List.of());
        pattern = switch (type) {
            case "date", "datetime", "time" -> format.contains("%") ? strftime(format, name) : null;
            default -> null;
        };
    }

    public String name() {
        return name;
    }

    /** The field's {@code description}, shown with the dataset's columns; null when absent. */
    public @Nullable String description() {
        return description;
    }

    /** The field's {@code unit} (an extension some schemas use), null when absent. */
    public @Nullable String unit() {
        return unit;
    }

    public @Nullable String title() {
        return title;
    }

    public String type() {
        return type;
    }

    public String format() {
        return format;
    }

    /** The field's own missing values (Table Schema v2), or null to use the schema's. */
    @Nullable List<String> missingValues() {
        return missingValues;
    }

    /** "date (format %d/%m/%Y)" — for messages. */
    String describe() {
        return "default".equals(format) || "any".equals(format) ? type : type + " (format " + format + ")";
    }

    /** The value of a non-missing cell, or {@link #INVALID}. */
    public Object cast(String cell) {
        try {
            Object value = switch (type) {
                case "string" -> string(cell);
                case "integer" -> integer(cell);
                case "number" -> number(cell);
                case "boolean" -> trueValues.contains(cell) ? Boolean.TRUE
                        : falseValues.contains(cell) ? Boolean.FALSE : null;
                case "date" -> temporal(cell, DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from);
                case "time" -> temporal(cell, DateTimeFormatter.ISO_LOCAL_TIME, LocalTime::from);
                case "datetime" -> datetime(cell);
                case "year" -> cell.matches("-?\\d{4}") ? Integer.valueOf(cell) : null;
                case "yearmonth" -> YearMonth.parse(cell);
                case "duration" -> duration(cell);
                case "geopoint" -> geopoint(cell);
                case "geojson", "object" -> json(cell, true);
                case "array" -> json(cell, false);
                case "list" -> cell;
                default -> cell;
            };
            return value == null ? INVALID : value;
        } catch (RuntimeException notThisType) {
            return INVALID;
        }
    }

    /** A constraint's value (a JSON scalar, often a string as in {@code "minimum": "-90"}) in this field's type. */
    Object constraintValue(JsonNode node, String constraint) {
        String text = node.isString() ? node.asString() : node.toString();
        Object value;
        if (("number".equals(type) || "integer".equals(type)) && node.isNumber()) {
            value = node.decimalValue();
        } else if (("number".equals(type) || "integer".equals(type)) && node.isString()) {
            // A string constraint is written the plain way, whatever the field's decimalChar.
            value = lenientNumber(text);
        } else {
            value = cast(text);
        }
        if (value == INVALID || value == null) {
            throw new InvalidTableSchema("La contrainte « " + constraint + " » du champ « " + name + " » ("
                    + text + ") n'est pas une valeur de type " + type + ".");
        }
        return value;
    }

    private static @Nullable Object lenientNumber(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private @Nullable String string(String cell) {
        return switch (format) {
            case "email" -> EMAIL.matcher(cell).matches() ? cell : null;
            case "uri" -> {
                URI uri = URI.create(cell);
                yield uri.getScheme() != null && uri.isAbsolute() ? cell : null;
            }
            case "uuid" -> UUID.matcher(cell).matches() ? cell : null;
            case "binary" -> {
                java.util.Base64.getDecoder().decode(cell);
                yield cell;
            }
            default -> cell;
        };
    }

    private @Nullable BigDecimal integer(String cell) {
        String text = bareNumber ? cell : strip(cell);
        if (!groupChar.isEmpty()) {
            text = text.replace(groupChar, "");
        }
        return BARE_INTEGER.matcher(text).matches() ? new BigDecimal(new BigInteger(text)) : null;
    }

    private @Nullable Object number(String cell) {
        String text = bareNumber ? cell : strip(cell);
        if (text.equals("NaN") || text.equals("INF") || text.equals("-INF")) {
            return text;
        }
        if (!groupChar.isEmpty()) {
            text = text.replace(groupChar, "");
        }
        if (!".".equals(decimalChar)) {
            if (text.contains(".")) {
                return null;
            }
            text = text.replace(decimalChar, ".");
        }
        if (text.endsWith("%") && !bareNumber) {
            text = text.substring(0, text.length() - 1);
        }
        return BARE_NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    /** bareNumber false: currency signs, percent and other text around the number are dropped. */
    private static String strip(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && !Character.isDigit(cell.charAt(start)) && "+-.".indexOf(cell.charAt(start)) < 0) {
            start++;
        }
        while (end > start && !Character.isDigit(cell.charAt(end - 1)) && cell.charAt(end - 1) != '.') {
            end--;
        }
        return cell.substring(start, end);
    }

    private @Nullable Object temporal(String cell, DateTimeFormatter iso,
                                      java.util.function.Function<TemporalAccessor, Object> to) {
        if ("any".equals(format)) {
            for (DateTimeFormatter candidate : List.of(iso, DateTimeFormatter.ofPattern("dd/MM/uuuu"),
                    DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("uuuu/MM/dd"))) {
                try {
                    return to.apply(candidate.parse(cell));
                } catch (java.time.DateTimeException ignored) {
                    // next pattern
                }
            }
            return null;
        }
        return to.apply((pattern == null ? iso : pattern).parse(cell));
    }

    private Object datetime(String cell) {
        if (pattern != null) {
            TemporalAccessor parsed = pattern.parse(cell);
            return parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(parsed)
                    : LocalDateTime.from(parsed);
        }
        // Default: ISO 8601 with an offset or Z (the spec's YYYY-MM-DDThh:mm:ssZ); "any" also takes local times.
        try {
            return OffsetDateTime.parse(cell);
        } catch (DateTimeParseException noOffset) {
            if ("default".equals(format) && !cell.contains("T")) {
                throw noOffset;
            }
            return LocalDateTime.parse(cell.replace(' ', 'T'));
        }
    }

    private static Object duration(String cell) {
        int t = cell.indexOf('T');
        if (t < 0) {
            return Period.parse(cell).toString();
        }
        String datePart = cell.substring(0, t);
        if (!"P".equals(datePart)) {
            Period.parse(datePart);
        }
        Duration.parse("P" + cell.substring(t));
        return cell;
    }

    private @Nullable String geopoint(String cell) {
        double lon;
        double lat;
        switch (format) {
            case "array" -> {
                JsonNode node = JSON.readTree(cell);
                if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
                    return null;
                }
                lon = node.get(0).asDouble();
                lat = node.get(1).asDouble();
            }
            case "object" -> {
                JsonNode node = JSON.readTree(cell);
                if (!node.isObject() || node.get("lon") == null || node.get("lat") == null) {
                    return null;
                }
                lon = node.get("lon").asDouble();
                lat = node.get("lat").asDouble();
            }
            default -> {
                String[] parts = cell.split(",");
                if (parts.length != 2) {
                    return null;
                }
                lon = Double.parseDouble(parts[0].strip());
                lat = Double.parseDouble(parts[1].strip());
            }
        }
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 ? lon + "," + lat : null;
    }

    private @Nullable String json(String cell, boolean object) {
        JsonNode node;
        try {
            node = JSON.readTree(cell);
        } catch (JacksonException e) {
            return null;
        }
        if (object ? !node.isObject() : !node.isArray()) {
            return null;
        }
        if ("geojson".equals(type) && !"topojson".equals(format) && (node.get("type") == null
                || !node.get("type").isString())) {
            return null;
        }
        return node.toString();
    }

    /**
     * A strftime pattern ({@code %d/%m/%Y}, {@code %Y-%m-%dT%H:%M:%S%z}) as a strict {@link DateTimeFormatter}.
     * Literal letters are quoted; an unsupported directive makes the schema unusable rather than silently lenient.
     */
    static DateTimeFormatter strftime(String format, String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                if (Character.isLetter(c) || c == '\'') {
                    out.append('\'').append(c == '\'' ? "''" : String.valueOf(c)).append('\'');
                } else {
                    out.append(c);
                }
                continue;
            }
            char d = format.charAt(++i);
            out.append(switch (d) {
                case 'Y' -> "uuuu";
                case 'y' -> "uu";
                case 'm' -> "MM";
                case 'd' -> "dd";
                case 'e' -> "d";
                case 'H' -> "HH";
                case 'I' -> "hh";
                case 'M' -> "mm";
                case 'S' -> "ss";
                case 'f' -> "SSSSSS";
                case 'p' -> "a";
                case 'z' -> "xx";
                case 'Z' -> "zzz";
                case 'b' -> "MMM";
                case 'B' -> "MMMM";
                case 'a' -> "EEE";
                case 'A' -> "EEEE";
                case 'j' -> "DDD";
                case '%' -> "'%'";
                default -> throw new InvalidTableSchema("Le format « " + format + " » du champ « " + field
                        + " » utilise une directive non prise en charge : %" + d + ".");
            });
        }
        return DateTimeFormatter.ofPattern(out.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static @Nullable String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
    }

    private static List<String> strings(@Nullable JsonNode array, List<String> fallback) {
        if (array == null || !array.isArray()) {
            return fallback;
        }
        List<String> result = new ArrayList<>();
        array.forEach(v -> result.add(v.isString() ? v.asString() : v.toString()));
        return List.copyOf(result);
    }
}
