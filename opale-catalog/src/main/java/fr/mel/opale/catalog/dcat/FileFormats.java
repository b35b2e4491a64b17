package fr.mel.opale.catalog.dcat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises distribution formats from what sources write — a media type ({@code text/csv}), a name
 * ({@code ESRI Shapefile}, {@code GeoJSON 1.0}), an OGC protocol ({@code OGC:WMS}) or a file extension — and names
 * them as DCAT-AP asks: {@code dct:format} from the EU file-type table, {@code dcat:mediaType} from IANA.
 * Public because search facets on the same normalised formats.
 */
public final class FileFormats {
    static final String FILE_TYPE = DcatApTerms.EU_AUTHORITY + "file-type/";
    static final String IANA = "https://www.iana.org/assignments/media-types/";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9][a-z0-9.+-]*");

    /**
     * A known format.
     *
     * @param fileType  EU file-type code (CSV, SHP...), null when the table has none
     * @param mediaType IANA media type, null when none is registered (Shapefile)
     */
    public record FileFormat(@Nullable String fileType, @Nullable String mediaType) {
        public @Nullable String fileTypeUri() {
            return fileType == null ? null : FILE_TYPE + fileType;
        }

        public @Nullable String mediaTypeUri() {
            return mediaType == null ? null : IANA + mediaType;
        }
    }

    private static final FileFormat CSV = new FileFormat("CSV", "text/csv");
    private static final FileFormat JSON = new FileFormat("JSON", "application/json");
    private static final FileFormat GEOJSON = new FileFormat("GEOJSON", "application/geo+json");
    private static final FileFormat SHP = new FileFormat("SHP", null);
    private static final FileFormat XLSX = new FileFormat("XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final FileFormat XLS = new FileFormat("XLS", "application/vnd.ms-excel");
    private static final FileFormat ODS = new FileFormat("ODS", "application/vnd.oasis.opendocument.spreadsheet");
    private static final FileFormat PDF = new FileFormat("PDF", "application/pdf");
    private static final FileFormat ZIP = new FileFormat("ZIP", "application/zip");
    private static final FileFormat KML = new FileFormat("KML", "application/vnd.google-earth.kml+xml");
    private static final FileFormat KMZ = new FileFormat("KMZ", "application/vnd.google-earth.kmz");
    private static final FileFormat GML = new FileFormat("GML", "application/gml+xml");
    private static final FileFormat GPKG = new FileFormat("GPKG", "application/geopackage+sqlite3");
    private static final FileFormat XML = new FileFormat("XML", "application/xml");
    private static final FileFormat HTML = new FileFormat("HTML", "text/html");
    private static final FileFormat TXT = new FileFormat("TXT", "text/plain");
    private static final FileFormat TIFF = new FileFormat("TIFF", "image/tiff");
    private static final FileFormat GEOTIFF = new FileFormat("GEOTIFF", "image/tiff");
    private static final FileFormat PNG = new FileFormat("PNG", "image/png");
    private static final FileFormat JPEG = new FileFormat("JPEG", "image/jpeg");
    private static final FileFormat RDF_XML = new FileFormat("RDF_XML", "application/rdf+xml");
    private static final FileFormat TURTLE = new FileFormat("RDF_TURTLE", "text/turtle");
    private static final FileFormat JSON_LD = new FileFormat("JSON_LD", "application/ld+json");
    private static final FileFormat WMS = new FileFormat("WMS_SRVC", null);
    private static final FileFormat WFS = new FileFormat("WFS_SRVC", null);

    /** By lower-case name, alias, media type or file extension. */
    private static final Map<String, FileFormat> BY_NAME = Map.ofEntries(
            Map.entry("csv", CSV), Map.entry("text/csv", CSV),
            Map.entry("json", JSON), Map.entry("application/json", JSON),
            Map.entry("geojson", GEOJSON), Map.entry("application/geo+json", GEOJSON),
            Map.entry("application/vnd.geo+json", GEOJSON),
            Map.entry("shp", SHP), Map.entry("shapefile", SHP), Map.entry("esri shapefile", SHP),
            Map.entry("application/x-shapefile", SHP), Map.entry("x-gis/x-shapefile", SHP),
            Map.entry("xlsx", XLSX), Map.entry(XLSX.mediaType(), XLSX),
            Map.entry("xls", XLS), Map.entry("excel", XLS), Map.entry("application/vnd.ms-excel", XLS),
            Map.entry("ods", ODS), Map.entry(ODS.mediaType(), ODS),
            Map.entry("pdf", PDF), Map.entry("application/pdf", PDF),
            Map.entry("zip", ZIP), Map.entry("application/zip", ZIP), Map.entry("application/x-zip-compressed", ZIP),
            Map.entry("kml", KML), Map.entry(KML.mediaType(), KML),
            Map.entry("kmz", KMZ), Map.entry(KMZ.mediaType(), KMZ),
            Map.entry("gml", GML), Map.entry("application/gml+xml", GML),
            Map.entry("gpkg", GPKG), Map.entry("geopackage", GPKG), Map.entry("application/geopackage+sqlite3", GPKG),
            Map.entry("xml", XML), Map.entry("application/xml", XML), Map.entry("text/xml", XML),
            Map.entry("html", HTML), Map.entry("htm", HTML), Map.entry("text/html", HTML),
            Map.entry("txt", TXT), Map.entry("text/plain", TXT),
            Map.entry("tif", TIFF), Map.entry("tiff", TIFF), Map.entry("image/tiff", TIFF),
            Map.entry("geotiff", GEOTIFF), Map.entry("image/tiff; application=geotiff", GEOTIFF),
            Map.entry("png", PNG), Map.entry("image/png", PNG),
            Map.entry("jpg", JPEG), Map.entry("jpeg", JPEG), Map.entry("image/jpeg", JPEG),
            Map.entry("rdf", RDF_XML), Map.entry("rdf/xml", RDF_XML), Map.entry("application/rdf+xml", RDF_XML),
            Map.entry("ttl", TURTLE), Map.entry("turtle", TURTLE), Map.entry("text/turtle", TURTLE),
            Map.entry("jsonld", JSON_LD), Map.entry("json-ld", JSON_LD), Map.entry("application/ld+json", JSON_LD),
            Map.entry("wms", WMS), Map.entry("ogc:wms", WMS), Map.entry("wfs", WFS), Map.entry("ogc:wfs", WFS));

    private FileFormats() {
    }

    /**
     * The format named by {@code name}: exact entry first, then its first word ("GeoJSON 1.0", "ESRI Shapefile
     * (zip)"), then an unlisted but well-formed media type (IANA URI only). Null when unknown.
     */
    public static @Nullable FileFormat byName(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        FileFormat known = BY_NAME.get(key);
        if (known == null && key.contains(";")) {
            known = BY_NAME.get(key.substring(0, key.indexOf(';')).strip());
        }
        if (known == null) {
            known = BY_NAME.get(key.replaceAll("[\\s(].*$", ""));
        }
        if (known == null) {
            known = BY_NAME.get(key.replaceAll("\\s*(\\(.*\\)|v?\\d+(\\.\\d+)*)\\s*$", ""));
        }
        if (known == null && MEDIA_TYPE.matcher(key).matches()) {
            known = new FileFormat(null, key);
        }
        return known;
    }

    /** The format of a protocol such as {@code OGC:WMS} or {@code OGC:WFS-1.1.0-http-get-capabilities}. */
    public static @Nullable FileFormat byProtocol(@Nullable String protocol) {
        if (protocol == null) {
            return null;
        }
        String value = protocol.toUpperCase(Locale.ROOT);
        if (value.contains("WMS") && !value.contains("WMTS")) {
            return WMS;
        }
        return value.contains("WFS") ? WFS : null;
    }

    /** The format a download URL's file extension names ({@code .csv}, {@code .geojson}), ignoring the query. */
    public static @Nullable FileFormat byExtension(String url) {
        String path = url.replaceAll("[?#].*$", "").toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return null;
        }
        String extension = path.substring(dot + 1);
        return List.of("csv", "json", "geojson", "shp", "xlsx", "xls", "ods", "pdf", "zip", "kml", "kmz", "gml",
                "gpkg", "xml", "txt", "tif", "tiff", "png", "jpg", "jpeg", "rdf", "ttl", "jsonld").contains(extension)
                ? BY_NAME.get(extension) : null;
    }
}
