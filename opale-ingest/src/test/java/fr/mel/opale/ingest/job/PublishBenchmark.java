package fr.mel.opale.ingest.job;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.LoadResult;
import fr.mel.opale.data.bench.BenchmarkCsv;
import fr.mel.opale.data.bench.HeapPeak;
import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.IngestTestApplication;
import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.SpeculativeRead;
import fr.mel.opale.ingest.TableReaders;
import fr.mel.opale.ingest.bench.LegacyBenchmarkCsv;
import fr.mel.opale.testing.OnPostgis;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The publication throughput target, end to end: a generated 1 000 000-row CSV (~100 MB: integer, decimal, date, quoted text,
 * commune, boolean, lon/lat) published into PostGIS, as a ratio to PostgreSQL's own {@code COPY} of the same file
 * in the same run, with the peak heap. Not a test (the name keeps it out of {@code mvn verify}); command in
 * {@code bench/README.md}. Per round:
 * <ul>
 * <li>reference: {@code COPY … (FORMAT csv)} into the same typed columns with a STORED generated point (PostgreSQL
 *     parses the file and builds the geometry itself), alone, then plus primary key + GiST + ANALYZE;</li>
 * <li>readers → {@code Datasets.load}: the whole-file analysis pass, then the read pass streamed into the load
 *     (COPY, key, spatial index, statistics, atomic switch);</li>
 * <li>read once → {@code Datasets.load}: the speculative read large files get ({@code SpeculativeRead}: rows typed
 *     by a plan guessed from the first 20 000 records while the same pass analyses them all), then the same load;</li>
 * <li>the whole import job ({@code IngestJobs}): the same plus SHA-256 of the file, duplicate-row counting, the
 *     catalog record and the data-quality report.</li>
 * </ul>
 */
@OnPostgis
// The production partition size: the tests' 5 000 rows a partition would make 200 of a million rows.
@SpringBootTest(classes = IngestTestApplication.class, properties = "opale.data.partition-rows=500000")
class PublishBenchmark {
    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** The timed paths to run, from {@code readers,once,job} (e.g. {@code -Dbench.paths=once} to profile one). */
    private static final String PATHS = System.getProperty("bench.paths", "readers,once,job");

    @Autowired
    Datasets datasets;
    @Autowired
    IngestJobs jobs;
    @Autowired
    TableReaders readers;
    @Autowired
    AccessPolicy policy;
    @Autowired
    DataSource dataSource;

