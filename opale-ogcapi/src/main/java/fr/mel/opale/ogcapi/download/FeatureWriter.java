package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Feature;
import java.io.IOException;

/**
 * One download format's writer, the one seam every format implements ({@link DownloadFormats} lists them): made for
 * a {@link DownloadSelection} and a {@link DownloadTarget}, it takes the selected features one at a time, in order,
 * then sends the file. A format that cannot hold the selection (too many rows or columns, no geometry for a
 * shapefile) refuses it with a 400 when made or at {@link #finish()}, always before it opens the target: an error is
 * then still a clean problem+json, nothing half-sent.
 *
 * <p>Memory stays constant whatever the selection: writers stream to the target or spool to temporary files, which
 * {@link #close()} deletes whatever happened. Not thread-safe: one writer per download.
 */
public interface FeatureWriter extends AutoCloseable {
    /** Writes one feature (geometry in CRS84, as stored; the writer reprojects to the selection's CRS). */
    void write(Feature feature) throws IOException;

    /** Ends the file and sends what the target has not received yet. Called once, after the last feature. */
    void finish() throws IOException;

    /** Releases temporary files and resources, whether {@link #finish()} ran or not. */
    @Override
    default void close() throws IOException {
    }
}
