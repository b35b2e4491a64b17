package fr.mel.opale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path workingDirectory;

    @Test
    void warnsWhenOnlyTheFormerDefaultDirectoryExists() throws IOException {
        Files.createDirectory(workingDirectory.resolve("opale-data"));

        assertThat(DataDirectory.formerDefaultLeftBehind(workingDirectory)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("./data").contains("opale-data").contains("OPALE_DATA_DIR=./opale-data"));
    }

    @Test
    void staysQuietOnceTheNewDefaultExistsOrWhenThereWasNoFormerOne() throws IOException {
        assertThat(DataDirectory.formerDefaultLeftBehind(workingDirectory)).isEmpty();

        Files.createDirectory(workingDirectory.resolve("opale-data"));
        Files.createDirectory(workingDirectory.resolve("data"));
        assertThat(DataDirectory.formerDefaultLeftBehind(workingDirectory)).isEmpty();
    }
}
