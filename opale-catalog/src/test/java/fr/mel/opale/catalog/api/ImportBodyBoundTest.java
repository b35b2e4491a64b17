package fr.mel.opale.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.catalog.CatalogProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The upload bound of {@code POST /api/records/import}: exactly the limit passes, one byte more is a 413. */
class ImportBodyBoundTest {
    private static final long MAX = 3L * 1024 * 1024;

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
        try (InputStream in = new ImportController.Bounded(body(MAX), MAX)) {
            assertThat(in.readAllBytes()).hasSize((int) MAX);
        }
    }

    @Test
    void oneByteMoreIsRefusedNotCut() throws IOException {
        try (InputStream in = new ImportController.Bounded(body(MAX + 1), MAX)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(CatalogProblem.class)
                    .hasMessageContaining("L'envoi dépasse la taille maximale acceptée (3 Mo).");
        }
    }

    @Test
    void singleByteReadsCountToo() throws IOException {
        try (InputStream in = new ImportController.Bounded(body(4), 3)) {
            for (int i = 0; i < 3; i++) {
                assertThat(in.read()).isZero();
            }
            assertThatThrownBy(in::read).isInstanceOf(CatalogProblem.class);
        }
    }

    private static InputStream body(long size) {
        return new ByteArrayInputStream(new byte[(int) size]);
    }
}
