package fr.mel.opale.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a file was (or will be) read: detected by the analysis or imposed by {@link ReadOptions}. Fields that do not
 * apply to a format are null (no delimiter for GeoJSON, no layer for CSV).
 *
 * @param format           reader name: csv, xlsx, geojson, shapefile, geopackage
 * @param encoding         charset name of the text (CSV, GeoJSON, DBF); "UTF-8+windows-1252" for a UTF-8 file
 *                         with stray Windows-1252 bytes, decoded line by line
 * @param delimiter        CSV field separator
 * @param quote            CSV quote character
 * @param header           whether the first row holds labels (CSV, XLSX)
 * @param decimalSeparator '.' or ',' as used by the file's decimal columns (null when it has none)
 * @param layer            chosen sheet, layer or shapefile
 * @param layers           every sheet, table or shapefile the file offers (to let the producer choose)
 * @param sourceSrid       EPSG code of the file's coordinates; rows are always delivered in WGS84
 */
public record SourceSettings(String format, @Nullable String encoding, @Nullable Character delimiter,
                             @Nullable Character quote, @Nullable Boolean header, @Nullable Character decimalSeparator,
                             @Nullable String layer, List<String> layers, @Nullable Integer sourceSrid) {
    public SourceSettings {
        layers = List.copyOf(layers);
    }

    public SourceSettings withSourceSrid(@Nullable Integer value) {
        return new SourceSettings(format, encoding, delimiter, quote, header, decimalSeparator, layer, layers, value);
    }
}
