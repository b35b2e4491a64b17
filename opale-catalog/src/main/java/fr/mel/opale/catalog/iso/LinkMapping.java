package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The online resources of a distribution ({@code CI_OnlineResource} under {@code onLine}), with what they give
 * access to ({@link ResourceKind}) and, when obvious, their format. ISO leaves the protocol free text, so the kind
 * is guessed from the protocol, then the function code, then the URL.
 */
final class LinkMapping {
    private static final Pattern OGC_SERVICE = Pattern.compile(
            "ogc:(wms|wfs|wmts|wcs|wps|sos|csw)|esri:rest|\\b(wms|wfs|wmts|wcs)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERVICE_QUERY = Pattern.compile("[?&]service=(wms|wfs|wmts|wcs)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern API = Pattern.compile("ogc ?api|ogcapi|\\brest\\b|\\bapi\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("csv", "CSV"), Map.entry("json", "JSON"), Map.entry("geojson", "GeoJSON"),
            Map.entry("zip", "ZIP"), Map.entry("shp", "ESRI Shapefile"), Map.entry("gpkg", "GeoPackage"),
            Map.entry("xlsx", "XLSX"), Map.entry("xls", "XLS"), Map.entry("ods", "ODS"), Map.entry("kml", "KML"),
            Map.entry("kmz", "KMZ"), Map.entry("gml", "GML"), Map.entry("pdf", "PDF"), Map.entry("tif", "GeoTIFF"),
            Map.entry("tiff", "GeoTIFF"), Map.entry("parquet", "Parquet"), Map.entry("7z", "7Z"));
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("text/csv", "CSV"), Map.entry("application/json", "JSON"),
            Map.entry("application/geo+json", "GeoJSON"), Map.entry("application/vnd.geo+json", "GeoJSON"),
            Map.entry("application/zip", "ZIP"), Map.entry("x-gis/x-shapefile", "ESRI Shapefile"),
            Map.entry("application/geopackage+sqlite3", "GeoPackage"), Map.entry("application/pdf", "PDF"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
            Map.entry("application/vnd.google-earth.kml+xml", "KML"));
    /** Protocols some catalogues fill with a bare format name. */
    private static final Map<String, String> FORMAT_NAMES = Map.of(
            "csv", "CSV", "json", "JSON", "geojson", "GeoJSON", "shapefile", "ESRI Shapefile", "shp",
            "ESRI Shapefile", "zip", "ZIP", "gpkg", "GeoPackage", "geopackage", "GeoPackage", "xlsx", "XLSX");
    /** Extensions of files one downloads as data (a PDF is documentation, not data). */
    private static final List<String> DATA_EXTENSIONS = List.of("zip", "csv", "json", "geojson", "shp", "gpkg",
            "xlsx", "xls", "ods", "kml", "kmz", "gml", "tif", "tiff", "parquet", "7z");

    private LinkMapping() {
    }

    /** Every online resource with a URL under {@code onLine} properties below the distribution, in order. */
    static List<OnlineResource> read(List<Element> distributions) {
        List<OnlineResource> resources = new ArrayList<>();
        for (Element distribution : distributions) {
            for (Element onLine : Dom.descendants(distribution, "onLine")) {
                for (Element resource : Dom.children(onLine, "CI_OnlineResource")) {
                    OnlineResource read = resource(resource);
                    if (read != null) {
                        resources.add(read);
                    }
                }
            }
        }
        return resources;
    }

    private static @Nullable OnlineResource resource(Element resource) {
        String url = Dom.text(resource, "linkage");
        if (url == null) {
            return null;
        }
        String protocol = Dom.text(resource, "protocol");
        String name = Dom.text(resource, "name");
        String description = Dom.text(resource, "description");
        String function = Dom.code(resource, "function");
        return new OnlineResource(url, protocol, name, description, format(protocol, url),
                kind(protocol, function, url, name, description), function);
    }

    static ResourceKind kind(@Nullable String protocol, @Nullable String function, String url,
                             @Nullable String name, @Nullable String description) {
        String p = lower(protocol);
        String f = lower(function);
        String extension = extension(url);
        if (OGC_SERVICE.matcher(p).find() || p.isEmpty() && SERVICE_QUERY.matcher(url).find()) {
            return ResourceKind.SERVICE;
        }
        if (p.contains("download")) {
            return ResourceKind.DOWNLOAD;
        }
        if (API.matcher(p).find()) {
            return ResourceKind.API;
        }
        if (f.equals("download") || f.equals("fileaccess") || DATA_EXTENSIONS.contains(extension)
                || FORMAT_NAMES.containsKey(p)) {
            return ResourceKind.DOWNLOAD;
        }
        if (p.contains("landing") || f.equals("browsing")) {
            return ResourceKind.LANDING_PAGE;
        }
        String words = lower(name) + " " + lower(description);
        if (f.equals("information") || extension.equals("pdf") || words.contains("documentation")) {
            return ResourceKind.DOCUMENTATION;
        }
        return ResourceKind.OTHER;
    }

    /** The format when the protocol names a media type or a format, or the URL ends with a known extension. */
    static @Nullable String format(@Nullable String protocol, String url) {
        String p = lower(protocol);
        int colon = p.lastIndexOf(':');
        if (colon >= 0 && MEDIA_TYPES.containsKey(p.substring(colon + 1))) {
            return MEDIA_TYPES.get(p.substring(colon + 1));
        }
        if (FORMAT_NAMES.containsKey(p)) {
            return FORMAT_NAMES.get(p);
        }
        if (OGC_SERVICE.matcher(p).find() || API.matcher(p).find()) {
            return null;
        }
        return EXTENSIONS.get(extension(url));
    }

    /** The lower-case extension of the URL's last path segment, "" when none. */
    private static String extension(String url) {
        String path = url;
        int end = indexOfAny(path, "?#");
        if (end >= 0) {
            path = path.substring(0, end);
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        int dot = segment.lastIndexOf('.');
        return dot < 0 ? "" : segment.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(String value, String characters) {
        for (int i = 0; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String lower(@Nullable String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
