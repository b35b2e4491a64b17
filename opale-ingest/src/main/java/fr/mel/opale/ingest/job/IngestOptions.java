package fr.mel.opale.ingest.job;

import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.GeometrySource;
import fr.mel.opale.ingest.Overrides;
import fr.mel.opale.ingest.ReadOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the producer tells an import (the {@code options} JSON of {@code POST /api/ingest}, the fields of the
 * analysis page): reading settings imposed instead of detected, corrections of the analysis, and how to publish.
 * Every field is optional.
 *
 * <pre>{@code
 * {"encoding":"windows-1252", "delimiter":";", "header":true, "layer":"zones", "crs":"EPSG:2154",
 *  "columns":{"Nb places":{"name":"places","type":"integer"}, "commentaire":{"skip":true}},
 *  "geometry":{"kind":"xy", "columns":["X","Y"], "crs":"EPSG:2154"},       // or {"kind":"none"}
 *  "title":"Arceaux vélo", "usageCategory":"mobilite",
 *  "tableSchema":"https://schema.data.gouv.fr/.../schema.json",            // or the schema object itself
 *  "onSchemaError":"block",                                                // or "report" (default)
 *  "organisation":"lambersart"}                                            // owner of a new dataset's record
 * }</pre>
 *
 * @param crs             EPSG code of the file's coordinates when it does not say (or says wrong)
 * @param geometry        where the geometry comes from, instead of the guess
 * @param usageCategory   a usage category's slug or concept URI
 * @param tableSchemaUrl  a TableSchema to fetch and attach to the dataset
 * @param tableSchema     a TableSchema given inline (JSON text), attached to the dataset
 * @param organisation    slug of the organisation a new dataset's record belongs to (the importer must edit for it);
 *                        null: the importer's only publishing organisation, else the platform
 */
