package fr.mel.opale.ingest.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/), as published on
 * schema.data.gouv.fr: fields with types, formats and constraints, missing values, primary key. Parsed once, then
 * used by any number of {@link SchemaValidation}s. Immutable and thread-safe.
 *
 * <p>No Table Schema library for Java is reachable from our build, hence this implementation of the spec's field
 * types and constraints; foreign keys and custom checks ({@code custom_checks} of validata) are not checked.
 */
public final class TableSchema {
    /** A schema bigger than this is not a table description: refused rather than parsed. */
    public static final int MAX_BYTES = 2 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String json;
    private final @Nullable String title;
    private final List<SchemaField> fields;
    private final List<JsonNode> constraints;
    private final List<String> missingValues;
    private final List<String> primaryKey;

    private TableSchema(String json, JsonNode root) {
        this.json = json;
        JsonNode fieldNodes = root.get("fields");
        if (fieldNodes == null || !fieldNodes.isArray() || fieldNodes.isEmpty()) {
            throw new InvalidTableSchema("Le schéma ne décrit aucun champ (« fields » absent ou vide).");
        }
        List<SchemaField> parsed = new ArrayList<>();
        List<JsonNode> parsedConstraints = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int position = 0;
        for (JsonNode node : fieldNodes) {
            position++;
            if (!node.isObject()) {
                throw new InvalidTableSchema("Le champ n° " + position + " du schéma n'est pas un objet JSON.");
            }
            SchemaField field = new SchemaField(node, position);
            if (!names.add(field.name())) {
                throw new InvalidTableSchema("Le schéma déclare deux fois le champ « " + field.name() + " ».");
            }
            parsed.add(field);
            JsonNode c = node.get("constraints");
            parsedConstraints.add(c != null && c.isObject() ? c : JSON.createObjectNode());
        }
        fields = List.copyOf(parsed);
        constraints = List.copyOf(parsedConstraints);
        JsonNode missing = root.get("missingValues");
        List<String> mv = new ArrayList<>();
        if (missing != null && missing.isArray()) {
            missing.forEach(v -> mv.add(v.isString() ? v.asString() : v.toString()));
        } else {
            mv.add("");
        }
        missingValues = List.copyOf(mv);
        JsonNode pk = root.get("primaryKey");
        List<String> key = new ArrayList<>();
        if (pk != null && pk.isString()) {
            key.add(pk.asString());
        } else if (pk != null && pk.isArray()) {
            pk.forEach(v -> key.add(v.asString()));
        }
        for (String k : key) {
            if (!names.contains(k)) {
                throw new InvalidTableSchema("La clé primaire nomme un champ inconnu : « " + k + " ».");
            }
        }
        primaryKey = List.copyOf(key);
        JsonNode t = root.get("title");
        title = t != null && t.isString() ? t.asString() : null;
        // Fail now, not on the first row, when a constraint cannot be read in its field's type.
        for (int i = 0; i < fields.size(); i++) {
            SchemaValidation.FieldRules.of(fields.get(i), constraints.get(i));
        }
    }

    /**
     * Parses a schema.
     *
     * @throws InvalidTableSchema with a French message when it is not a usable Table Schema
     */
    public static TableSchema parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidTableSchema("Le schéma est vide.");
        }
        if (json.length() > MAX_BYTES) {
            throw new InvalidTableSchema("Le schéma dépasse " + (MAX_BYTES >> 20) + " Mo.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidTableSchema("Le schéma n'est pas du JSON valide : " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTableSchema("Le schéma doit être un objet JSON avec une liste « fields ».");
        }
        return new TableSchema(json, root);
    }

    /** The schema as it was given (stored as is). */
    public String json() {
        return json;
    }

    public @Nullable String title() {
        return title;
    }

    public List<SchemaField> fields() {
        return fields;
    }

    public Optional<SchemaField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    List<JsonNode> constraints() {
        return constraints;
    }

    /** The cells that mean "no value" (default: the empty cell). */
    public List<String> missingValues() {
        return missingValues;
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    /** A new validation of one table against this schema. */
    public SchemaValidation validation() {
        return new SchemaValidation(this);
    }
}
