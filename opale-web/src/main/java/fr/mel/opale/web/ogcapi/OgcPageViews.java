package fr.mel.opale.web.ogcapi;

import fr.mel.opale.ogcapi.core.HtmlPages;
import fr.mel.opale.web.layout.PageContext;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the OGC API templates derive from the view models: addresses (taken from the API's own links, so they carry
 * the API's base), the download labels, the extent as text. Stateless.
 */
public final class OgcPageViews {
    static final String HTML = "text/html";
    /** The formats of opale-ogcapi's downloads that have a label of their own ({@code ogc.format.*}). */
    private static final Set<String> FORMATS = Set.of("geojson", "csv", "csv-excel", "xlsx", "gpkg", "shp");

    private OgcPageViews() {
    }

    /** The collection's HTML page. */
    public static String page(HtmlPages.Collection collection) {
        return href(collection.links(), "alternate", HTML, base(collection) + "?f=html");
    }

    /** The first page of items, as HTML. */
    public static String itemsPage(HtmlPages.Collection collection) {
        return href(collection.links(), "items", HTML, base(collection) + "/items?f=html");
    }

    public static String itemsGeoJson(HtmlPages.Collection collection) {
        return href(collection.links(), "items", "application/geo+json", base(collection) + "/items?f=json");
    }

    public static String json(HtmlPages.Collection collection) {
        return href(collection.links(), "self", "application/json", base(collection) + "?f=json");
    }

    public static String itemPage(HtmlPages.Collection collection, long fid) {
        return base(collection) + "/items/" + fid + "?f=html";
    }

    /**
     * A paging link of the HTML page, with {@code f=html}: the API's links keep the request's parameters, and a page
     * reached through {@code Accept} has no {@code f}, so a copied link would give GeoJSON.
     */
    public static String asHtml(HtmlPages.Link link) {
        return UriComponentsBuilder.fromUriString(link.href()).replaceQueryParam("f", "html").build(true)
                .toUriString();
    }

    /** The vector tiles' URL template for MapLibre ({z}/{y}/{x}), or null when the collection has none. */
    public static @Nullable String tiles(HtmlPages.Collection collection) {
        return collection.tiles() ? base(collection) + "/tiles/WebMercatorQuad/{z}/{y}/{x}" : null;
    }

    /** The bbox as the map script reads it: "west,south,east,north". */
    public static @Nullable String bbox(@Nullable List<Double> bbox) {
        return bbox == null ? null : bbox.get(0) + "," + bbox.get(1) + "," + bbox.get(2) + "," + bbox.get(3);
    }

    /** "ouest 3,001, sud 50,6, est 3,25, nord 50,6" in the page's language. */
    public static String extent(PageContext page, List<Double> bbox) {
        return page.t("ogc.extent.value", round(bbox.get(0)), round(bbox.get(1)), round(bbox.get(2)),
                round(bbox.get(3)));
    }

    /** "CSV pour Excel": the format's label, or the link's own title for a format we do not know yet. */
    public static String downloadLabel(PageContext page, HtmlPages.Link link) {
        String format = UriComponentsBuilder.fromUriString(link.href()).build().getQueryParams().getFirst("format");
        return format != null && FORMATS.contains(format) ? page.t("ogc.download.format." + format) : link.title();
    }

    /** The short name of a CRS URI, e.g. "EPSG:2154" or "CRS84". */
    public static String crs(String uri) {
        int slash = uri.lastIndexOf('/');
        String code = uri.substring(slash + 1);
        return uri.contains("/EPSG/") ? "EPSG:" + code : code;
    }

    /** The API's address of the collection, without query: its links all start with it. */
    private static String base(HtmlPages.Collection collection) {
        String self = href(collection.links(), "self", "application/json", "/ogcapi/collections/" + collection.id());
        int query = self.indexOf('?');
        return query < 0 ? self : self.substring(0, query);
    }

    private static String href(List<HtmlPages.Link> links, String rel, String type, String otherwise) {
        return links.stream().filter(l -> l.rel().equals(rel) && l.type().equals(type)).map(HtmlPages.Link::href)
                .findFirst().orElse(otherwise);
    }

    private static double round(double value) {
        return Math.round(value * 100_000) / 100_000.0;
    }
}
