package fr.mel.opale.data;

import fr.mel.opale.data.testing.CrashTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The crash test on the embedded default: an H2 file database, as {@code java -jar opale.jar} runs it. */
class CrashRecoveryH2Test extends CrashRecoveryContract {
    @TempDir
    Path directory;

    @Override
    CrashTestDatabase database() {
        return CrashTestDatabase.h2File(directory);
    }
}