public record IngestOptions(@Nullable String encoding, @Nullable Character delimiter, @Nullable Character quote,
                            @Nullable Boolean header, @Nullable String layer, @Nullable Integer crs,
                            Map<String, ColumnOption> columns, @Nullable GeometryOption geometry,
                            @Nullable String title, @Nullable String usageCategory, @Nullable String tableSchemaUrl,
                            @Nullable String tableSchema, @Nullable OnSchemaError onSchemaError,
                            @Nullable String organisation) {
    public static final IngestOptions NONE = new IngestOptions(null, null, null, null, null, null, Map.of(), null,
            null, null, null, null, null, null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public IngestOptions {
        columns = Map.copyOf(columns);
    }

    /** One column's correction; null fields keep what the analysis found. */
    public record ColumnOption(@Nullable String name, @Nullable ColumnType type, boolean skip) {
    }

    /**
     * The geometry source.
     *
     * @param kind    null: no geometry at all
     * @param columns X then Y for {@code XY}; the one column for WKT, GeoJSON or "lat,lon" text
     * @param crs     EPSG code of those coordinates; null keeps the detected one
     */
    public record GeometryOption(@Nullable GeometrySource kind, List<String> columns, @Nullable Integer crs) {
        public GeometryOption {
            columns = List.copyOf(columns);
        }
    }

    /** The reading options these options impose (null fields: detect). */
    public ReadOptions readOptions() {
        Overrides overrides = Overrides.NONE;
        for (Map.Entry<String, ColumnOption> e : columns.entrySet()) {
            ColumnOption c = e.getValue();
            overrides = overrides.with(e.getKey(), new Overrides.ColumnOverride(c.name(), c.type(), c.skip()));
        }
        if (geometry != null) {
            overrides = overrides.withGeometry(new Overrides.GeometryOverride(geometry.kind(), geometry.columns(),
                    geometry.crs()));
        }
        return new ReadOptions(encoding, delimiter, quote, header, layer, crs, overrides,
                ReadOptions.DEFAULT.limits());
    }

    public OnSchemaError schemaErrorMode() {
        return onSchemaError == null ? OnSchemaError.REPORT : onSchemaError;
    }

    public boolean hasTableSchema() {
        return tableSchemaUrl != null || tableSchema != null;
    }

    public IngestOptions withTitle(@Nullable String value) {
        return new IngestOptions(encoding, delimiter, quote, header, layer, crs, columns, geometry, value,
                usageCategory, tableSchemaUrl, tableSchema, onSchemaError, organisation);
    }

    public IngestOptions withOrganisation(@Nullable String value) {
        return new IngestOptions(encoding, delimiter, quote, header, layer, crs, columns, geometry, title,
                usageCategory, tableSchemaUrl, tableSchema, onSchemaError, value);
    }

    /**
     * Reads the {@code options} JSON.
     *
     * @throws IllegalArgumentException with a French message naming the faulty option (answered as 400)
     */
    public static IngestOptions parse(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Les options ne sont pas du JSON valide : " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("Les options doivent être un objet JSON.");
        }
        Map<String, ColumnOption> columns = new LinkedHashMap<>();
        JsonNode cols = root.get("columns");
        if (cols != null && !cols.isNull()) {
            if (!cols.isObject()) {
                throw new IllegalArgumentException("« columns » doit être un objet : {\"colonne\": {\"name\":…, "
                        + "\"type\":…, \"skip\":…}}.");
            }
            for (Map.Entry<String, JsonNode> e : cols.properties()) {
                JsonNode c = e.getValue();
                columns.put(e.getKey(), new ColumnOption(text(c, "name"), type(text(c, "type"), e.getKey()),
                        c.has("skip") && c.get("skip").asBoolean()));
            }
        }
        GeometryOption geometry = null;
        JsonNode g = root.get("geometry");
        if (g != null && !g.isNull()) {
            String kind = text(g, "kind");
            List<String> gc = new ArrayList<>();
            if (g.has("columns") && g.get("columns").isArray()) {
                g.get("columns").forEach(v -> gc.add(v.asString()));
            }
            geometry = new GeometryOption(geometryKind(kind), gc, crs(text(g, "crs")));
        }
        JsonNode schema = root.get("tableSchema");
        String schemaUrl = null;
        String schemaJson = null;
        if (schema != null && schema.isString() && !schema.asString().isBlank()) {
            schemaUrl = schema.asString().strip();
        } else if (schema != null && schema.isObject() && schema.has("url") && !schema.has("fields")) {
            schemaUrl = schema.get("url").asString();
        } else if (schema != null && schema.isObject()) {
            schemaJson = schema.toString();
        }
        String mode = text(root, "onSchemaError");
        return new IngestOptions(blankToNull(text(root, "encoding")), character(text(root, "delimiter"), "delimiter"),
                character(text(root, "quote"), "quote"), root.has("header") && !root.get("header").isNull()
                ? root.get("header").asBoolean() : null, blankToNull(text(root, "layer")),
                crs(text(root, "crs")), columns, geometry, blankToNull(text(root, "title")),
                blankToNull(text(root, "usageCategory")), schemaUrl, schemaJson,
                mode == null || mode.isBlank() ? null : OnSchemaError.parse(mode),
                blankToNull(text(root, "organisation")));
    }

    /** These options as the JSON {@link #parse} reads (stored with jobs and schedules). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        if (encoding != null) root.put("encoding", encoding);
        if (delimiter != null) root.put("delimiter", delimiter.toString());
        if (quote != null) root.put("quote", quote.toString());
        if (header != null) root.put("header", header);
        if (layer != null) root.put("layer", layer);
        if (crs != null) root.put("crs", "EPSG:" + crs);
        if (!columns.isEmpty()) {
            ObjectNode cols = root.putObject("columns");
            columns.forEach((key, c) -> {
                ObjectNode o = cols.putObject(key);
                if (c.name() != null) o.put("name", c.name());
                if (c.type() != null) o.put("type", c.type().name().toLowerCase(Locale.ROOT));
                if (c.skip()) o.put("skip", true);
            });
        }
        if (geometry != null) {
            ObjectNode o = root.putObject("geometry");
            o.put("kind", geometry.kind() == null ? "none" : geometry.kind().name().toLowerCase(Locale.ROOT));
            geometry.columns().forEach(o.putArray("columns")::add);
            if (geometry.crs() != null) o.put("crs", "EPSG:" + geometry.crs());
        }
        if (title != null) root.put("title", title);
        if (usageCategory != null) root.put("usageCategory", usageCategory);
        if (tableSchemaUrl != null) root.put("tableSchema", tableSchemaUrl);
        if (tableSchema != null) root.set("tableSchema", JSON.readTree(tableSchema));
        if (onSchemaError != null) root.put("onSchemaError", onSchemaError.code());
        if (organisation != null) root.put("organisation", organisation);
        return root.toString();
    }

    static @Nullable Integer crs(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.startsWith("EPSG:")) {
            v = v.substring(5);
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Système de coordonnées « " + value + " » illisible : écrivez "
                    + "EPSG:2154 ou 2154.");
        }
    }

    static @Nullable ColumnType type(@Nullable String value, String column) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "integer", "entier" -> ColumnType.INTEGER;
            case "decimal", "number", "nombre", "décimal" -> ColumnType.DECIMAL;
            case "boolean", "booléen", "booleen" -> ColumnType.BOOLEAN;
            case "date" -> ColumnType.DATE;
            case "timestamp", "datetime", "horodatage" -> ColumnType.TIMESTAMP;
            case "text", "string", "texte" -> ColumnType.TEXT;
            default -> throw new IllegalArgumentException("Type « " + value + " » inconnu pour la colonne « " + column
                    + " » : integer, decimal, boolean, date, timestamp ou text.");
        };
    }

    static @Nullable GeometrySource geometryKind(@Nullable String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("none") || value.equalsIgnoreCase("aucune")) {
            return null;
        }
        try {
            return GeometrySource.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Géométrie « " + value + " » inconnue : xy, wkt, geojson, "
                    + "lat_lon_text, native ou none.");
        }
    }

    private static @Nullable Character character(@Nullable String value, String option) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (value.length() != 1) {
            throw new IllegalArgumentException("« " + option + " » doit être un seul caractère.");
        }
        return value.charAt(0);
    }

    private static @Nullable String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
