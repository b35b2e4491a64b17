package fr.mel.opale.data.bench;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DataStoreContract;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.LoadResult;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.testing.OnPostgis;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The load target — within a small factor of PostgreSQL's own COPY: loading a 1 000 000-row CSV (~100 MB, mixed types, lon/lat around Lille) into PostGIS with
 * {@link Datasets#load}, as a ratio to PostgreSQL's own {@code COPY} of the same file in the same run, and the peak
 * heap. Not a test (the class name keeps it out of {@code mvn verify}); see {@code bench/README.md} for the command.
 *
 * <p>The reference: {@code COPY ref FROM STDIN (FORMAT csv)} of the very file, through pgjdbc's CopyManager, into a
 * table with the same typed columns plus lon/lat as doubles and a STORED generated column
 * {@code geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326)} — PostgreSQL parses the CSV and builds the geometry itself
 * in the same pass (an {@code UPDATE} afterwards would rewrite every row and flatter us). Reported twice: COPY alone,
 * and COPY plus what makes a table servable and what our load also does (primary key, GiST index, ANALYZE).
 */
@OnPostgis
@SpringBootTest(classes = DataStoreContract.DataTestApplication.class)
class LoadBenchmark {
    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

    @Autowired
    Datasets datasets;
    @Autowired
    AccessPolicy policy;
    @Autowired
    DataSource dataSource;

    @Test
    void loadVersusCopy() throws Exception {
        Path csv = Files.createTempFile("opale-bench-", ".csv");
        try {
            BenchmarkCsv.write(csv, ROWS);
            System.out.printf(Locale.ROOT, "%nCSV: %,d rows, %.1f MB, max heap %d MB%n", ROWS,
                    Files.size(csv) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
            for (int round = 1; round <= ROUNDS; round++) {
                long[] reference = reference(csv);
                System.gc();
                HeapPeak heap = new HeapPeak();
                long start = System.nanoTime();
                CsvRows rows = new CsvRows(csv);
                LoadResult result = policy.asPlatform(() -> {
                    Dataset dataset = datasets.create("Banc d'essai " + System.nanoTime(), null);
                    return datasets.load(dataset.id(), SCHEMA, rows, LoadOptions.defaults());
                });
                long ours = System.nanoTime() - start;
                long peak = heap.stop();
                if (!result.succeeded() || result.version().rowCount() != ROWS) {
                    throw new IllegalStateException("Load failed: " + result, result.cause());
                }
                System.out.printf(Locale.ROOT, "round %d: COPY %.2f s, COPY+pk+gist+analyze %.2f s, Datasets.load %.2f s"
                                + " -> ratio %.2f x COPY, %.2f x COPY+indexes; peak heap during load %d MB (pools %d MB)%n",
                        round, reference[0] / 1e9, (reference[0] + reference[1]) / 1e9, ours / 1e9,
                        (double) ours / reference[0], (double) ours / (reference[0] + reference[1]),
                        peak >> 20, heap.poolPeaks() >> 20);
                policy.asPlatform(() -> {
                    datasets.delete(result.version().datasetId());
                    return null;
                });
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Times {COPY, then primary key + GiST + ANALYZE} in nanoseconds. */
    private long[] reference(Path csv) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_reference");
            statement.execute("CREATE TABLE bench_reference (id BIGINT, montant NUMERIC, jour DATE, libelle TEXT, "
                    + "commune TEXT, ouvert BOOLEAN, lon DOUBLE PRECISION, lat DOUBLE PRECISION, "
                    + "geom geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED)");
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            try (InputStream in = Files.newInputStream(csv)) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_reference (id, montant, jour, "
                        + "libelle, commune, ouvert, lon, lat) FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
            }
            long copied = System.nanoTime();
            statement.execute("ALTER TABLE bench_reference ADD PRIMARY KEY (id)");
            statement.execute("CREATE INDEX bench_reference_geom ON bench_reference USING GIST (geom)");
            statement.execute("ANALYZE bench_reference");
            connection.commit();
            long indexed = System.nanoTime();
            connection.setAutoCommit(true);
            statement.execute("DROP TABLE bench_reference");
            return new long[] {copied - start, indexed - copied};
        }
    }

    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(
            Column.of("id", ColumnType.INTEGER), Column.of("montant", ColumnType.DECIMAL),
            Column.of("jour", ColumnType.DATE), Column.of("libelle", ColumnType.TEXT),
            Column.of("commune", ColumnType.TEXT), Column.of("ouvert", ColumnType.BOOLEAN)),
            GeometryInfo.wgs84(GeometryType.POINT));

    /** What a CSV reader of ingest would hand over: typed values and a JTS point, one row at a time. */
    private static final class CsvRows implements RowSource {
        private final GeometryFactory jts = new GeometryFactory();
        private final Reader reader;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final Object[] values = new Object[6];

        CsvRows(Path csv) throws Exception {
            reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
            parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            records = parser.iterator();
        }

        @Override
        public @Nullable Row next() {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            values[0] = Long.parseLong(record.get(0));
            values[1] = new BigDecimal(record.get(1));
            values[2] = LocalDate.parse(record.get(2));
            values[3] = record.get(3);
            values[4] = record.get(4);
            values[5] = Boolean.parseBoolean(record.get(5));
            return new Row(values, jts.createPoint(new Coordinate(Double.parseDouble(record.get(6)),
                    Double.parseDouble(record.get(7)))));
        }

        @Override
        public void close() throws Exception {
            parser.close();
            reader.close();
        }
    }
}
