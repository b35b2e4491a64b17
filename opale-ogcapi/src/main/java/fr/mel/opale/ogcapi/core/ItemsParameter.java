package fr.mel.opale.ogcapi.core;

import java.util.Map;

/**
 * One query parameter of {@code /collections/{id}/items}, contributed by a {@link BuildingBlock}: it validates its
 * raw value (a 400 naming itself otherwise), clamps it when the standard says so, applies it to the request being
 * built, and describes itself for the OpenAPI document.
 */
public interface ItemsParameter {
    String name();

    /** Reads the raw value (present, possibly empty) into {@code request}. */
    void apply(String raw, ItemsRequest request);

    /** The OpenAPI 3.0 parameter object (name, in, description, schema...). */
    Map<String, Object> openApi(OgcCollection collection);

    /** Parameters with a lower rank apply first (the CRS of a bbox before the bbox). */
    default int rank() {
        return 0;
    }

    /** Whether the single-feature endpoint ({@code items/{fid}}) takes it too. */
    default boolean forSingleFeature() {
        return false;
    }

    /** A query parameter object with a schema. */
    static Map<String, Object> describe(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "query", "required", false, "description", description,
                "schema", schema, "style", "form", "explode", false);
    }
}
