package fr.mel.opale.ingest.job;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.ingest.IngestTestApplication;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server {@link KilledImportContract} kills: boots the ingest test application on the database given as Spring
 * arguments, publishes {@code args[0]} as version 1 of a new dataset through the real job path
 * ({@link IngestJobs#submitUpload}), then submits {@code args[1]} as a re-ingest of that dataset and reports, every
 * 100 ms, where that job stands, until its parent kills it:
 * <pre>
 * KILL-TEST PUBLISHED &lt;datasetId&gt; &lt;recordId&gt;
 * KILL-TEST REINGEST &lt;jobId&gt;
 * KILL-TEST JOB &lt;status&gt; &lt;progress&gt; &lt;status of version 2, or NONE&gt;   (repeated)
 * </pre>
 * It never ends by itself except on a failure or after {@link #SELF_DESTRUCT_SECONDS}, so that a parent that died
 * first does not leave it running on CI.
 */
public final class KilledImport {
    static final String PREFIX = "KILL-TEST ";
    static final long SELF_DESTRUCT_SECONDS = 240;

    private KilledImport() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SELF_DESTRUCT_SECONDS * 1000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(3);
        }, "kill-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path first = Path.of(args[0]);
        Path big = Path.of(args[1]);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestTestApplication.class)
                .properties("server.port=0") // a real server, as in production: access needs the web stack
                .run(Arrays.copyOfRange(args, 2, args.length));
        AccessPolicy policy = context.getBean(AccessPolicy.class);
        IngestJobs jobs = context.getBean(IngestJobs.class);
        Datasets datasets = context.getBean(Datasets.class);

        IngestJob published = policy.asPlatform(() -> jobs.submitUpload(first.getFileName().toString(),
                target -> Files.copy(first, target), IngestOptions.NONE.withTitle("Arceaux interrompus"), null));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!published.status().finished()) {
            if (System.nanoTime() > deadline) {
                fail(out, "version 1 not published in time: " + published);
            }
            Thread.sleep(50);
            String id = published.id();
            published = policy.asPlatform(() -> jobs.find(id)).orElseThrow();
        }
        if (published.status() != JobStatus.SUCCEEDED || published.version() == null || published.version() != 1) {
            fail(out, "version 1 not published: " + published);
        }
        String datasetId = published.datasetId();
        out.println(PREFIX + "PUBLISHED " + datasetId + " " + published.recordId());

        IngestJob reingest = policy.asPlatform(() -> jobs.submitUpload(big.getFileName().toString(),
                target -> Files.copy(big, target), IngestOptions.NONE, datasetId));
        out.println(PREFIX + "REINGEST " + reingest.id());
        while (true) {
            IngestJob job = policy.asPlatform(() -> jobs.find(reingest.id())).orElseThrow();
            String second = policy.asPlatform(() -> datasets.versions(datasetId)).stream()
                    .filter(v -> v.number() == 2).map(DatasetVersion::status).map(Enum::name).findFirst()
                    .orElse("NONE");
            out.println(PREFIX + "JOB " + job.status().code() + " " + job.progress() + " " + second);
            if (job.status().finished()) {
                fail(out, "the re-ingest ended before being killed: " + job);
            }
            Thread.sleep(100);
        }
    }

    private static void fail(PrintStream out, String why) {
        out.println(PREFIX + "UNEXPECTED " + why);
        System.exit(1);
    }
}
