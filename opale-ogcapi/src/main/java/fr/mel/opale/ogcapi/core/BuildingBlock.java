package fr.mel.opale.ogcapi.core;

import java.util.List;
import java.util.Map;

/**
 * One building block of the OGC API (core, CRS, filtering, sorting...): the conformance classes it implements and
 * the items parameters it brings. {@code /conformance} lists the classes of the blocks present (switched on), never a
 * hand-written list. Blocks are Spring beans, each in its own package.
 */
public interface BuildingBlock {
    List<String> conformanceClasses();

    /** The items parameters for this collection (may depend on its columns, e.g. one per queryable). */
    List<ItemsParameter> itemsParameters(OgcCollection collection);

    /** Links this block adds to a collection's description (e.g. its tilesets); none by default. */
    default List<Map<String, Object>> collectionLinks(OgcCollection collection, String collectionUrl) {
        return List.of();
    }

    /**
     * OpenAPI path items this block adds for a visible collection, by path relative to the API root (e.g.
     * {@code /collections/{id}/download}); {@code itemsParameters} are the collection's items parameters as
     * described for {@code /items}. None by default.
     */
    default Map<String, Object> openApiPaths(OgcCollection collection, List<Map<String, Object>> itemsParameters) {
        return Map.of();
    }

    /**
     * Collections this block serves besides the datasets (the Records catalog), as {@code /collections} lists them;
     * {@code base} is the API's root URL. None by default.
     */
    default List<Map<String, Object>> otherCollections(String base) {
        return List.of();
    }

    /**
     * OpenAPI path items this block adds outside the collections (e.g. {@code /tileMatrixSets}, the catalog's
     * paths); none by default.
     */
    default Map<String, Object> openApiPaths() {
        return Map.of();
    }
}
