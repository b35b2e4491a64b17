package fr.mel.opale.ogcapi.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The building blocks switched on (the beans present): their conformance classes and items parameters. */
@Component
public class BuildingBlocks {
    private final List<BuildingBlock> blocks;

    public BuildingBlocks(List<BuildingBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** What {@code /conformance} declares: the union of the blocks' classes, in a stable order. */
    public List<String> conformance() {
        Set<String> classes = new LinkedHashSet<>();
        blocks.stream().flatMap(b -> b.conformanceClasses().stream()).sorted().forEach(classes::add);
        return List.copyOf(classes);
    }

    /** The links the blocks add to a collection's description. */
    public List<Map<String, Object>> collectionLinks(OgcCollection collection, String collectionUrl) {
        List<Map<String, Object>> links = new ArrayList<>();
        blocks.forEach(b -> links.addAll(b.collectionLinks(collection, collectionUrl)));
        return links;
    }

    /** The OpenAPI path items the blocks add for a collection (see {@link BuildingBlock#openApiPaths}). */
    public Map<String, Object> openApiPaths(OgcCollection collection, List<Map<String, Object>> itemsParameters) {
        Map<String, Object> paths = new LinkedHashMap<>();
        blocks.forEach(b -> paths.putAll(b.openApiPaths(collection, itemsParameters)));
        return paths;
    }

    /** The collections the blocks serve besides the datasets' (the Records catalog). */
    public List<Map<String, Object>> otherCollections(String base) {
        List<Map<String, Object>> collections = new ArrayList<>();
        blocks.forEach(b -> collections.addAll(b.otherCollections(base)));
        return collections;
    }

    /** The OpenAPI path items the blocks add outside the collections. */
    public Map<String, Object> openApiPaths() {
        Map<String, Object> paths = new LinkedHashMap<>();
        blocks.forEach(b -> paths.putAll(b.openApiPaths()));
        return paths;
    }

    /** Every items parameter for this collection, in the order they must apply (CRS before what uses it). */
    public List<ItemsParameter> itemsParameters(OgcCollection collection) {
        List<ItemsParameter> parameters = new ArrayList<>();
        blocks.forEach(b -> parameters.addAll(b.itemsParameters(collection)));
        parameters.sort(Comparator.comparingInt(ItemsParameter::rank));
        return parameters;
    }
}
