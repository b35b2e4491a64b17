package fr.mel.opale.ogcapi.download;

import fr.mel.opale.ogcapi.OgcApiProblem;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The download encodings, by the key used in {@code /download?format=} and {@code /items?f=}: its media type and the
 * file name extension of the {@code Content-Disposition} header.
 */
public enum DownloadFormat {
    GEOJSON("geojson", "application/geo+json", "geojson", "GeoJSON"),
    CSV("csv", "text/csv;charset=UTF-8;header=present", "csv", "CSV"),
    /** The same CSV for a French Excel: BOM, {@code ;}, decimal comma, dd/mm/yyyy (see {@link CsvFeatureWriter}). */
    CSV_EXCEL("csv-excel", "text/csv;charset=UTF-8;header=present", "csv", "CSV pour Excel"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX (Excel)"),
    GPKG("gpkg", "application/geopackage+sqlite3", "gpkg", "GeoPackage"),
    /** Zipped ESRI Shapefile(s), geographic collections only (see {@link ShapefileFeatureWriter}). */
    SHP("shp", "application/zip", "zip", "Shapefile (zip)");

    public final String key;
    public final String mediaType;
    public final String extension;
    /** Shown to people: "Télécharger en {label}". */
    public final String label;

    DownloadFormat(String key, String mediaType, String extension, String label) {
        this.label = label;
        this.key = key;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** Whether the format can hold this collection: a shapefile needs geometries, the others take tables too. */
    public boolean accepts(boolean geographic) {
        return geographic || this != SHP;
    }

    static DownloadFormat parse(String parameter, String raw) {
        for (DownloadFormat format : values()) {
            if (format.key.equals(raw.strip())) {
                return format;
            }
        }
        throw OgcApiProblem.badParameter(parameter, "un de " + Arrays.stream(values()).map(f -> "« " + f.key + " »")
                .collect(Collectors.joining(", ")) + " est attendu.");
    }
}
