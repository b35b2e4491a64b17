package fr.mel.opale.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
        boolean byDefault = configured == null || configured.isBlank();
        Path dir = Path.of(byDefault ? "data" : configured);
        if (byDefault) {
            formerDefaultLeftBehind(Path.of("")).ifPresent(System.err::println);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible de créer le répertoire de données " + dir.toAbsolutePath(), e);
        }
    }

    /**
     * Until 2026-12-07 the default was {@code ./opale-data}. An install upgraded in place would otherwise start on an
     * empty {@code ./data} without a word, its catalog apparently lost: say where it is and how to keep using it.
     * Nothing is moved — the operator decides.
     */
    static Optional<String> formerDefaultLeftBehind(Path workingDirectory) {
        Path former = workingDirectory.resolve("opale-data");
        if (Files.isDirectory(former) && !Files.exists(workingDirectory.resolve("data"))) {
            return Optional.of("ATTENTION : le répertoire de données par défaut est désormais ./data ; un ancien "
                    + "répertoire " + former.toAbsolutePath().normalize() + " existe et ne sera pas lu. Pour le "
                    + "garder, renommez-le en ./data ou démarrez avec OPALE_DATA_DIR=./opale-data.");
        }
        return Optional.empty();
    }
}
