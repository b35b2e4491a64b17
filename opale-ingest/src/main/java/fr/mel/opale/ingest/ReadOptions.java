package fr.mel.opale.ingest;

import org.jspecify.annotations.Nullable;

/**
 * What the producer imposes instead of letting {@link TableReaders#analyse} detect it. Every null field means
 * "detect"; {@link #overrides()} then adjusts the detected columns and geometry.
 *
 * @param encoding   charset name for text formats (e.g. "UTF-8", "windows-1252"), or for a DBF without .cpg
 * @param delimiter  CSV field separator
 * @param quote      CSV quote character
 * @param header     whether the first CSV/XLSX row holds column labels
 * @param layer      sheet (XLSX), layer (GeoPackage) or shapefile base name (ZIP holding several)
 * @param sourceSrid EPSG code of the coordinates in the file, when it does not say or says wrong
 */
public record ReadOptions(@Nullable String encoding, @Nullable Character delimiter, @Nullable Character quote,
                          @Nullable Boolean header, @Nullable String layer, @Nullable Integer sourceSrid,
                          Overrides overrides, Limits limits) {
    public static final ReadOptions DEFAULT =
            new ReadOptions(null, null, null, null, null, null, Overrides.NONE, Limits.DEFAULT);

    public ReadOptions withEncoding(@Nullable String value) {
        return new ReadOptions(value, delimiter, quote, header, layer, sourceSrid, overrides, limits);
    }

    public ReadOptions withDelimiter(@Nullable Character value) {
        return new ReadOptions(encoding, value, quote, header, layer, sourceSrid, overrides, limits);
    }

    public ReadOptions withHeader(@Nullable Boolean value) {
        return new ReadOptions(encoding, delimiter, quote, value, layer, sourceSrid, overrides, limits);
    }

    public ReadOptions withLayer(@Nullable String value) {
        return new ReadOptions(encoding, delimiter, quote, header, value, sourceSrid, overrides, limits);
    }

    public ReadOptions withSourceSrid(@Nullable Integer value) {
        return new ReadOptions(encoding, delimiter, quote, header, layer, value, overrides, limits);
    }

    public ReadOptions withOverrides(Overrides value) {
        return new ReadOptions(encoding, delimiter, quote, header, layer, sourceSrid, value, limits);
    }

    public ReadOptions withLimits(Limits value) {
        return new ReadOptions(encoding, delimiter, quote, header, layer, sourceSrid, overrides, value);
    }
}
