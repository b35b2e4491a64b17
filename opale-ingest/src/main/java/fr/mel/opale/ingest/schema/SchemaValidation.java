package fr.mel.opale.ingest.schema;

import fr.mel.opale.ingest.internal.LongHashSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Validates one table, header then rows, against a {@link TableSchema}, streaming: memory grows only with the
 * unique and primary-key columns (8 bytes a row each, hashes). Fields are matched to columns by label (as
 * validata's "schema sync" does), so a reordered file is fine; a field without a column is {@code missing-label},
 * a column without a field {@code extra-label}.
 *
 * <p>Cells are validated as written in the file (text), as frictionless does: a reader's type inference never
 * hides a bad value. Not thread-safe: one table, one thread.
 */
public final class SchemaValidation {
    /** Errors kept in detail; beyond, only counted. */
    public static final int MAX_DETAILED_ERRORS = 1000;

    private final TableSchema schema;
    private final List<FieldRules> rules = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<SchemaError> errors = new ArrayList<>();
    private long errorCount;
    private long rows;
    /** For each schema field, the column of the file holding it (-1 when missing). */
    private int[] columnOf;
    private final Map<Integer, LongHashSet> uniques = new HashMap<>();
    private @Nullable LongHashSet keys;
    private int[] keyFields = new int[0];

    SchemaValidation(TableSchema schema) {
        this.schema = schema;
        for (int i = 0; i < schema.fields().size(); i++) {
            rules.add(FieldRules.of(schema.fields().get(i), schema.constraints().get(i)));
        }
    }

    /**
     * The file's column labels, in file order; must come before the rows.
     *
     * @param headerRow the header's row number (1 for a CSV with a header), or null when the file has none
     */
    public void header(List<String> labels, @Nullable Long headerRow) {
        List<SchemaField> fields = schema.fields();
        columnOf = new int[fields.size()];
        java.util.Arrays.fill(columnOf, -1);
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            String label = clean(labels.get(c));
            if (label.isEmpty()) {
                add(new SchemaError("blank-label", "La colonne n° " + (c + 1) + " n'a pas de nom dans l'en-tête.",
                        headerRow, c + 1, null, null, null));
                continue;
            }
            if (seen.putIfAbsent(label, c) != null) {
                add(new SchemaError("duplicate-label", "La colonne « " + label + " » apparaît deux fois dans l'en-tête "
                        + "(colonnes " + (seen.get(label) + 1) + " et " + (c + 1) + ").", headerRow, c + 1, label,
                        null, null));
                continue;
            }
            int field = indexOfField(label);
            if (field < 0) {
                add(new SchemaError("extra-label", "La colonne « " + label + " » (n° " + (c + 1)
                        + ") n'est pas décrite par le schéma.", headerRow, c + 1, label, null, null));
            } else {
                columnOf[field] = c;
            }
        }
        for (int f = 0; f < fields.size(); f++) {
            if (columnOf[f] < 0) {
                add(new SchemaError("missing-label", "Le champ « " + fields.get(f).name() + " » du schéma (n° " + (f + 1)
                        + ") est absent du fichier.", headerRow, f + 1, fields.get(f).name(), null, null));
            }
        }
        for (int f = 0; f < fields.size(); f++) {
            if (rules.get(f).unique && columnOf[f] >= 0) {
                uniques.put(f, new LongHashSet());
            }
        }
        List<Integer> key = new ArrayList<>();
        for (String name : schema.primaryKey()) {
            key.add(indexOfField(name));
        }
        keyFields = key.stream().mapToInt(Integer::intValue).toArray();
        keys = keyFields.length == 0 ? null : new LongHashSet();
    }

    /**
     * One data row.
     *
     * @param rowNumber the row's number in the file, header included (the first data row of a CSV is 2)
     * @param cells     the cells as written, in file order; null or missing trailing cells are empty
     */
    public void row(long rowNumber, List<@Nullable String> cells) {
        if (columnOf == null) {
            throw new IllegalStateException("header() first");
        }
        rows++;
        boolean blank = true;
        for (String cell : cells) {
            if (cell != null && !cell.isEmpty() && !schema.missingValues().contains(cell)) {
                blank = false;
                break;
            }
        }
        if (blank) {
            add(new SchemaError("blank-row", "La ligne " + rowNumber + " est vide.", rowNumber, null, null, null, null));
            return;
        }
        Object[] values = new Object[rules.size()];
        for (int f = 0; f < rules.size(); f++) {
            int column = columnOf[f];
            if (column < 0) {
                continue;
            }
            FieldRules rule = rules.get(f);
            String cell = column < cells.size() ? cells.get(column) : null;
            String raw = cell == null ? "" : cell;
            List<String> missing = rule.field.missingValues() != null ? rule.field.missingValues()
                    : schema.missingValues();
            if (missing.contains(raw)) {
                if (rule.required || isKey(f)) {
                    constraint(rowNumber, column, rule, "required", raw, "est obligatoire mais vide");
                }
                continue;
            }
            Object value = rule.field.cast(raw);
            if (value == SchemaField.INVALID) {
                add(new SchemaError("type-error", "La valeur « " + cut(raw) + " » de la colonne « " + rule.field.name()
                        + " » (ligne " + rowNumber + ", colonne " + (column + 1) + ") n'est pas du type "
                        + rule.field.describe() + ".", rowNumber, column + 1, rule.field.name(), null, cut(raw)));
                continue;
            }
            values[f] = value;
            rule.check(this, rowNumber, column, raw, value);
            LongHashSet unique = uniques.get(f);
            if (unique != null && !unique.add(LongHashSet.hash(LongHashSet.SEED, canonical(value)))) {
                add(new SchemaError("unique-error", "La valeur « " + cut(raw) + " » de la colonne « " + rule.field.name()
                        + " » (ligne " + rowNumber + ") apparaît déjà plus haut ; elle doit être unique.", rowNumber,
                        column + 1, rule.field.name(), "unique", cut(raw)));
            }
        }
        if (keys != null) {
            long hash = LongHashSet.SEED;
            boolean complete = true;
            for (int f : keyFields) {
                if (f < 0 || values[f] == null) {
                    complete = false;
                    break;
                }
                hash = LongHashSet.hash(hash, canonical(values[f]));
            }
            if (complete && !keys.add(hash)) {
                add(new SchemaError("primary-key", "La ligne " + rowNumber + " répète la clé primaire ("
                        + String.join(", ", schema.primaryKey()) + ") d'une ligne précédente.", rowNumber, null,
                        String.join(",", schema.primaryKey()), null, null));
            }
        }
    }

    public SchemaValidationResult result() {
        return new SchemaValidationResult(rows, errorCount, counts, errors);
    }

    private boolean isKey(int field) {
        for (int k : keyFields) {
            if (k == field) {
                return true;
            }
        }
        return false;
    }

    private int indexOfField(String label) {
        List<SchemaField> fields = schema.fields();
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).name().equals(label)) {
                return f;
            }
        }
        return -1;
    }

    void constraint(long rowNumber, int column, FieldRules rule, String constraint, String raw, String what) {
        add(new SchemaError("constraint-error", "La valeur « " + cut(raw) + " » de la colonne « " + rule.field.name()
                + " » (ligne " + rowNumber + ", colonne " + (column + 1) + ") " + what + ".", rowNumber, column + 1,
                rule.field.name(), constraint, cut(raw)));
    }

    private void add(SchemaError error) {
        errorCount++;
        counts.merge(error.code(), 1L, Long::sum);
        if (errors.size() < MAX_DETAILED_ERRORS) {
            errors.add(error);
        }
    }

    private static String clean(@Nullable String label) {
        return label == null ? "" : label.replace("\uFEFF", "").strip();
    }

    private static String canonical(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    private static String cut(String raw) {
        return raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
    }

    /** A field's constraints, read once in the field's type. */
    static final class FieldRules {
        final SchemaField field;
        final boolean required;
        final boolean unique;
        final @Nullable Integer minLength;
        final @Nullable Integer maxLength;
        final @Nullable Comparable<Object> minimum;
        final @Nullable Comparable<Object> maximum;
        final @Nullable Comparable<Object> exclusiveMinimum;
        final @Nullable Comparable<Object> exclusiveMaximum;
        final @Nullable Pattern pattern;
        final @Nullable String patternText;
        final @Nullable List<Object> enumValues;

        private FieldRules(SchemaField field, JsonNode c) {
            this.field = field;
            required = c.has("required") && c.get("required").asBoolean();
            unique = c.has("unique") && c.get("unique").asBoolean();
            minLength = c.has("minLength") ? c.get("minLength").asInt() : null;
            maxLength = c.has("maxLength") ? c.get("maxLength").asInt() : null;
            minimum = bound(field, c, "minimum");
            maximum = bound(field, c, "maximum");
            exclusiveMinimum = bound(field, c, "exclusiveMinimum");
            exclusiveMaximum = bound(field, c, "exclusiveMaximum");
            if (c.has("pattern")) {
                patternText = c.get("pattern").asString();
                try {
                    pattern = Pattern.compile(patternText);
                } catch (PatternSyntaxException e) {
                    throw new InvalidTableSchema("Le motif (« pattern ») du champ « " + field.name()
                            + " » n'est pas une expression régulière valide : " + patternText, e);
                }
            } else {
                patternText = null;
                pattern = null;
            }
            if (c.has("enum") && c.get("enum").isArray()) {
                List<Object> values = new ArrayList<>();
                c.get("enum").forEach(v -> values.add(field.constraintValue(v, "enum")));
                enumValues = List.copyOf(values);
            } else {
                enumValues = null;
            }
        }

        static FieldRules of(SchemaField field, JsonNode constraints) {
            return new FieldRules(field, constraints);
        }

        @SuppressWarnings("unchecked")
        private static @Nullable Comparable<Object> bound(SchemaField field, JsonNode c, String name) {
            if (!c.has(name)) {
                return null;
            }
            Object value = field.constraintValue(c.get(name), name);
            if (!(value instanceof Comparable<?>)) {
                throw new InvalidTableSchema("La contrainte « " + name + " » ne s'applique pas au champ « "
                        + field.name() + " » de type " + field.type() + ".");
            }
            return (Comparable<Object>) value;
        }

        void check(SchemaValidation v, long row, int column, String raw, Object value) {
            if (pattern != null && !pattern.matcher(raw).matches()) {
                v.constraint(row, column, this, "pattern", raw, "ne respecte pas le motif " + patternText);
            }
            if (enumValues != null && enumValues.stream().noneMatch(e -> same(e, value))) {
                v.constraint(row, column, this, "enum", raw, "n'est pas une des valeurs permises ("
                        + String.join(", ", enumValues.stream().map(Object::toString).toList()) + ")");
            }
            int length = "array".equals(field.type()) ? arrayLength(value) : raw.length();
            if (minLength != null && length < minLength) {
                v.constraint(row, column, this, "minLength", raw, "est plus courte que " + minLength + " caractères");
            }
            if (maxLength != null && length > maxLength) {
                v.constraint(row, column, this, "maxLength", raw, "dépasse " + maxLength + " caractères");
            }
            if (minimum != null && compare(value, minimum) < 0) {
                v.constraint(row, column, this, "minimum", raw, "est inférieure au minimum " + minimum);
            }
            if (maximum != null && compare(value, maximum) > 0) {
                v.constraint(row, column, this, "maximum", raw, "dépasse le maximum " + maximum);
            }
            if (exclusiveMinimum != null && compare(value, exclusiveMinimum) <= 0) {
                v.constraint(row, column, this, "exclusiveMinimum", raw, "doit être strictement supérieure à "
                        + exclusiveMinimum);
            }
            if (exclusiveMaximum != null && compare(value, exclusiveMaximum) >= 0) {
                v.constraint(row, column, this, "exclusiveMaximum", raw, "doit être strictement inférieure à "
                        + exclusiveMaximum);
            }
        }

        private static boolean same(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            return a.equals(b);
        }

        private static int compare(Object value, Comparable<Object> bound) {
            try {
                return -bound.compareTo(value);
            } catch (ClassCastException | java.time.DateTimeException notComparable) {
                return 0;
            }
        }

        private static int arrayLength(Object value) {
            String text = value.toString();
            return text.equals("[]") ? 0 : text.split(",", -1).length;
        }
    }
}
