package fr.mel.opale.data;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The crash test on the embedded default: an H2 file database, as {@code java -jar opale.jar} runs it. */
class CrashRecoveryH2Test extends CrashRecoveryContract {
    @TempDir
    Path directory;

    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("opale") + ";DB_CLOSE_ON_EXIT=FALSE",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }
}
