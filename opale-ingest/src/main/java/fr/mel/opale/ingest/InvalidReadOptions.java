package fr.mel.opale.ingest;

/** The producer's options or overrides do not fit the file (unknown column, layer or CRS, duplicate name…). */
public final class InvalidReadOptions extends IngestException {
    public InvalidReadOptions(String code, String message) {
        super(code, message, null);
    }
}
