package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.SearchQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The address of a catalogue search: the whole state of the page is in it (text, every selected facet value, box,
 * order, page size, page), so a result can be bookmarked, shared and reached with the back button.
 *
 * <p>Canonical form, the same for the same search whatever the order of the parameters it was reached with:
 * {@code q}, then the facets in {@link Facet} order with their values in selection order, {@code bbox}, {@code sort}
 * (only when chosen), {@code size} (only when not {@value SearchQuery#DEFAULT_SIZE}) and {@code page} (1-based,
 * only beyond the first). Values are encoded with {@link URLEncoder}, which also escapes {@code +} and {@code &}.
 */
public final class SearchUrls {
    public static final String PATH = "/catalogue";

    private SearchUrls() {
    }

    /** The address of {@code query}, on its page. */
    public static String of(SearchQuery query) {
        return of(PATH, query);
    }

    /**
     * The address of {@code query} on the page at {@code path}: another page that runs the catalogue search within
     * a scope of its own (an organisation's page) and reads the same parameters.
     */
    public static String of(String path, SearchQuery query) {
        StringBuilder url = new StringBuilder(path);
        Separator next = new Separator();
        if (query.text() != null) {
            append(url, next, "q", query.text());
        }
        for (Map.Entry<Facet, Set<String>> filter : query.filters().entrySet()) {
            for (String value : filter.getValue()) {
                append(url, next, filter.getKey().parameter(), value);
            }
        }
        BoundingBox box = query.bbox();
        if (box != null) {
            append(url, next, "bbox", box(box));
        }
        if (query.sort() != null) {
            append(url, next, "sort", query.sort().parameter());
        }
        if (query.size() != SearchQuery.DEFAULT_SIZE) {
            append(url, next, "size", Integer.toString(query.size()));
        }
        if (query.page() > 0) {
            append(url, next, "page", Integer.toString(query.page() + 1));
        }
        return url.toString();
    }

    /** A fresh search filtering on one facet value only: what a card's or a record page's keyword link does. */
    public static String filter(Facet facet, String value) {
        return PATH + "?" + facet.parameter() + "=" + encode(value);
    }

    /** A fresh full-text search for {@code text} as a phrase: for values no facet holds (a contact's organisation). */
    public static String phrase(String text) {
        return PATH + "?q=" + encode("\"" + text.replace("\"", " ").strip() + "\"");
    }

    /** A box as the {@code bbox} parameter writes it: {@code minx,miny,maxx,maxy}. */
    public static String box(BoundingBox box) {
        return number(box.west()) + "," + number(box.south()) + "," + number(box.east()) + "," + number(box.north());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value) : Double.toString(value);
    }

    private static void append(StringBuilder url, Separator separator, String name, String value) {
        url.append(separator.next()).append(name).append('=').append(encode(value));
    }

    /** {@code ?} before the first parameter, {@code &} before the others. */
    private static final class Separator {
        private boolean first = true;

        char next() {
            char c = first ? '?' : '&';
            first = false;
            return c;
        }
    }
}
