package fr.mel.opale.ingest;

import java.nio.file.Path;

/**
 * A file to read: where its bytes are on disk, and the name the producer gave it (an upload is stored under a
 * temporary name, yet its extension is the second clue to its format, after its content).
 */
public record SourceFile(Path path, String name) {
    public static SourceFile of(Path path) {
        return new SourceFile(path, path.getFileName().toString());
    }

    /** Lower-case extension without the dot, or "" when the name has none. */
    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
