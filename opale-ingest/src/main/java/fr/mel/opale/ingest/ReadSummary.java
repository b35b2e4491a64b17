package fr.mel.opale.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;

/**
 * The outcome of a full read pass, for the data-quality report and the catalog record.
 *
 * @param rows                rows delivered
 * @param geometries          rows with a geometry
 * @param missingGeometries   rows whose geometry source was empty (e.g. empty LONG/LAT cells)
 * @param repairedGeometries  invalid geometries repaired (rows kept with the repaired geometry)
 * @param rejectedGeometries  geometries that could not be read or repaired (row kept, geometry null)
 * @param rejectedValues      cells whose text did not fit the column type (cell null)
 * @param bbox                WGS84 envelope of all geometries, or null when there is none
 */
public record ReadSummary(long rows, long geometries, long missingGeometries, long repairedGeometries,
                          long rejectedGeometries, long rejectedValues, @Nullable Envelope bbox,
                          List<ReadWarning> warnings) {
    public ReadSummary {
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }
}
