package fr.mel.opale.web.catalogue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Protocol codes and media types of online resources, as people say them: {@code WWW:DOWNLOAD-1.0-http--download}
 * is « Téléchargement », {@code OGC:WMS} « Service de cartes (WMS) », {@code application/zip} « ZIP ». Unknown codes
 * are shown as they are (they may still mean something to a specialist).
 */
final class ProtocolNames {
    /** Checked in order against the lower-cased code: the first fragment found names it. */
    private static final Map<String, String[]> PROTOCOLS = new LinkedHashMap<>();
    private static final Map<String, String> MEDIA = Map.ofEntries(
            Map.entry("application/zip", "ZIP"), Map.entry("application/x-zip-compressed", "ZIP"),
            Map.entry("text/csv", "CSV"), Map.entry("application/json", "JSON"),
            Map.entry("application/geo+json", "GeoJSON"), Map.entry("application/pdf", "PDF"),
            Map.entry("application/vnd.ms-excel", "Excel (XLS)"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"),
            Map.entry("application/geopackage+sqlite3", "GeoPackage"), Map.entry("text/html", "page web"),
            Map.entry("application/xml", "XML"), Map.entry("text/xml", "XML"), Map.entry("image/png", "image PNG"),
            Map.entry("image/jpeg", "image JPEG"), Map.entry("application/vnd.google-earth.kml+xml", "KML"),
            Map.entry("application/x-shapefile", "Shapefile"));

    static {
        PROTOCOLS.put("download", new String[] {"Téléchargement", "Download"});
        PROTOCOLS.put("ogc:wms", new String[] {"Service de cartes (WMS)", "Map service (WMS)"});
        PROTOCOLS.put("ogc:wmts", new String[] {"Service de tuiles (WMTS)", "Tile service (WMTS)"});
        PROTOCOLS.put("ogc:wfs", new String[] {"Service d’objets géographiques (WFS)", "Feature service (WFS)"});
        PROTOCOLS.put("ogc:csw", new String[] {"Service de catalogue (CSW)", "Catalogue service (CSW)"});
        PROTOCOLS.put("ogc api", new String[] {"API OGC", "OGC API"});
        PROTOCOLS.put("ogcapi", new String[] {"API OGC", "OGC API"});
        PROTOCOLS.put("ogc:api", new String[] {"API OGC", "OGC API"});
        PROTOCOLS.put("esri:rest", new String[] {"Service ArcGIS REST", "ArcGIS REST service"});
        PROTOCOLS.put("ogc:sos", new String[] {"Service d’observations (SOS)", "Observation service (SOS)"});
        PROTOCOLS.put("www:link", new String[] {"Lien web", "Web link"});
        PROTOCOLS.put("http", new String[] {"Lien web", "Web link"});
        PROTOCOLS.put("ftp", new String[] {"Serveur FTP", "FTP server"});
    }

    private ProtocolNames() {
    }

    static @Nullable String protocol(@Nullable String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        int language = "en".equals(locale.getLanguage()) ? 1 : 0;
        for (Map.Entry<String, String[]> entry : PROTOCOLS.entrySet()) {
            if (lower.contains(entry.getKey())) {
                return entry.getValue()[language];
            }
        }
        return MEDIA.getOrDefault(lower, code);
    }

    /** A format name, or a media type in words ({@code application/zip} → ZIP). */
    static @Nullable String format(@Nullable String format) {
        if (format == null || format.isBlank()) {
            return format;
        }
        String type = format.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return MEDIA.getOrDefault(type, format);
    }
}