    @Test
    void publishVersusCopy() throws Exception {
        Path csv = Files.createTempFile("opale-publish-bench-", ".csv");
        try {
            BenchmarkCsv.write(csv, ROWS);
            System.out.printf(Locale.ROOT, "%nCSV: %,d rows, %.1f MB, max heap %d MB%n", ROWS, Files.size(csv) / 1e6,
                    Runtime.getRuntime().maxMemory() >> 20);
            for (int round = 1; round <= ROUNDS; round++) {
                long[] reference = reference(csv);
                double copy = reference[0] / 1e9;
                double copyIndexed = (reference[0] + reference[1]) / 1e9;
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "round %d: COPY %.2f s (CPU %.2f s) | COPY+pk+gist+analyze %.2f s (CPU %.2f s)", round, copy,
                        reference[2] / 1e9, copyIndexed, (reference[2] + reference[3]) / 1e9));
                if (PATHS.contains("readers")) {
                    line.append(" | readers->Datasets.load ").append(measure(copy, copyIndexed, () -> twoPasses(csv)));
                }
                if (PATHS.contains("once")) {
                    line.append(" | read once->Datasets.load ").append(measure(copy, copyIndexed, () -> readOnce(csv)));
                }
                if (PATHS.contains("job")) {
                    Path upload = Files.createTempFile("opale-publish-upload-", ".csv");
                    Files.copy(csv, upload, StandardCopyOption.REPLACE_EXISTING);
                    line.append(" | whole job ").append(measure(copy, copyIndexed, () -> wholeJob(upload)));
                }
                System.out.println(line);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * The Windows-1252 CSV of {@link LegacyBenchmarkCsv} (';', decimal commas, dd/mm/yyyy dates, lon/lat, one late
     * {@code -Dbench.late} value in an integer column, "N/A" by default) published by the whole import job, against
     * what a DBA would type in psql on the same database in the same run: {@code \copy} of the file (re-encoded to
     * UTF-8, as psql's client encoding does) into text columns, {@code INSERT … SELECT} with the casts and the points,
     * then the primary key, the GiST index and {@code ANALYZE}. Run alone with {@code
     * -Dtest=PublishBenchmark#legacyCsvVersusDbaSql}.
     */
    @Test
    void legacyCsvVersusDbaSql() throws Exception {
        Path csv = Files.createTempFile("opale-publish-legacy-", ".csv");
        String late = System.getProperty("bench.late", "N/A");
        try {
            LegacyBenchmarkCsv.write(csv, ROWS, late);
            System.out.printf(Locale.ROOT, "%nWindows-1252 CSV: %,d rows, %.1f MB, late value « %s », max heap %d MB%n",
                    ROWS, Files.size(csv) / 1e6, late, Runtime.getRuntime().maxMemory() >> 20);
            for (int round = 1; round <= ROUNDS; round++) {
                long start = System.nanoTime();
                dbaSql(csv);
                double sql = (System.nanoTime() - start) / 1e9;
                Path upload = Files.createTempFile("opale-publish-upload-", ".csv");
                Files.copy(csv, upload, StandardCopyOption.REPLACE_EXISTING);
                List<String> codes = new java.util.ArrayList<>();
                String job = measure(() -> codes.addAll(wholeJob(upload)),
                        seconds -> String.format(Locale.ROOT, "%.2f x DBA SQL", seconds / sql));
                System.out.printf(Locale.ROOT, "round %d: DBA SQL (\\copy text, INSERT SELECT casts, pk, gist, "
                        + "analyze) %.2f s | whole job %s | job steps %s%n", round, sql, job,
                        codes.stream().filter(c -> c.startsWith("plan-") || c.equals("analysed")).toList());
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The DBA's way, timed as a whole from the first byte copied to the statistics. */
    private void dbaSql(Path csv) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_legacy_raw");
            statement.execute("DROP TABLE IF EXISTS bench_legacy");
            statement.execute("CREATE TABLE bench_legacy_raw (id TEXT, places TEXT, montant TEXT, date_releve TEXT, "
                    + "libelle TEXT, commune TEXT, ouvert TEXT, longitude TEXT, latitude TEXT)");
            statement.execute("CREATE TABLE bench_legacy (id BIGINT, places BIGINT, montant NUMERIC, "
                    + "date_releve DATE, libelle TEXT, commune TEXT, ouvert BOOLEAN, longitude NUMERIC, "
                    + "latitude NUMERIC, geom geometry(Point, 4326))");
            try (java.io.Reader in = Files.newBufferedReader(csv, java.nio.charset.Charset.forName("windows-1252"))) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_legacy_raw FROM STDIN "
                        + "(FORMAT csv, DELIMITER ';', HEADER true)", in, 1 << 16);
            }
            statement.execute("INSERT INTO bench_legacy SELECT id::bigint, CASE WHEN places ~ '^[0-9]+$' THEN "
                    + "places::bigint END, replace(montant, ',', '.')::numeric, to_date(date_releve, 'DD/MM/YYYY'), "
                    + "libelle, commune, ouvert = 'oui', replace(longitude, ',', '.')::numeric, "
                    + "replace(latitude, ',', '.')::numeric, ST_SetSRID(ST_MakePoint(replace(longitude, ',', '.')"
                    + "::float8, replace(latitude, ',', '.')::float8), 4326) FROM bench_legacy_raw");
            statement.execute("ALTER TABLE bench_legacy ADD PRIMARY KEY (id)");
            statement.execute("CREATE INDEX bench_legacy_geom ON bench_legacy USING GIST (geom)");
            statement.execute("ANALYZE bench_legacy");
            statement.execute("DROP TABLE bench_legacy_raw");
            statement.execute("DROP TABLE bench_legacy");
        }
    }

    /** One timed path. */
    @FunctionalInterface
    private interface Timed {
        void run() throws Exception;
    }

    /**
     * Runs one path and says its time, its ratios to the reference, its peak heap and the CPU it took: this JVM's,
     * and the rest of the machine's (mostly the PostgreSQL backends; the machine is meant to be otherwise idle).
     */
    private static String measure(double copy, double copyIndexed, Timed path) throws Exception {
        return measure(path, seconds -> String.format(Locale.ROOT, "%.2f x COPY, %.2f x COPY+indexes",
                seconds / copy, seconds / copyIndexed));
    }

    /** Runs one path; {@code ratios} says its time against the references. */
    private static String measure(Timed path, java.util.function.DoubleFunction<String> ratios) throws Exception {
        System.gc();
        HeapPeak heap = new HeapPeak();
        long jvmCpu = jvmCpuNanos();
        long machineCpu = machineCpuNanos();
        long start = System.nanoTime();
        path.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double jvm = (jvmCpuNanos() - jvmCpu) / 1e9;
        double rest = (machineCpuNanos() - machineCpu) / 1e9 - jvm;
        return String.format(Locale.ROOT, "%.2f s = %s (peak heap %d MB, CPU: JVM %.2f s, rest %.2f s)", seconds,
                ratios.apply(seconds), heap.stop() >> 20, jvm, rest);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the whole machine (every state but idle and iowait of /proc/stat), in nanoseconds. */
    private static long machineCpuNanos() throws java.io.IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long ticks = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                ticks += Long.parseLong(fields[i]);
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    /** The whole-file analysis pass, then the read pass streamed into the load. */
    private void twoPasses(Path csv) throws Exception {
        Analysis analysis = readers.analyse(SourceFile.of(csv), ReadOptions.DEFAULT, ReadListener.NONE);
        LoadResult loaded = policy.asPlatform(() -> {
            Dataset dataset = datasets.create("Banc publication " + System.nanoTime(), null);
            ImportPipeline.RowAdapter rows = new ImportPipeline.RowAdapter(readers.open(SourceFile.of(csv),
                    analysis.plan(), Limits.DEFAULT, ReadListener.NONE), true);
            return datasets.load(dataset.id(), ImportPipeline.schemaOf(analysis.plan()), rows,
                    LoadOptions.defaults().withExpectedRows(analysis.rows()));
        });
        check(loaded.succeeded() && loaded.version().rowCount() == ROWS, "load " + loaded);
        deleteDataset(loaded.version().datasetId());
    }

    /** The speculative read of large files, streamed into the same load. */
    private void readOnce(Path csv) throws Exception {
        LoadResult once = policy.asPlatform(() -> {
            Dataset dataset = datasets.create("Banc lecture unique " + System.nanoTime(), null);
            SpeculativeRead read = readers.speculate(SourceFile.of(csv), ReadOptions.DEFAULT, Limits.DEFAULT,
                    20_000, ReadListener.NONE);
            check(read != null, "lecture unique possible");
            return datasets.load(dataset.id(), ImportPipeline.schemaOf(read.guess()),
                    new ImportPipeline.RowAdapter(read, true), LoadOptions.defaults()
                            .withExpectedRows(read.expectedRows()));
        });
        check(once.succeeded() && once.version().rowCount() == ROWS, "read once " + once);
        deleteDataset(once.version().datasetId());
    }

    /** The whole import job, from the uploaded file (a copy of the CSV, moved into place) to its report. */
    private List<String> wholeJob(Path upload) throws Exception {
        IngestJob job = policy.asPlatform(() -> jobs.submitUpload("banc.csv",
                target -> Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING),
                IngestOptions.NONE.withTitle("Banc job " + System.nanoTime()), null));
        IngestJob done = job;
        while (!done.status().finished()) {
            Thread.sleep(20);
            String id = job.id();
            done = policy.asPlatform(() -> jobs.find(id).orElseThrow());
        }
        check(done.status() == JobStatus.SUCCEEDED && done.progress() == ROWS, "job " + done);
        deleteDataset(done.datasetId());
        return done.messages().stream().map(JobMessage::code).toList();
    }

    private void deleteDataset(String id) {
        policy.asPlatform(() -> {
            datasets.delete(id);
            return null;
        });
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Banc d'essai : échec de " + what);
        }
    }

    /**
     * Times {COPY, then primary key + GiST + ANALYZE} in nanoseconds, then the machine's CPU time for each (this JVM
     * only waits meanwhile: it is PostgreSQL's).
     */
    private long[] reference(Path csv) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_publish_reference");
            statement.execute("CREATE TABLE bench_publish_reference (id BIGINT, montant NUMERIC, jour DATE, "
                    + "libelle TEXT, commune TEXT, ouvert BOOLEAN, lon DOUBLE PRECISION, lat DOUBLE PRECISION, "
                    + "geom geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED)");
            long cpu = machineCpuNanos();
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            try (InputStream in = Files.newInputStream(csv)) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_publish_reference (id, montant, "
                        + "jour, libelle, commune, ouvert, lon, lat) FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
            }
            long copied = System.nanoTime();
            long copiedCpu = machineCpuNanos();
            statement.execute("ALTER TABLE bench_publish_reference ADD PRIMARY KEY (id)");
            statement.execute("CREATE INDEX bench_publish_reference_geom ON bench_publish_reference USING GIST (geom)");
            statement.execute("ANALYZE bench_publish_reference");
            connection.commit();
            long indexed = System.nanoTime();
            long indexedCpu = machineCpuNanos();
            connection.setAutoCommit(true);
            statement.execute("DROP TABLE bench_publish_reference");
            return new long[] {copied - start, indexed - copied, copiedCpu - cpu, indexedCpu - copiedCpu};
        }
    }
}
