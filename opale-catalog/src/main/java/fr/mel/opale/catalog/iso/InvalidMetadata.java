package fr.mel.opale.catalog.iso;

import org.jspecify.annotations.Nullable;

/**
 * A document that cannot be read as an ISO metadata record. The message is in French and safe to show to the user
 * who uploaded the file (it names a line and column, an element, never a server path or a stack trace).
 *
 * <p>{@link #reason()} lets callers branch without parsing the message: an import of a ZIP typically skips
 * {@link Reason#FEATURE_CATALOGUE} entries quietly and reports the others.
 */
public class InvalidMetadata extends RuntimeException {
    /** Why a document was refused; stable, usable as an error code. */
    public enum Reason {
        /** Nothing but whitespace. */
        EMPTY,
        /** Larger than the reader accepts. */
        TOO_LARGE,
        /** Not well-formed XML. */
        MALFORMED,
        /** A DOCTYPE (DTD, entities) was present: refused for security. */
        DOCTYPE,
        /** Well-formed XML, but not an ISO 19139 / 19115-3 record. */
        NOT_ISO,
        /** A stand-alone ISO 19110 feature catalogue: it describes attributes, it is not a record. */
        FEATURE_CATALOGUE,
        /** A record without any identifier. */
        NO_IDENTIFIER
    }

    private final Reason reason;
    private final @Nullable String fileName;

    public InvalidMetadata(Reason reason, String message, @Nullable String fileName) {
        this(reason, message, fileName, null);
    }

    public InvalidMetadata(Reason reason, String message, @Nullable String fileName, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.fileName = fileName;
    }

    public Reason reason() {
        return reason;
    }

    /** The file (or ZIP entry) that was being read, null when the caller did not say. */
    public @Nullable String fileName() {
        return fileName;
    }

    /** The message prefixed with the file name when known, e.g. {@code "a/b.xml : Le document est vide"}. */
    public String messageWithFileName() {
        return fileName == null ? getMessage() : fileName + " : " + getMessage();
    }
}
