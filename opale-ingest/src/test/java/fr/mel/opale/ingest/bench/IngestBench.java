package fr.mel.opale.ingest.bench;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnProfile;
import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.ReadSummary;
import fr.mel.opale.ingest.Row;
import fr.mel.opale.ingest.RowStream;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.TableReaders;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Not a test: generates a 1 000 000-row CSV (~100 MB: integers, decimals with commas, dates, booleans, text,
 * lat/lon, a late "N/A") in a temporary directory, then times the analysis pass and a full read pass, printing
 * rows/s and the peak heap. Run with a bounded heap, e.g.:
 *
 * <pre>{@code
 * mvn -q -pl opale-ingest test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx512m -cp opale-ingest/target/classes:opale-ingest/target/test-classes:$(cat cp.txt) \
 *     fr.mel.opale.ingest.bench.IngestBench [rows]
 * }</pre>
 * The ratio to PostgreSQL's COPY belongs to the publisher's benchmark (bench/), which loads what this reads.
 */
public final class IngestBench {
    private IngestBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("opale-bench");
        Path file = dir.resolve("bench.csv");
        try {
            long t0 = System.nanoTime();
            generate(file, rows);
            System.out.printf("fichier : %d lignes, %.1f Mo, généré en %.1f s%n", rows, Files.size(file) / 1e6,
                    (System.nanoTime() - t0) / 1e9);
            resetPeaks();
            TableReaders readers = TableReaders.standard();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            Analysis analysis = readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
            double analyse = (System.nanoTime() - t1) / 1e9;
            double analyseCpu = (threads.getCurrentThreadCpuTime() - c1) / 1e9;
            System.out.printf("analyse : %.2f s (CPU %.2f s), %.0f lignes/s (CPU : %.0f), %s, géométrie %s%n",
                    analyse, analyseCpu, rows / analyse, rows / analyseCpu, analysis.plan().settings().encoding(),
                    analysis.plan().geometry());
            for (ColumnProfile c : analysis.columns()) {
                System.out.printf("  %-12s %-9s nulls=%d distincts=%d%s%n", c.name(), c.type(), c.nulls(),
                        c.distinct(), c.distinctExact() ? "" : " (estimé)");
            }
            analysis.warnings().forEach(w -> System.out.println("  ! " + w.message()));
            long c2 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            long checksum = 0;
            ReadSummary summary;
            try (RowStream stream = readers.open(SourceFile.of(file), analysis.plan(), Limits.DEFAULT,
                    ReadListener.NONE)) {
                for (Row row = stream.next(); row != null; row = stream.next()) {
                    checksum += row.values().length + (row.geometry() == null ? 0 : 1);
                }
                summary = stream.summary();
            }
            double read = (System.nanoTime() - t2) / 1e9;
            double readCpu = (threads.getCurrentThreadCpuTime() - c2) / 1e9;
            System.out.printf("lecture : %.2f s (CPU %.2f s), %.0f lignes/s (CPU : %.0f), %d lignes, %d géométries "
                    + "(contrôle %d)%n", read, readCpu, rows / read, rows / readCpu, summary.rows(),
                    summary.geometries(), checksum);
            System.out.printf("total analyse + lecture : %.2f s (CPU du fil %.2f s) ; charge %.1f sur %d cœurs ; "
                    + "tas max %d Mo ; pic du tas %.0f Mo%n", analyse + read, analyseCpu + readCpu,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    peakHeap() / 1e6);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void generate(Path file, int rows) throws IOException {
        Random random = new Random(42);
        String[] communes = {"Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Marcq-en-Barœul", "Wattrelos"};
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id;nom;commune;nb_places;montant;date_pose;couvert;latitude;longitude;commentaire\n");
            for (int i = 1; i <= rows; i++) {
                w.write(Integer.toString(i));
                w.write(";Arceau n°");
                w.write(Integer.toString(i));
                w.write(';');
                w.write(communes[random.nextInt(communes.length)]);
                w.write(';');
                w.write(i == rows - 10 ? "N/A" : Integer.toString(random.nextInt(40)));
                w.write(';');
                w.write(String.format(java.util.Locale.FRANCE, "%.2f", random.nextDouble() * 10_000));
                w.write(';');
                w.write(String.format("%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12),
                        2000 + random.nextInt(25)));
                w.write(';');
                w.write(random.nextBoolean() ? "oui" : "non");
                w.write(';');
                w.write(Double.toString(50.55 + random.nextDouble() * 0.2));
                w.write(';');
                w.write(Double.toString(2.95 + random.nextDouble() * 0.3));
                w.write(';');
                w.write(random.nextInt(10) == 0 ? "\"Près de l'entrée; côté rue\"" : "");
                w.write('\n');
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak heap in use. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
