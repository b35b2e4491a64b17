package fr.mel.opale.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given feature version for a tool the tests start in a process of its own
 * (Keycloak needs 21+ while the project builds on 17): the one named by an environment variable if set, else the
 * newest of the running JVM and those installed under {@code /usr/lib/jvm} (where Debian and Temurin's packages put
 * them). A runtime is a directory with an executable {@code bin/java} and a {@code release} file naming its version.
 */
final class JavaRuntimes {
    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private JavaRuntimes() {
    }

    /**
     * @param override an environment variable naming a Java home to use instead of searching
     * @return the Java home found, or a sentence saying what is missing
     */
    static Found find(int minimumVersion, String override) {
        String named = System.getenv(override);
        if (named != null && !named.isBlank()) {
            Path home = Path.of(named);
            int version = featureVersion(home);
            return version >= minimumVersion ? new Found(home, null)
                    : new Found(null, override + "=" + named + " n'est pas un JDK " + minimumVersion + "+ ("
                    + (version < 0 ? "pas de bin/java ni de fichier release" : "Java " + version) + ")");
        }
        List<Path> candidates = Stream.concat(Stream.of(Path.of(System.getProperty("java.home"))), installed())
                .filter(home -> featureVersion(home) >= minimumVersion)
                .sorted(Comparator.comparingInt(JavaRuntimes::featureVersion).reversed())
                .toList();
        return candidates.isEmpty()
                ? new Found(null, "aucun JDK " + minimumVersion + "+ sous " + SYSTEM_JVMS
                + " (installez-en un, Temurin 25 par exemple, ou nommez-le par " + override + ")")
                : new Found(candidates.get(0), null);
    }

    /** The feature version ({@code 25} for 25.0.3) a Java home declares, or -1 when it is not a usable one. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return -1;
        }
        try {
            Matcher version = VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            return version.find() ? Integer.parseInt(version.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Stream<Path> installed() {
        if (!Files.isDirectory(SYSTEM_JVMS)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(SYSTEM_JVMS)) {
            return entries.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Either a Java home or why none was found. */
    record Found(Path home, String missing) {
        Optional<Path> javaHome() {
            return Optional.ofNullable(home);
        }
    }
}
