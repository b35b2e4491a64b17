package fr.mel.opale.ogcapi.core;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The HTML encoding of the OGC API, as a port: {@link FeaturesController} builds these view models (everything a page
 * shows, already filtered by the access policy) and asks for the page's markup. opale-web provides the site's
 * pages (its layout, labels in the caller's language, a map preview); without it, {@link MinimalHtmlPages} answers.
 *
 * <p>Implementations must escape every text (titles, descriptions and cell values come from datasets). The caller's
 * language is the request's locale ({@code Accept-Language} or the site's language cookie).
 */
public interface HtmlPages {

    String landing(Landing page, HttpServletRequest request);

    String collections(Collections page, HttpServletRequest request);

    String collection(Collection page, HttpServletRequest request);

    String items(Items page, HttpServletRequest request);

    String item(Item page, HttpServletRequest request);

    /** A link as the JSON encodings write it. */
    record Link(String href, String rel, String type, String title) {
        static Link of(Map<String, Object> link) {
            return new Link(String.valueOf(link.get("href")), String.valueOf(link.get("rel")),
                    String.valueOf(link.get("type")), String.valueOf(link.getOrDefault("title", link.get("rel"))));
        }
    }

    record Landing(String title, String description, List<Link> links) {
    }

    record Collections(List<Link> links, List<Collection> collections) {
    }

    /**
     * One collection, as {@code /collections/{id}} describes it.
     *
     * @param rows       the served version's row count
     * @param bbox       west, south, east, north in CRS84; null when the collection has no geometry (or none yet)
     * @param recordId   the catalog record describing the dataset (its page is {@code /catalogue/{recordId}})
     * @param tiles      whether vector tiles exist ({@code /collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}})
     * @param queryables the queryables link, null when the filter block is off
     * @param downloads  the {@code rel: enclosure} links, one per download format
     * @param links      every link of the description (self, alternate, items, enclosures...)
     */
    record Collection(String id, String title, @Nullable String description, boolean geographic, long rows,
                      @Nullable List<Double> bbox, List<String> crs, @Nullable String recordId, boolean tiles,
                      @Nullable Link queryables, List<Link> downloads, List<Link> links) {
    }

    /** A row of the items table: the feature id and one text per column, in {@link Items#columns()} order. */
    record Row(long fid, List<String> cells) {
    }

    /**
     * A page of items.
     *
     * @param columns the property columns shown (the feature id is not one of them)
     * @param next    the next page (HTML), null on the last page
     * @param prev    the previous page (HTML), null on the first page
     * @param geoJson the same page as GeoJSON ({@code f=json}), for a map
     */
    record Items(Collection collection, long numberMatched, long numberReturned, long position, List<String> columns,
                 List<Row> rows, @Nullable Link next, @Nullable Link prev, List<Link> links, String geoJson) {
    }

    /** One property of an item, its value as text (empty for null). */
    record Property(String name, String value) {
    }

    /** One item; {@code geoJson} is its GeoJSON address, {@code geometry} whether it has a geometry. */
    record Item(Collection collection, long fid, List<Property> properties, boolean geometry, List<Link> links,
                String geoJson) {
    }
}
