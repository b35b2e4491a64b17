package fr.mel.opale.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory ({@code OPALE_DATA_DIR}, default {@code ./data}) holds the embedded database ({@code db/}), the
 * search index ({@code index/}), uploads waiting for their import ({@code uploads/}) and the optional setting files
 * (rules, mappings). Created before Spring starts so that H2 can open its file in it.
 */
final class DataDirectory {
    private DataDirectory() {
    }

    static void prepare(String[] args) {
        String configured = null;
        for (String arg : args) {
            if (arg.startsWith("--opale.data.dir=")) {
                configured = arg.substring("--opale.data.dir=".length());
            }
        }
        if (configured == null) {
            configured = System.getProperty("opale.data.dir", System.getenv("OPALE_DATA_DIR"));
        }
        Path dir = Path.of(configured == null || configured.isBlank() ? "data" : configured);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de créer le répertoire de données " + dir.toAbsolutePath(), e);
        }
    }
}
