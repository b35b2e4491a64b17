package fr.mel.opale.ingest;

import org.jspecify.annotations.Nullable;

/** The file cannot be read (empty, binary, hostile archive, broken format…): nothing of it should be published. */
public final class UnreadableFile extends IngestException {
    public UnreadableFile(String code, String message) {
        super(code, message, null);
    }

    public UnreadableFile(String code, String message, @Nullable Throwable cause) {
        super(code, message, cause);
    }
}
