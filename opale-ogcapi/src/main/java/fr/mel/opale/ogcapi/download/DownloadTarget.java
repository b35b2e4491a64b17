package fr.mel.opale.ogcapi.download;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a download goes. Opened once by the writer, when it is ready to send: opening commits the response (headers,
 * then bytes), so a writer refuses a selection before it opens its target, never after.
 */
@FunctionalInterface
public interface DownloadTarget {
    /**
     * The stream to write the file to (not to be closed by the writer unless it ends the file there).
     *
     * @param contentLength the file's size in bytes when the writer knows it (a finished temporary file), else -1
     */
    OutputStream open(long contentLength) throws IOException;
}
