package fr.mel.opale.ogcapi.filter;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.core.Abbreviation;
import fr.mel.opale.ogcapi.core.BuildingBlock;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.ItemsRequest;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.crs.CrsBuildingBlock;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import fr.mel.opale.ogcapi.filter.cql2.Cql2Json;
import fr.mel.opale.ogcapi.filter.cql2.Cql2Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * OGC API – Features Part 3 and CQL2: queryables (every column, plus {@code geometry}), {@code filter} in CQL2 text
 * or JSON ({@code filter-lang}) with geometries in {@code filter-crs}, and one query parameter per queryable
 * ({@code ?commune=Lille}, typed by the column). The CQL2 classes listed are exactly those the contract tests cover.
 * Off with {@code opale.ogcapi.filter=false}.
 */
@Component
@ConditionalOnProperty(name = "opale.ogcapi.filter", havingValue = "true", matchIfMissing = true)
public class FilterBuildingBlock implements BuildingBlock {
    /** Standard parameter names: a column with one of these names is filtered with {@code filter} only. */
    private static final Set<String> RESERVED = Set.of("f", "limit", "offset", "cursor", "bbox", "bbox-crs", "crs",
            "datetime", "properties", "sortby", "filter", "filter-lang", "filter-crs");

    @Override
    public List<String> conformanceClasses() {
        return List.of(
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
                "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
                "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions");
    }

    @Override
    public List<ItemsParameter> itemsParameters(OgcCollection collection) {
        List<ItemsParameter> parameters = new ArrayList<>(List.of(new FilterParameter(), new FilterLanguageParameter(),
                new CrsBuildingBlock.CrsParameter("filter-crs", "Système de coordonnées des géométries du filtre.") {
                    @Override
                    protected void set(ItemsRequest request, SupportedCrs crs) {
                        request.filterCrs(crs);
                    }
                }));
        for (Column column : collection.version().columns()) {
            if (!RESERVED.contains(column.name())) {
                parameters.add(new AttributeParameter(column));
            }
        }
        return parameters;
    }

    /** The JSON Schema of a collection's queryables ({@code /collections/{id}/queryables}). */
    public static Map<String, Object> queryables(OgcCollection collection, String selfUrl) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (collection.geographic()) {
            properties.put(Operand.GEOMETRY, Map.of("title", "Géométrie", "x-ogc-role", "primary-geometry",
                    "format", "geometry-" + switch (collection.version().geometry().kind()) {
                        case POINT -> "point";
                        case LINESTRING -> "linestring";
                        case POLYGON -> "polygon";
                        case MULTIPOINT -> "multipoint";
                        case MULTILINESTRING -> "multilinestring";
                        case MULTIPOLYGON -> "multipolygon";
                        default -> "any";
                    }));
        }
        for (Column column : collection.version().columns()) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("title", column.title());
            switch (column.type()) {
                case INTEGER -> schema.put("type", "integer");
                case DECIMAL -> schema.put("type", "number");
                case BOOLEAN -> schema.put("type", "boolean");
                case DATE -> {
                    schema.put("type", "string");
                    schema.put("format", "date");
                }
                case TIMESTAMP -> {
                    schema.put("type", "string");
                    schema.put("format", "date-time");
                }
                case TEXT -> schema.put("type", "string");
            }
            if (column.name().equals(collection.temporalProperty())) {
                schema.put("x-ogc-role", "primary-instant");
            }
            properties.put(column.name(), schema);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$id", selfUrl);
        document.put("type", "object");
        document.put("title", collection.title());
        document.put("properties", properties);
        document.put("additionalProperties", false);
        return document;
    }

    /** {@code filter}: CQL2 in the language {@code filter-lang} names. */
    static final class FilterParameter implements ItemsParameter {
        @Override
        public String name() {
            return "filter";
        }

        @Override
        public void apply(String raw, ItemsRequest request) {
            if (raw.isBlank()) {
                return;
            }
            SupportedCrs crs = request.filterCrs();
            Filter filter = request.filterLanguage().equals("cql2-json")
                    ? Cql2Json.parse(raw, crs::toStorage) : Cql2Text.parse(raw, crs::toStorage);
            request.addFilter(filter);
        }

        @Override
        public Map<String, Object> openApi(OgcCollection collection) {
            return ItemsParameter.describe(name(), "Filtre CQL2 (texte ou JSON selon filter-lang) sur les "
                    + "propriétés interrogeables.", Map.of("type", "string"));
        }
    }

    /** {@code filter-lang}: {@code cql2-text} (default) or {@code cql2-json}. */
    static final class FilterLanguageParameter implements ItemsParameter {
        @Override
        public String name() {
            return "filter-lang";
        }

        @Override
        public void apply(String raw, ItemsRequest request) {
            String value = raw.strip();
            if (!value.equals("cql2-text") && !value.equals("cql2-json")) {
                throw OgcApiProblem.badParameter(name(), "« cql2-text » ou « cql2-json » attendu (reçu « "
                        + Abbreviation.of(value) + " »).");
            }
            request.filterLanguage(value);
        }

        @Override
        public int rank() {
            return -5;
        }

        @Override
        public Map<String, Object> openApi(OgcCollection collection) {
            return ItemsParameter.describe(name(), "Langage du filtre.",
                    Map.of("type", "string", "enum", List.of("cql2-text", "cql2-json"), "default", "cql2-text"));
        }
    }

    /** {@code ?<queryable>=<value>}: equality on one property, the value read as the column's type. */
    static final class AttributeParameter implements ItemsParameter {
        private final Column column;

        AttributeParameter(Column column) {
            this.column = column;
        }

        @Override
        public String name() {
            return column.name();
        }

        @Override
        public void apply(String raw, ItemsRequest request) {
            Object value;
            String text = raw.strip();
            try {
                value = switch (column.type()) {
                    case INTEGER, DECIMAL -> Operand.Literal.number(new BigDecimal(text)).value();
                    case BOOLEAN -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> throw new IllegalArgumentException();
                    };
                    case DATE -> LocalDate.parse(text);
                    case TIMESTAMP -> OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
                    case TEXT -> raw;
                };
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw OgcApiProblem.badParameter(name(), "« " + Abbreviation.of(raw) + " » n'est pas "
                        + typeName(column.type()) + ".");
            }
            request.addFilter(new Filter.Comparison(new Operand.Property(column.name()),
                    Filter.ComparisonOperator.EQ, new Operand.Literal(value)));
        }

        private static String typeName(ColumnType type) {
            return switch (type) {
                case INTEGER -> "un entier";
                case DECIMAL -> "un nombre";
                case BOOLEAN -> "true ou false";
                case DATE -> "une date AAAA-MM-JJ";
                case TIMESTAMP -> "un horodatage AAAA-MM-JJThh:mm:ssZ";
                case TEXT -> "un texte";
            };
        }

        @Override
        public Map<String, Object> openApi(OgcCollection collection) {
            Map<String, Object> schema = switch (column.type()) {
                case INTEGER -> Map.of("type", "integer");
                case DECIMAL -> Map.of("type", "number");
                case BOOLEAN -> Map.of("type", "boolean");
                case DATE -> Map.of("type", "string", "format", "date");
                case TIMESTAMP -> Map.of("type", "string", "format", "date-time");
                case TEXT -> Map.of("type", "string");
            };
            return ItemsParameter.describe(name(), "Égalité sur la propriété « " + column.title() + " ».", schema);
        }
    }
}
