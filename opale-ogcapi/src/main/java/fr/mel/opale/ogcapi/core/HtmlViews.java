package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link HtmlPages} view models from what the JSON encodings write, so that both encodings show the same
 * links: a collection's description map (its {@code links} with enclosures, tiles and queryables) and a page's links.
 */
final class HtmlViews {
    static final String REL_ENCLOSURE = "enclosure";
    static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    private HtmlViews() {
    }

    static List<HtmlPages.Link> links(List<Map<String, Object>> links) {
        return links.stream().map(HtmlPages.Link::of).toList();
    }

    /** {@code description} is the map {@code /collections/{id}} writes for {@code collection}. */
    @SuppressWarnings("unchecked")
    static HtmlPages.Collection collection(OgcCollection collection, Map<String, Object> description) {
        List<HtmlPages.Link> links = links((List<Map<String, Object>>) description.get("links"));
        Bbox bbox = collection.version().bbox();
        return new HtmlPages.Collection(collection.id(), collection.title(), collection.description(),
                collection.geographic(), collection.version().rowCount(),
                bbox == null ? null : List.of(bbox.west(), bbox.south(), bbox.east(), bbox.north()),
                (List<String>) description.get("crs"), collection.dataset().recordId(),
                links.stream().anyMatch(l -> l.rel().equals(REL_TILESETS_VECTOR)),
                links.stream().filter(l -> l.rel().equals(REL_QUERYABLES)).findFirst().orElse(null),
                links.stream().filter(l -> l.rel().equals(REL_ENCLOSURE)).toList(), links);
    }

    /** The cells of a feature, in {@code columns} order; null values are empty texts. */
    static HtmlPages.Row row(Feature feature, List<String> columns) {
        List<String> cells = new ArrayList<>(columns.size());
        columns.forEach(name -> cells.add(text(feature.properties().get(name))));
        return new HtmlPages.Row(feature.fid(), cells);
    }

    static List<HtmlPages.Property> properties(Feature feature) {
        List<HtmlPages.Property> properties = new ArrayList<>();
        feature.properties().forEach((name, value) -> properties.add(new HtmlPages.Property(name, text(value))));
        return properties;
    }

    static HtmlPages.@Nullable Link withRel(List<HtmlPages.Link> links, String rel) {
        return links.stream().filter(l -> l.rel().equals(rel)).findFirst().orElse(null);
    }

    private static String text(@Nullable Object value) {
        if (value instanceof java.math.BigDecimal number) {
            return number.toPlainString(); // as in the JSON: never an exponent
        }
        return value == null ? "" : value.toString();
    }
}
