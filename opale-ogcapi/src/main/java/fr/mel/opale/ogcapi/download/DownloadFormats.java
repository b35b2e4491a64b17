package fr.mel.opale.ogcapi.download;

import fr.mel.opale.ogcapi.OgcApiProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry of download formats, in the order they are offered (links, OpenAPI, the dataset page). A new format
 * is one {@link FeatureWriter} and one entry here; {@code FeatureWriterContract} then checks it like the others
 * (GDAL reads every format back).
 */
public final class DownloadFormats {
    public static final DownloadFormat GEOJSON = new DownloadFormat("geojson", "application/geo+json", "geojson",
            "GeoJSON", false, GeoJsonFeatureWriter::new);
    public static final DownloadFormat CSV = new DownloadFormat("csv", "text/csv;charset=UTF-8;header=present",
            "csv", "CSV", false, (selection, target) -> new CsvFeatureWriter(selection, target, false));
    /** The same CSV for a French Excel: BOM, {@code ;}, decimal comma, dd/mm/yyyy (see {@link CsvFeatureWriter}). */
    public static final DownloadFormat CSV_EXCEL = new DownloadFormat("csv-excel",
            "text/csv;charset=UTF-8;header=present", "csv", "CSV pour Excel",
            false, (selection, target) -> new CsvFeatureWriter(selection, target, true));
    public static final DownloadFormat XLSX = new DownloadFormat("xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX (Excel)", false,
            XlsxFeatureWriter::open);
    public static final DownloadFormat GPKG = new DownloadFormat("gpkg", "application/geopackage+sqlite3", "gpkg",
            "GeoPackage", false, GeoPackageFeatureWriter::new);
    /** Zipped ESRI Shapefile(s), geographic collections only (see {@link ShapefileFeatureWriter}). */
    public static final DownloadFormat SHP = new DownloadFormat("shp", "application/zip", "zip", "Shapefile (zip)",
            true, ShapefileFeatureWriter::open);
    private static final List<DownloadFormat> ALL = List.of(GEOJSON, CSV, CSV_EXCEL, XLSX, GPKG, SHP);

    private DownloadFormats() {
    }

    /** Every format, in the order offered. */
    public static List<DownloadFormat> all() {
        return ALL;
    }

    /** The formats a collection can be downloaded in. */
    public static List<DownloadFormat> accepting(boolean geographic) {
        return ALL.stream().filter(f -> f.accepts(geographic)).toList();
    }

    /**
     * The format of a key.
     *
     * @throws OgcApiProblem 400 naming {@code parameter} and the keys when none has this one
     */
    static DownloadFormat parse(String parameter, String raw) {
        for (DownloadFormat format : ALL) {
            if (format.key().equals(raw.strip())) {
                return format;
            }
        }
        throw OgcApiProblem.badParameter(parameter, "un de " + ALL.stream().map(f -> "« " + f.key() + " »")
                .collect(Collectors.joining(", ")) + " est attendu.");
    }

    /** The keys, for messages. */
    static List<String> keys() {
        return ALL.stream().map(DownloadFormat::key).toList();
    }
}
