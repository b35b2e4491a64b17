package fr.mel.opale.quality;

import fr.mel.opale.catalog.iso.IsoReader;
import fr.mel.opale.catalog.model.CatalogRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real ISO records of {@code ../shared/data/iso-metadata} (third-party files, never copied here), read with the
 * catalog's {@link IsoReader}. Tests using them are skipped when the shared data is absent, and fail instead where
 * {@code OPALE_REQUIRE_SHARED_DATA=true} (CI).
 */
public final class RealRecords {
    private RealRecords() {
    }

    public static Path isoDir() {
        Optional<Path> found = Stream.of(System.getProperty("opale.shared.dir"), "../../shared", "../shared")
                .filter(c -> c != null && !c.isBlank()).map(c -> Path.of(c).toAbsolutePath().normalize())
                .map(p -> p.resolve("data/iso-metadata")).filter(Files::isDirectory).findFirst();
        if (found.isEmpty() && "true".equals(System.getenv("OPALE_REQUIRE_SHARED_DATA"))) {
            throw new IllegalStateException("OPALE_REQUIRE_SHARED_DATA=true mais données partagées introuvables");
        }
        Assumptions.assumeTrue(found.isPresent(), "Données partagées absentes : test ignoré");
        return found.get();
    }

    /** {@code relative} under {@code iso-metadata}, e.g. {@code geonetwork-db-dump/record-with-no-link.iso19139.xml}. */
    public static Path file(String relative) {
        Path file = isoDir().resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), "Fichier partagé absent : " + file);
        return file;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CatalogRecord read(String relative) {
        return new IsoReader().read(bytes(relative), file(relative).getFileName().toString());
    }
}
