package fr.mel.opale.ogcapi.download;

import java.io.IOException;

/**
 * A download encoding, by the key used in {@code /download?format=} and {@code /items?f=}: its media type, the file
 * name extension of the {@code Content-Disposition} header, the label shown to people ("Télécharger en {label}"),
 * whether it needs geometries, and how to make its {@link FeatureWriter}. The formats offered are those of
 * {@link DownloadFormats}.
 *
 * @param needsGeometry true when only geographic collections can be written (a shapefile)
 */
public record DownloadFormat(String key, String mediaType, String extension, String label, boolean needsGeometry,
                             Writers writers) {
    /** Makes the format's writer for one download. */
    @FunctionalInterface
    public interface Writers {
        /**
         * @throws fr.mel.opale.ogcapi.OgcApiProblem 400 when the format cannot hold the selection (nothing sent)
         */
        FeatureWriter open(DownloadSelection selection, DownloadTarget target) throws IOException;
    }

    /** Whether the format can hold this collection: a shapefile needs geometries, the others take tables too. */
    public boolean accepts(boolean geographic) {
        return geographic || !needsGeometry;
    }

    /** A writer of this format for one download. */
    public FeatureWriter open(DownloadSelection selection, DownloadTarget target) throws IOException {
        return writers.open(selection, target);
    }
}
