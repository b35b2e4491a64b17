package fr.mel.opale.ingest.job;

import java.io.IOException;
import java.nio.file.Path;

/** Puts an uploaded file at {@code target} (e.g. {@code MultipartFile::transferTo}, a move, never a copy in memory). */
@FunctionalInterface
public interface FileTransfer {
    void to(Path target) throws IOException;
}
