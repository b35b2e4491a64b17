package fr.mel.opale.web.admin;

import fr.mel.opale.ingest.job.IngestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The analysis page's form as {@link IngestOptions}. Column fields come in fours per row {@code i}
 * ({@code col.i.label}, {@code col.i.name}, {@code col.i.type}, {@code col.i.skip}) with the values shown
 * ({@code col.i.name0}, {@code col.i.type0}, {@code col.i.skip0}): only what the producer changed becomes an
 * override, merged over the corrections of earlier rounds (hidden {@code options}), so that "analyse again" never
 * undoes what the analysis itself decided (e.g. a geometry column consumed).
 */
final class ImportForm {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportForm() {
    }


    static IngestOptions options(Map<String, String> form) {
        IngestOptions previous = IngestOptions.parse(form.get("options"));
        ObjectNode root = previous.toJson().isEmpty() ? JSON.createObjectNode()
                : (ObjectNode) JSON.readTree(previous.toJson());
        put(root, "encoding", form.get("encoding"));
        put(root, "delimiter", form.get("delimiter"));
        put(root, "layer", form.get("layer"));
        put(root, "crs", form.get("crs"));
        put(root, "title", form.get("title"));
        put(root, "usageCategory", form.get("usageCategory"));
        String schemaUrl = form.get("schemaUrl");
        if (schemaUrl != null && !schemaUrl.isBlank()) {
            root.put("tableSchema", schemaUrl.strip());
        }
        put(root, "onSchemaError", form.get("onSchemaError"));
        ObjectNode columns = root.has("columns") ? (ObjectNode) root.get("columns") : root.putObject("columns");
        for (int i = 0; form.containsKey("col." + i + ".label"); i++) {
            String label = form.get("col." + i + ".label");
            ObjectNode column = columns.has(label) ? (ObjectNode) columns.get(label) : JSON.createObjectNode();
            String name = form.getOrDefault("col." + i + ".name", "");
            if (!name.isBlank() && !name.equals(form.get("col." + i + ".name0"))) {
                column.put("name", name.strip());
            }
            String type = form.getOrDefault("col." + i + ".type", "");
            if (!type.isBlank() && !type.equals(form.get("col." + i + ".type0"))) {
                column.put("type", type);
            }
            boolean skip = form.containsKey("col." + i + ".skip");
            boolean skip0 = "true".equals(form.get("col." + i + ".skip0"));
            if (skip != skip0) {
                column.put("skip", skip);
            }
            if (!column.isEmpty()) {
                columns.set(label, column);
            }
        }
        if (columns.isEmpty()) {
            root.remove("columns");
        }
        String kind = form.getOrDefault("geometry", "auto");
        if (!kind.equals("auto")) {
            ObjectNode geometry = root.putObject("geometry");
            geometry.put("kind", kind);
            List<String> sources = new ArrayList<>();
            for (String key : List.of("geometryX", "geometryY")) {
                String value = form.get(key);
                if (value != null && !value.isBlank()) {
                    sources.add(value);
                }
            }
            if (kind.equals("xy") || !sources.isEmpty()) {
                sources.forEach(geometry.putArray("columns")::add);
            }
            if (!kind.equals("xy") && sources.size() > 1) {
                geometry.remove("columns");
                geometry.putArray("columns").add(sources.get(0));
            }
            put(geometry, "crs", form.get("crs"));
        }
        return IngestOptions.parse(root.toString());
    }

    private static void put(ObjectNode node, String key, @Nullable String value) {
        if (value != null && !value.isBlank() && !value.equals("auto")) {
            node.put(key, value.strip());
        } else if (value != null) {
            node.remove(key);
        }
    }
}
