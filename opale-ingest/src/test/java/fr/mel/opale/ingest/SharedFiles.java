package fr.mel.opale.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared third-party test files ({@code ../shared/data}), outside the repository: found through the system
 * property {@code opale.shared.dir} (set by the parent POM), else {@code ../../shared} or {@code ../shared}. A test
 * needing them is skipped when they are absent, except under {@code OPALE_REQUIRE_SHARED_DATA=true} (CI) where it
 * fails. Same contract as opale-catalog's {@code SharedData}, which this module does not depend on.
 */
final class SharedFiles {
    private SharedFiles() {
    }

    static Path file(String relative) {
        Optional<Path> root = Stream.of(System.getProperty("opale.shared.dir"), "../../shared", "../shared")
                .filter(c -> c != null && !c.isBlank()).map(c -> Path.of(c).toAbsolutePath().normalize())
                .filter(p -> Files.isDirectory(p.resolve("data"))).findFirst();
        if (root.isEmpty() && "true".equals(System.getenv("OPALE_REQUIRE_SHARED_DATA"))) {
            throw new IllegalStateException("OPALE_REQUIRE_SHARED_DATA=true mais données partagées introuvables");
        }
        Assumptions.assumeTrue(root.isPresent(), "Données partagées absentes : test ignoré");
        Path file = root.get().resolve("data").resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), "Fichier partagé absent : " + file);
        return file;
    }
}
