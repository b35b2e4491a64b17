package fr.mel.opale.web.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real ISO records of {@code ../shared/data/iso-metadata} (property {@code opale.shared.dir}, else
 * {@code ../../shared} or {@code ../shared}), zipped for one {@code POST /api/records/import}. Skips the calling
 * test when absent; fails instead where {@code OPALE_REQUIRE_SHARED_DATA=true} (CI).
 */
final class SharedIsoRecords {
    private SharedIsoRecords() {
    }

    static byte[] zip() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            List<Path> xml = files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".xml")).sorted()
                    .toList();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path file : xml) {
                    zip.putNextEntry(new ZipEntry(root.relativize(file).toString()));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        String property = System.getProperty("opale.shared.dir");
        Path found = Stream.of(property, "../../shared", "../shared").filter(c -> c != null && !c.isBlank())
                .map(c -> Path.of(c).toAbsolutePath().normalize().resolve("data/iso-metadata"))
                .filter(Files::isDirectory).findFirst().orElse(null);
        if (found == null && "true".equals(System.getenv("OPALE_REQUIRE_SHARED_DATA"))) {
            throw new IllegalStateException("OPALE_REQUIRE_SHARED_DATA=true mais données partagées introuvables");
        }
        Assumptions.assumeTrue(found != null, "Données partagées absentes : test ignoré");
        return found;
    }
}
