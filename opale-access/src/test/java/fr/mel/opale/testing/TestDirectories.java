package fr.mel.opale.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh directories for one test context's files. The search index lives in one and Lucene locks it: two cached
 * contexts sharing a directory would fail, so {@link H2TestDatabase} and {@link PostgisTestDatabase} give each
 * context its own index directory ({@code opale.search.index-dir}).
 */
final class TestDirectories {
    private TestDirectories() {
    }

    static String freshIndexDirectory() {
        try {
            Path dir = Files.createTempDirectory("opale-test-index-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var tree = Files.walk(dir)) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
