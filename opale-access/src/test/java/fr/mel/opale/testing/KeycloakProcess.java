package fr.mel.opale.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak server process of our own, from the distribution Maven unpacked ({@code kc.sh}), run by a Java 21+
 * runtime on {@code 127.0.0.1} and a free port, its realms imported at start into an in-memory database.
 *
 * <p>Keycloak must be "built" (Quarkus augmentation, about a minute) for its build-time options before an
 * {@code --optimized} start; that is done once per unpacked distribution, under a file lock so that two test JVMs
 * never build at the same time, and remembered in {@code .opale-build} (the options it was built with). The
 * production {@code start} is used rather than {@code start-dev}: development mode cannot be built ahead and
 * would rebuild implicitly at its first start; {@code --optimized} skips every build check. The build options give
 * it what {@code start-dev} has: an in-memory H2 database ({@code dev-mem}: a fresh server each start, nothing left
 * on disk) and a local cache (no cluster ports).
 *
 * <p>The server lives as long as this JVM: {@code kc.sh} runs under a small shell that stops it when its standard
 * input closes, which {@link #stop()} does and the operating system does when the JVM dies, however it dies.
 * {@code .ci/run} starts Keycloak the same way with the same options (keep them in step).
 */
final class KeycloakProcess {
    /** Keycloak's build-time options; .ci/run writes the same line into {@code .opale-build}. */
    static final String BUILD_OPTIONS = "--db=dev-mem --cache=local";
    private static final String BUILD_MARKER = ".opale-build";
    /** Stops Keycloak (its kc.sh forwards the TERM to the server) once standard input reaches its end. */
    private static final String STOP_WHEN_STDIN_CLOSES = "\"$@\" & server=$!; read -r _; kill -TERM \"$server\"; wait \"$server\"";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    private final Process process;
    private final URI url;
    private final Path log;

    private KeycloakProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Builds the distribution if it has not been built for {@link #BUILD_OPTIONS}, puts the realm files in its
     * import directory and starts it. Returns at once: the caller waits until the realms answer.
     *
     * @param home   the unpacked distribution ({@code bin/kc.sh} inside)
     * @param realms the realm files (classpath resources) to import
     * @throws IllegalStateException when the build fails (its log named in the message)
     */
    static KeycloakProcess start(Path home, Path javaHome, List<String> realms, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path logs = Files.createDirectories(home.resolveSibling("logs"));
        prepare(home, javaHome, realms, logs.resolve("keycloak-build.log"));
        int port = freePort();
        Path log = logs.resolve("keycloak-" + port + ".log");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", STOP_WHEN_STDIN_CLOSES, "keycloak"));
        command.addAll(kc(home, "start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + port, "--hostname-strict=false", "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        configure(builder, javaHome).putAll(environment);
        return new KeycloakProcess(builder.start(), URI.create("http://localhost:" + port), log);
    }

    URI url() {
        return url;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server and waits for it (a few seconds); kills what is left after 20 s. */
    void stop() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void prepare(Path home, Path javaHome, List<String> realms, Path buildLog)
            throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(home.resolveSibling("keycloak.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Path marker = home.resolve(BUILD_MARKER);
            if (!Files.isRegularFile(marker) || !Files.readString(marker).strip().equals(BUILD_OPTIONS)) {
                build(home, javaHome, buildLog);
                Files.writeString(marker, BUILD_OPTIONS + "\n");
            }
            Path imports = Files.createDirectories(home.resolve("data/import"));
            for (String realm : realms) {
                try (InputStream in = KeycloakProcess.class.getClassLoader().getResourceAsStream(realm)) {
                    if (in == null) {
                        throw new IllegalStateException("fichier de royaume absent du classpath : " + realm);
                    }
                    Files.copy(in, imports.resolve(Path.of(realm).getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void build(Path home, Path javaHome, Path log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(kc(home, "build"));
        command.addAll(List.of(BUILD_OPTIONS.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        configure(builder, javaHome);
        Process build = builder.start();
        build.getOutputStream().close();
        if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            build.descendants().forEach(ProcessHandle::destroyForcibly);
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build dépasse " + BUILD_TIMEOUT.toMinutes() + " min ; journal : " + log);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build a échoué (code " + build.exitValue() + ") ; journal : " + log
                    + "\n" + tail(log));
        }
        System.err.printf("Keycloak construit (%s) en %d s%n", BUILD_OPTIONS,
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    private static List<String> kc(Path home, String... arguments) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs under the given Java; Keycloak settings of the surrounding shell (KC_*, JAVA_OPTS) do not leak in. */
    private static Map<String, String> configure(ProcessBuilder builder, Path javaHome) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                || name.equals("JAVA_OPTS") || name.equals("JAVA_OPTS_APPEND") || name.equals("JAVA"));
        environment.put("JAVA_HOME", javaHome.toString());
        return environment;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The last lines of a log, for a failure message; empty when it cannot be read. */
    static String tail(Path log) {
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
