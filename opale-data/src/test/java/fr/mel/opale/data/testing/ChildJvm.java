package fr.mel.opale.data.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A main class of the test classpath run in a JVM of its own, for the tests that kill a server ({@code kill -9}: no
 * shutdown hook, no rollback from our code) at a point it reports, then check what a restart makes of its database.
 * The child says where it stands in lines starting with a marker of its own ({@code CRASH-TEST ROWS 10000}); the rest
 * of what it prints (its logs) is only kept for failure messages.
 *
 * <p>Always closed in a try-with-resources: {@link #close()} kills the child if it still runs and waits until it is
 * gone, so that a failing test leaves no server writing into the database it checks, nor one running on CI. Read by
 * one thread.
 */
public final class ChildJvm implements AutoCloseable {
    /** A Spring Boot server and a streamed load fit; more would crowd the test JVM on a two-core machine. */
    private static final String MAX_HEAP = "-Xmx256m";
    private static final long EXIT_WAIT_SECONDS = 60;
    private static final int OUTPUT_LINES_KEPT = 60;
    /** The longest a child may run: a server started, a load or an import well under way, then killed. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final String marker;
    private final BufferedReader lines;
    private final List<String> output = new ArrayList<>();

    private ChildJvm(Process process, String marker) {
        this.process = process;
        this.marker = marker;
        this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code main} with this JVM's classpath and the given arguments, its stderr merged into its stdout.
     * Whatever happens it is killed after {@link #TIMEOUT}, which ends its output: a test waiting on a stuck child
     * fails instead of hanging.
     *
     * @param marker how the child's report lines start, e.g. {@code "CRASH-TEST "}
     */
    public static ChildJvm start(Class<?> main, String marker, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), MAX_HEAP, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture.delayedExecutor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).execute(process::destroyForcibly);
        return new ChildJvm(process, marker);
    }

    /**
     * Blocks until the child's next report and returns its words (the line after the marker, split on spaces), or
     * null once the child's output has ended: it exited, or was killed.
     */
    public @Nullable List<String> nextReport() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            output.add(line);
            if (line.startsWith(marker)) {
                return List.of(line.substring(marker.length()).strip().split(" "));
            }
        }
        return null;
    }

    /** Kills the child now, wherever it stands ({@code kill -9}). */
    public void kill() {
        process.destroyForcibly();
    }

    /** The last lines the child printed, reports and logs, for a failure message. */
    public String output() {
        return String.join("\n", output.subList(Math.max(0, output.size() - OUTPUT_LINES_KEPT), output.size()));
    }

    /** Kills the child if it still runs and waits until it is gone. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroyForcibly();
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("child JVM still running " + EXIT_WAIT_SECONDS + " s after kill -9");
            }
        } finally {
            lines.close();
        }
    }
}
