package fr.mel.opale.ogcapi.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAPI 3.0 objects the building blocks use to describe their own endpoints in {@code /api} (see
 * {@link BuildingBlock#openApiPaths}): a GET operation, responses by media type, path parameters.
 */
public final class OpenApiOperation {
    private OpenApiOperation() {
    }

    /**
     * A path item with one GET operation; the problem responses (400, 404, as {@code application/problem+json})
     * are added to {@code responses}.
     */
    public static Map<String, Object> get(String operationId, String summary, List<Map<String, Object>> parameters,
                                          Map<String, Object> responses) {
        return get(operationId, summary, List.of(), parameters, responses);
    }

    /** The same, grouped under {@code tags} (e.g. {@code Records}) when there are any. */
    public static Map<String, Object> get(String operationId, String summary, List<String> tags,
                                          List<Map<String, Object>> parameters, Map<String, Object> responses) {
        Map<String, Object> all = new LinkedHashMap<>(responses);
        all.putIfAbsent("400", response("Paramètre invalide", "application/problem+json"));
        all.putIfAbsent("404", response("Introuvable", "application/problem+json"));
        Map<String, Object> get = new LinkedHashMap<>();
        get.put("operationId", operationId);
        get.put("summary", summary);
        if (!tags.isEmpty()) {
            get.put("tags", tags);
        }
        get.put("parameters", parameters);
        get.put("responses", all);
        return Map.of("get", get);
    }

    /** A response object whose content may be any of the media types given (none: no content). */
    public static Map<String, Object> response(String description, String... mediaTypes) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        if (mediaTypes.length > 0) {
            Map<String, Object> content = new LinkedHashMap<>();
            for (String type : mediaTypes) {
                content.put(type, Map.of());
            }
            response.put("content", content);
        }
        return response;
    }

    /** A required path parameter ({@code {name}} in the path). */
    public static Map<String, Object> pathParameter(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "path", "required", true, "description", description, "schema", schema);
    }

    /** A safe suffix for operation ids, from a collection id. */
    public static String suffix(OgcCollection collection) {
        return collection.id().replaceAll("[^A-Za-z0-9]", "_");
    }
}
