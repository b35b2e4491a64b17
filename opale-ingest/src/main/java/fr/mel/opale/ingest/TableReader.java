package fr.mel.opale.ingest;

/**
 * One file format. Implementations are stateless and thread-safe; each pass opens the file anew and streams it, so
 * memory does not grow with the number of rows. Add a format by implementing this and registering it in
 * {@link TableReaders}; the conformance kit ({@code TableReaderContract} in the tests) says what each must pass.
 */
public interface TableReader {
    /** Short name, as in {@link SourceSettings#format()}: csv, xlsx, geojson, shapefile, geopackage. */
    String format();

    /**
     * Whether this reader takes a file whose first bytes are these (content first: magic numbers, text shape).
     *
     * @param head up to the first 64 KiB of the file
     */
    boolean accepts(byte[] head, SourceFile file);

    /**
     * Reads the whole file once: detects settings, infers column types over all rows, guesses the geometry,
     * profiles columns, counts rows and collects warnings. Then applies {@code options.overrides()}.
     *
     * @throws UnreadableFile     with a French message when the file cannot be read
     * @throws InvalidReadOptions when an option does not fit the file (unknown layer, column…)
     * @throws ReadCancelled      when the listener asks to stop
     */
    Analysis analyse(SourceFile file, ReadOptions options, ReadListener listener);

    /** Opens the rows of the file as the plan says. Types the plan forces are applied; misfits become nulls. */
    RowStream open(SourceFile file, ReadPlan plan, Limits limits, ReadListener listener);

    /**
     * Reads the rows and analyses the whole file in the same pass ({@link SpeculativeRead}), the plan guessed from
     * the first {@code guessRows} records; null when this format cannot, or when those records are all the file
     * has (then analyse, and open).
     */
    default @org.jspecify.annotations.Nullable SpeculativeRead speculate(SourceFile file, ReadOptions options,
                                                                         Limits limits, int guessRows,
                                                                         ReadListener listener) {
        return null;
    }
}
