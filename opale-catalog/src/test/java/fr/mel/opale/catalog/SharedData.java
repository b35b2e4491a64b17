package fr.mel.opale.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared third-party test data ({@code ../shared/data}: real ISO records, CSV files, thesauri...), which lives
 * outside the repository. Found through the system property {@code opale.shared.dir} (set by the parent POM's
 * surefire configuration), else {@code ../../shared} or {@code ../shared} from the working directory. Tests that
 * need it call {@link #dir()}, which <em>skips</em> them (JUnit assumption) when the data is absent, so the build
 * still passes on a machine without it — except where {@code OPALE_REQUIRE_SHARED_DATA=true} (CI), where it fails.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared directory (the one holding {@code data/}); skips the calling test when absent. */
    public static Path dir() {
        Optional<Path> found = find();
        if (found.isEmpty() && "true".equals(System.getenv("OPALE_REQUIRE_SHARED_DATA"))) {
            // CI sets it: there, missing data is a broken setup, not a reason to pass silently.
            throw new IllegalStateException("OPALE_REQUIRE_SHARED_DATA=true mais données partagées introuvables");
        }
        Assumptions.assumeTrue(found.isPresent(),
                "Données partagées absentes (propriété opale.shared.dir, ../../shared, ../shared) : test ignoré");
        return found.get();
    }

    /** The shared directory when present; never skips. */
    public static Optional<Path> find() {
        String property = System.getProperty("opale.shared.dir");
        Stream<String> candidates = Stream.of(property, "../../shared", "../shared");
        return candidates.filter(c -> c != null && !c.isBlank())
                .map(c -> Path.of(c).toAbsolutePath().normalize())
                .filter(p -> Files.isDirectory(p.resolve("data")))
                .findFirst();
    }

    /** {@code data/<relative>} under the shared directory; skips the calling test when absent. */
    public static Path file(String relative) {
        Path file = dir().resolve("data").resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), "Fichier partagé absent : " + file);
        return file;
    }

    /** Every {@code *.xml} under {@code data/iso-metadata}, sorted by path; skips the calling test when absent. */
    public static List<Path> isoRecords() {
        Path root = dir().resolve("data").resolve("iso-metadata");
        Assumptions.assumeTrue(Files.isDirectory(root), "Dossier absent : " + root);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every shared ISO record in one ZIP, entries named by their path under {@code data/iso-metadata}: what the
     * modules built on the catalog import through {@code POST /api/records/import}. Skips (or fails, in CI) like
     * {@link #dir()}.
     */
    public static byte[] isoRecordsZip() {
        Path root = dir().resolve("data").resolve("iso-metadata");
        try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream()) {
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                for (Path file : isoRecords()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(root.relativize(file).toString()));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
