package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.Feature;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.geo.shapefile.Attribute;
import fr.mel.opale.geo.shapefile.ShapefileWriter;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.io.IOException;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes features as a zipped ESRI Shapefile through opale-geo's {@link ShapefileWriter} (layout, one file per
 * geometry family when mixed, dBase field names and the mapping file: see there), geometries reprojected to the
 * requested CRS. The files are complete (headers fixed, sizes checked) before the target is opened, so that a
 * refusal — no geometry, more than 255 columns, beyond 2 GB — is still a clean 400 pointing to GeoPackage.
 */
final class ShapefileFeatureWriter implements FeatureWriter {
    static final long MAX_BYTES = ShapefileWriter.MAX_BYTES;
    static final String TEMPORARY_PREFIX = ShapefileWriter.TEMPORARY_PREFIX;
    private final SupportedCrs crs;
    private final ShapefileWriter shapefile;
    private final DownloadTarget target;

    /**
     * A writer for the selection.
     *
     * @throws OgcApiProblem 400 for a collection without geometry, too many columns, or a selection surely beyond
     *                       2 GB (counted first)
     */
    static ShapefileFeatureWriter open(DownloadSelection selection, DownloadTarget target) throws IOException {
        if (!selection.geographic()) {
            throw OgcApiProblem.badParameter(DownloadController.FORMAT, "« " + selection.id() + " » n'a pas de "
                    + "géométrie : un shapefile en demande une. Téléchargez ce tableau en CSV (format=csv) ou en XLSX.");
        }
        if (surelyTooLarge(selection.count(), selection.columns().size(), selection.geometryType(), MAX_BYTES)) {
            throw tooLarge();
        }
        return new ShapefileFeatureWriter(selection, target, MAX_BYTES);
    }

    ShapefileFeatureWriter(DownloadSelection selection, DownloadTarget target, long maxBytes) throws IOException {
        if (selection.columns().size() > ShapefileWriter.MAX_FIELDS) {
            throw OgcApiProblem.badParameter(DownloadController.FORMAT, "un shapefile contient au plus "
                    + ShapefileWriter.MAX_FIELDS + " colonnes ; choisissez-les avec properties= ou téléchargez un "
                    + "GeoPackage (format=gpkg).");
        }
        this.crs = selection.crs();
        this.target = target;
        this.shapefile = new ShapefileWriter(selection.id(), attributes(selection.columns()),
                selection.geometryType(), crs.epsg, maxBytes);
    }

    private static List<Attribute> attributes(List<Column> columns) {
        return columns.stream().map(c -> new Attribute(c.name(), c.title(), switch (c.type()) {
            case INTEGER -> Attribute.Type.INTEGER;
            case DECIMAL -> Attribute.Type.DECIMAL;
            case BOOLEAN -> Attribute.Type.BOOLEAN;
            case DATE -> Attribute.Type.DATE;
            case TIMESTAMP -> Attribute.Type.TIMESTAMP;
            case TEXT -> Attribute.Type.TEXT;
        })).toList();
    }

    /** {@link ShapefileWriter#surelyTooLarge}: a cheap refusal before any work. */
    static boolean surelyTooLarge(long count, int columns, GeometryType type, long maxBytes) {
        return ShapefileWriter.surelyTooLarge(count, columns, type, maxBytes);
    }

    static OgcApiProblem tooLarge() {
        return OgcApiProblem.badParameter(DownloadController.FORMAT, "la sélection dépasserait la taille maximale "
                + "d'un shapefile (2 Go) ; filtrez-la ou téléchargez-la en GeoPackage (format=gpkg), sans cette "
                + "limite.");
    }

    @Override
    public void write(Feature feature) throws IOException {
        Geometry geometry = feature.geometry() == null || feature.geometry().isEmpty() ? null
                : crs.isWgs84() ? feature.geometry() : crs.fromStorage(feature.geometry());
        try {
            shapefile.write(feature.properties(), geometry);
        } catch (ShapefileWriter.TooLarge e) {
            throw tooLarge();
        }
    }

    /** Completes the files (a 400 when one would pass the limit), then opens the target and streams the zip. */
    @Override
    public void finish() throws IOException {
        try {
            shapefile.complete();
        } catch (ShapefileWriter.TooLarge e) {
            throw tooLarge();
        }
        shapefile.zip(target.open(-1));
    }

    /** Deletes every temporary file. */
    @Override
    public void close() {
        shapefile.close();
    }
}
