package fr.mel.opale.ingest;

import fr.mel.opale.ingest.internal.FileSniffer;
import fr.mel.opale.ingest.internal.CsvReader;
import fr.mel.opale.ingest.internal.GeoJsonReader;
import fr.mel.opale.ingest.internal.GeoPackageReader;
import fr.mel.opale.ingest.internal.ShapefileReader;
import fr.mel.opale.ingest.internal.XlsxReader;
import java.util.List;

/**
 * The entry point: chooses the reader of a file by its content first (magic numbers, text or binary), its
 * extension second, then analyses it or opens its rows. Thread-safe; one instance serves the whole application.
 *
 * <pre>{@code
 * TableReaders readers = TableReaders.standard();
 * Analysis analysis = readers.analyse(file, ReadOptions.DEFAULT, listener);    // shown to the producer
 * ReadPlan plan = analysis.plan().apply(overrides);                             // the producer's corrections
 * try (RowStream rows = readers.open(file, plan, Limits.DEFAULT, listener)) {   // then publish
 *     for (Row row = rows.next(); row != null; row = rows.next()) { ... }
 *     ReadSummary summary = rows.summary();
 * }
 * }</pre>
 */
public final class TableReaders {
    private final List<TableReader> readers;

    public TableReaders(List<TableReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** CSV/TSV/TXT, XLSX, GeoJSON, zipped Shapefile, GeoPackage. */
    public static TableReaders standard() {
        return new TableReaders(List.of(new GeoPackageReader(), new XlsxReader(), new ShapefileReader(),
                new GeoJsonReader(), new CsvReader()));
    }

    /**
     * The reader for this file.
     *
     * @throws UnreadableFile when the file is empty, binary in a text format's clothes, or of no known format
     */
    public TableReader readerFor(SourceFile file) {
        return new FileSniffer(readers).readerFor(file);
    }

    public Analysis analyse(SourceFile file, ReadOptions options, ReadListener listener) {
        return readerFor(file).analyse(file, options, listener);
    }

    /** Rows read while the whole file is analysed, or null: see {@link TableReader#speculate}. */
    public @org.jspecify.annotations.Nullable SpeculativeRead speculate(SourceFile file, ReadOptions options,
                                                                        Limits limits, int guessRows,
                                                                        ReadListener listener) {
        return readerFor(file).speculate(file, options, limits, guessRows, listener);
    }

    /** Opens the rows as the plan says, with the reader the plan names. */
    public RowStream open(SourceFile file, ReadPlan plan, Limits limits, ReadListener listener) {
        TableReader reader = readers.stream().filter(r -> r.format().equals(plan.settings().format())).findFirst()
                .orElseThrow(() -> new InvalidReadOptions("unknown-format",
                        "Format « " + plan.settings().format() + " » inconnu."));
        return reader.open(file, plan, limits, listener);
    }
}
