package fr.mel.opale.ingest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Bytes read from a given offset of a file, without reading what comes before: the start and the end of a large
 * file, which a read-once import looks at before its single pass (its encoding, the records of its end).
 */
final class FileSlice {
    private FileSlice() {
    }

    /** Fills {@code into} from {@code from} on, as far as the file goes; the number of bytes read. */
    static int read(Path file, long from, byte[] into) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(into);
        try (FileChannel channel = FileChannel.open(file)) {
            while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) >= 0) {
                // a positioned read may return fewer bytes than asked
            }
        }
        return bytes.position();
    }
}
