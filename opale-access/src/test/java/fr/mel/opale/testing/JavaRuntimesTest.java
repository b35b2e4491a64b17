package fr.mel.opale.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFeatureVersionOfAJavaHome() throws Exception {
        assertThat(JavaRuntimes.featureVersion(home("temurin-25", "JAVA_VERSION=\"25.0.3\"", true))).isEqualTo(25);
        assertThat(JavaRuntimes.featureVersion(home("openjdk-17", "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"",
                true))).isEqualTo(17);
        assertThat(JavaRuntimes.featureVersion(home("jre-8", "JAVA_VERSION=\"1.8.0_402\"", true))).isEqualTo(1);
    }

    @Test
    void aDirectoryWithoutAJavaOrAReleaseFileIsNoJavaHome() throws Exception {
        assertThat(JavaRuntimes.featureVersion(home("no-java", "JAVA_VERSION=\"25\"", false))).isEqualTo(-1);
        assertThat(JavaRuntimes.featureVersion(Files.createDirectories(dir.resolve("empty/bin")).getParent()))
                .isEqualTo(-1);
    }

    @Test
    void theRunningJavaIsFoundWhenRecentEnough() {
        int running = Runtime.version().feature();
        JavaRuntimes.Found found = JavaRuntimes.find(running, "OPALE_TEST_UNSET_JAVA_HOME_VARIABLE");
        assertThat(found.javaHome()).isPresent();
        assertThat(JavaRuntimes.featureVersion(found.home())).isGreaterThanOrEqualTo(running);
        JavaRuntimes.Found none = JavaRuntimes.find(1000, "OPALE_TEST_UNSET_JAVA_HOME_VARIABLE");
        assertThat(none.javaHome()).isEmpty();
        assertThat(none.missing()).contains("aucun JDK 1000+");
    }

    private Path home(String name, String release, boolean withJava) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
        Files.writeString(home.resolve("release"), release + "\n");
        if (withJava) {
            Path java = Files.createFile(home.resolve("bin/java"));
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }
}
