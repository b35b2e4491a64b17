package fr.mel.opale.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private temporary directory for the files a writer must finish before it can send them (a shapefile's parts,
 * a GeoPackage's SQLite file): created under the JVM's temporary directory with a recognisable prefix, deleted
 * with everything in it by {@link #close()}, whatever happened before. Flat: files only, no subdirectory.
 */
public final class SpoolDirectory implements AutoCloseable {
    private final Path directory;

    /** Creates the directory, named {@code <prefix><random>}. */
    public SpoolDirectory(String prefix) throws IOException {
        this.directory = Files.createTempDirectory(prefix);
    }

    /** A file of this directory (not created). */
    public Path file(String name) {
        return directory.resolve(name);
    }

    /** Deletes every file, then the directory. */
    @Override
    public void close() {
        try (var files = Files.list(directory)) {
            for (Path path : files.toList()) {
                Files.deleteIfExists(path);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
