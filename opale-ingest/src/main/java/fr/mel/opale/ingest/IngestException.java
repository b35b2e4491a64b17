package fr.mel.opale.ingest;

/**
 * Why reading stopped: a stable {@link #code()} and a French message fit for the producer. The HTTP layer maps
 * these once to problem+json; nothing else should need to look at their text.
 */
public abstract sealed class IngestException extends RuntimeException
        permits UnreadableFile, InvalidReadOptions, ReadCancelled {
    private final String code;

    protected IngestException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Stable, kebab-case, e.g. {@code zip-bomb}, {@code binary-content}, {@code record-too-long}. */
    public String code() {
        return code;
    }
}
