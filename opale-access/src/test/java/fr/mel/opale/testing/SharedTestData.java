package fr.mel.opale.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The shared third-party test files ({@code ../shared/data}: real CSV, geo files, ISO records, thesauri, validators),
 * which live outside the repository and are never copied into it. The folder holding {@code data/} is found through
 * the system property {@code opale.shared.dir} (the parent POM sets it for Surefire), else {@code ../../shared} or
 * {@code ../shared} from the working directory. Anything missing — the folder or one file — goes through
 * {@link Prerequisite#SHARED_DATA}: the test is skipped with the path, or fails under
 * {@code OPALE_REQUIRE_SHARED_DATA=true}.
 */
public final class SharedTestData {
    public static final String PROPERTY = "opale.shared.dir";

    private SharedTestData() {
    }

    /** The {@code data} folder of the shared directory. */
    public static Path data() {
        return find().orElseThrow(() -> Prerequisite.SHARED_DATA.missing("données partagées introuvables (propriété "
                + PROPERTY + "=" + System.getProperty(PROPERTY) + ", ../../shared, ../shared)"));
    }

    /** {@code data/<relative>}, a file or a folder, e.g. {@code csv/rephytox.csv} or {@code thesauri}. */
    public static Path file(String relative) {
        return file(Prerequisite.SHARED_DATA, relative);
    }

    /**
     * {@code data/<relative>} under another prerequisite than the shared data as a whole: for files that are to be
     * added to the shared folder later, which a run may not require yet.
     */
    public static Path file(Prerequisite prerequisite, String relative) {
        Path file = data().resolve(relative);
        prerequisite.check(Files.exists(file), "fichier partagé absent : " + file);
        return file;
    }

    /** Every regular file under {@code data/<folder>} whose name ends with {@code suffix}, sorted by path; never empty. */
    public static List<Path> files(String folder, String suffix) {
        Path root = file(folder);
        try (Stream<Path> tree = Files.walk(root)) {
            List<Path> found = tree.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            Prerequisite.SHARED_DATA.check(!found.isEmpty(), "aucun fichier " + suffix + " sous " + root);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every real ISO record ({@code *.xml} under {@code data/iso-metadata}), sorted by path. */
    public static List<Path> isoRecords() {
        return files("iso-metadata", ".xml");
    }

    /**
     * Every real ISO record in one ZIP, entries named by their path under {@code data/iso-metadata}: what the modules
     * built on the catalog import through {@code POST /api/records/import}.
     */
    public static byte[] isoRecordsZip() {
        Path root = file("iso-metadata");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path file : isoRecords()) {
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

    private static Optional<Path> find() {
        return Stream.of(System.getProperty(PROPERTY), "../../shared", "../shared")
                .filter(candidate -> candidate != null && !candidate.isBlank())
                .map(candidate -> Path.of(candidate).toAbsolutePath().normalize().resolve("data"))
                .filter(Files::isDirectory)
                .findFirst();
    }
}
