package fr.mel.opale.ogcapi.download;

import fr.mel.opale.ogcapi.OgcApiProblem;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The download encodings, by the key used in {@code /download?format=} and {@code /items?f=}: its media type and the
 * file name extension of the {@code Content-Disposition} header.
 */
public enum DownloadFormat {
    GEOJSON("geojson", "application/geo+json", "geojson"),
    CSV("csv", "text/csv;charset=UTF-8;header=present", "csv"),
    /** The same CSV for a French Excel: BOM, {@code ;}, decimal comma, dd/mm/yyyy (see {@link CsvFeatureWriter}). */
    CSV_EXCEL("csv-excel", "text/csv;charset=UTF-8;header=present", "csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    GPKG("gpkg", "application/geopackage+sqlite3", "gpkg");

    public final String key;
    public final String mediaType;
    public final String extension;

    DownloadFormat(String key, String mediaType, String extension) {
        this.key = key;
        this.mediaType = mediaType;
        this.extension = extension;
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
