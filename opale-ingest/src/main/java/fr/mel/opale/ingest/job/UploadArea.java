package fr.mel.opale.ingest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The directories where files wait for their job, under {@code opale.ingest.upload-dir} (default
 * {@code <data dir>/uploads}): {@code tmp} (the servlet container streams multipart uploads there, never into
 * memory), {@code staging} (uploads analysed on the import page, waiting for "publish"), {@code jobs} (a job's
 * file until the job ends). Created at start.
 */
@Component
public class UploadArea {
    private final Path root;

    UploadArea(IngestSettings settings, Environment environment) {
        String configured = settings.uploadDir();
        Path base = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(environment.getProperty("opale.data.dir", "./data")).resolve("uploads");
        root = base.toAbsolutePath().normalize();
        try {
            Files.createDirectories(tmp());
            Files.createDirectories(staging());
            Files.createDirectories(jobs());
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de créer le répertoire des envois " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Multipart uploads being received. */
    public Path tmp() {
        return root.resolve("tmp");
    }

    Path staging() {
        return root.resolve("staging");
    }

    Path jobs() {
        return root.resolve("jobs");
    }
}
