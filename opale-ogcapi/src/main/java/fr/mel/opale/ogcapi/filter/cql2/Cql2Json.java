package fr.mel.opale.ogcapi.filter.cql2;

import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.geo.geojson.GeoJsonGeometryReader;
import fr.mel.opale.ogcapi.OgcApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CQL2 JSON ({@code {"op": "=", "args": [{"property": "commune"}, "Lille"]}}) → {@link Filter}, the same AST as
 * {@link Cql2Text}. Malformed JSON is a 400 naming its line and column; a well-formed document that is not CQL2 is a
 * 400 naming the JSON path of the culprit.
 */
public final class Cql2Json {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cql2Json() {
    }

    public static Filter parse(String text, UnaryOperator<Geometry> toStorage) {
        Cql2Limits.check(text, Cql2Text.MAX_LENGTH, Cql2Text.MAX_DEPTH);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw OgcApiProblem.invalidFilter("JSON invalide" + (at == null ? "" : " ligne " + at.getLineNr()
                    + ", colonne " + at.getColumnNr()) + " : " + e.getOriginalMessage() + ".");
        }
        if (root == null || root.isMissingNode()) {
            throw OgcApiProblem.invalidFilter("Filtre CQL2 JSON vide.");
        }
        return new Reader(toStorage).filter(root, "$");
    }

    private static final class Reader {
        private final UnaryOperator<Geometry> toStorage;
        private final GeometryFactory geometries = new GeometryFactory();

        Reader(UnaryOperator<Geometry> toStorage) {
            this.toStorage = toStorage;
        }

        Filter filter(JsonNode node, String path) {
            if (node.isBoolean()) {
                return new Filter.Constant(node.booleanValue());
            }
            String op = op(node, path);
            List<JsonNode> args = args(node, path);
            switch (op) {
                case "and", "or" -> {
                    atLeast(args, 2, op, path);
                    List<Filter> operands = new ArrayList<>();
                    for (int i = 0; i < args.size(); i++) {
                        operands.add(filter(args.get(i), path + ".args[" + i + "]"));
                    }
                    return op.equals("and") ? new Filter.And(operands) : new Filter.Or(operands);
                }
                case "not" -> {
                    exactly(args, 1, op, path);
                    return new Filter.Not(filter(args.get(0), path + ".args[0]"));
                }
                case "=", "<>", "<", "<=", ">", ">=" -> {
                    exactly(args, 2, op, path);
                    Filter.ComparisonOperator operator = switch (op) {
                        case "=" -> Filter.ComparisonOperator.EQ;
                        case "<>" -> Filter.ComparisonOperator.NE;
                        case "<" -> Filter.ComparisonOperator.LT;
                        case "<=" -> Filter.ComparisonOperator.LE;
                        case ">" -> Filter.ComparisonOperator.GT;
                        default -> Filter.ComparisonOperator.GE;
                    };
                    return new Filter.Comparison(operand(args.get(0), path + ".args[0]"), operator,
                            operand(args.get(1), path + ".args[1]"));
                }
                case "like" -> {
                    exactly(args, 2, op, path);
                    return new Filter.Like(operand(args.get(0), path + ".args[0]"), operand(args.get(1), path + ".args[1]"));
                }
                case "between" -> {
                    exactly(args, 3, op, path);
                    return new Filter.Between(operand(args.get(0), path + ".args[0]"),
                            operand(args.get(1), path + ".args[1]"), operand(args.get(2), path + ".args[2]"));
                }
                case "in" -> {
                    exactly(args, 2, op, path);
                    if (!args.get(1).isArray()) {
                        throw invalid(path + ".args[1]", "une liste de valeurs est attendue");
                    }
                    List<Operand> list = new ArrayList<>();
                    for (int i = 0; i < args.get(1).size(); i++) {
                        list.add(operand(args.get(1).get(i), path + ".args[1][" + i + "]"));
                    }
                    return new Filter.In(operand(args.get(0), path + ".args[0]"), list);
                }
                case "isnull" -> {
                    exactly(args, 1, op, path);
                    return new Filter.IsNull(operand(args.get(0), path + ".args[0]"));
                }
                default -> {
                    if (op.startsWith("s_")) {
                        exactly(args, 2, op, path);
                        return new Filter.Spatial(Filter.SpatialOperator.valueOf(known(op, path,
                                Filter.SpatialOperator.values())), operand(args.get(0), path + ".args[0]"),
                                operand(args.get(1), path + ".args[1]"));
                    }
                    if (op.startsWith("t_")) {
                        exactly(args, 2, op, path);
                        return new Filter.Temporal(Filter.TemporalOperator.valueOf(known(op, path,
                                Filter.TemporalOperator.values())), operand(args.get(0), path + ".args[0]"),
                                operand(args.get(1), path + ".args[1]"));
                    }
                    throw invalid(path + ".op", "opérateur inconnu « " + abbreviate(op) + " »");
                }
            }
        }

        private static String known(String op, String path, Enum<?>[] values) {
            String name = op.substring(2).toUpperCase(Locale.ROOT);
            for (Enum<?> value : values) {
                if (value.name().equals(name)) {
                    return name;
                }
            }
            throw invalid(path + ".op", "opérateur inconnu « " + abbreviate(op) + " »");
        }

        private static String op(JsonNode node, String path) {
            JsonNode op = node.isObject() ? node.get("op") : null;
            if (op == null || !op.isString()) {
                throw invalid(path, "une expression {\"op\": ..., \"args\": [...]} ou true/false est attendue");
            }
            return op.stringValue().toLowerCase(Locale.ROOT);
        }

        private static List<JsonNode> args(JsonNode node, String path) {
            JsonNode args = node.get("args");
            if (args == null || !args.isArray()) {
                throw invalid(path + ".args", "une liste d'arguments est attendue");
            }
            List<JsonNode> list = new ArrayList<>();
            args.forEach(list::add);
            return list;
        }

        private static void exactly(List<JsonNode> args, int count, String op, String path) {
            if (args.size() != count) {
                throw invalid(path + ".args", "« " + op + " » attend " + count + " argument(s), reçu " + args.size());
            }
        }

        private static void atLeast(List<JsonNode> args, int count, String op, String path) {
            if (args.size() < count) {
                throw invalid(path + ".args", "« " + op + " » attend au moins " + count + " arguments");
            }
        }

        private Operand operand(JsonNode node, String path) {
            if (node.isString()) {
                return new Operand.Literal(node.stringValue());
            }
            if (node.isNumber()) {
                return Operand.Literal.number(node.decimalValue());
            }
            if (node.isBoolean()) {
                return new Operand.Literal(node.booleanValue());
            }
            if (!node.isObject()) {
                throw invalid(path, "valeur non prise en charge");
            }
            if (node.has("property")) {
                return new Operand.Property(string(node.get("property"), path + ".property"));
            }
            if (node.has("date")) {
                return new Operand.Literal(date(string(node.get("date"), path + ".date"), path + ".date"));
            }
            if (node.has("timestamp")) {
                return new Operand.Literal(timestamp(string(node.get("timestamp"), path + ".timestamp"),
                        path + ".timestamp"));
            }
            if (node.has("interval")) {
                JsonNode interval = node.get("interval");
                if (!interval.isArray() || interval.size() != 2) {
                    throw invalid(path + ".interval", "un intervalle est une liste de deux instants");
                }
                return new Operand.Interval(bound(interval.get(0), path + ".interval[0]"),
                        bound(interval.get(1), path + ".interval[1]"));
            }
            if (node.has("bbox")) {
                JsonNode box = node.get("bbox");
                if (!box.isArray() || (box.size() != 4 && box.size() != 6)) {
                    throw invalid(path + ".bbox", "4 ou 6 nombres attendus");
                }
                int half = box.size() / 2;
                return geometryLiteral(BboxLiteral.geometry(number(box.get(0), path), number(box.get(1), path),
                        number(box.get(half), path), number(box.get(half + 1), path), geometries), path);
            }
            if (node.has("type") && (node.has("coordinates") || node.has("geometries"))) {
                return geometryLiteral(geoJson(node, path), path);
            }
            if (node.has("op")) {
                String op = op(node, path);
                List<JsonNode> args = args(node, path);
                if (op.equals("casei") || op.equals("accenti")) {
                    exactly(args, 1, op, path);
                    Operand inner = operand(args.get(0), path + ".args[0]");
                    return op.equals("casei") ? new Operand.CaseInsensitive(inner) : new Operand.AccentInsensitive(inner);
                }
                throw invalid(path, "« " + abbreviate(op) + " » n'est pas une valeur (seuls casei et accenti le sont)");
            }
            throw invalid(path, "valeur non reconnue");
        }

        private Operand geometryLiteral(Geometry geometry, String path) {
            if (!geometry.isValid() && geometry.getDimension() == 2) {
                throw invalid(path, "polygone invalide (auto-intersection ou anneau non fermé)");
            }
            return new Operand.GeometryLiteral(toStorage.apply(geometry));
        }

        private @Nullable Object bound(JsonNode node, String path) {
            if (node.isString()) {
                String text = node.stringValue();
                if (text.equals("..")) {
                    return null;
                }
                return text.length() <= 10 ? date(text, path) : timestamp(text, path);
            }
            Operand operand = operand(node, path);
            if (operand instanceof Operand.Literal literal) {
                return literal.value();
            }
            if (operand instanceof Operand.Property property) {
                return property;
            }
            throw invalid(path, "une borne d'intervalle est un instant, « .. » ou une propriété");
        }

        private static String string(JsonNode node, String path) {
            if (!node.isString()) {
                throw invalid(path, "texte attendu");
            }
            return node.stringValue();
        }

        private static double number(JsonNode node, String path) {
            if (!node.isNumber()) {
                throw invalid(path, "nombre attendu");
            }
            return node.doubleValue();
        }

        private static LocalDate date(String text, String path) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid(path, "« " + abbreviate(text) + " » n'est pas une date AAAA-MM-JJ");
            }
        }

        private static Instant timestamp(String text, String path) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(path, "« " + abbreviate(text) + " » n'est pas un horodatage AAAA-MM-JJThh:mm:ssZ");
            }
        }

        /** A GeoJSON geometry literal, read by opale-geo; a malformed one is a 400 naming its path. */
        private Geometry geoJson(JsonNode node, String path) {
            try {
                return GeoJsonGeometryReader.read(node, geometries);
            } catch (IllegalArgumentException e) {
                throw invalid(path, "géométrie GeoJSON invalide (" + e.getMessage() + ")");
            }
        }
    }

    static OgcApiProblem invalid(String path, String detail) {
        return OgcApiProblem.invalidFilter("Filtre CQL2 JSON invalide en " + path + " : " + detail + ".");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
