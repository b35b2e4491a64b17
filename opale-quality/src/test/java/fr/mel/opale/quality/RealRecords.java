package fr.mel.opale.quality;

import fr.mel.opale.catalog.iso.IsoReader;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.testing.SharedTestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real ISO records of {@code ../shared/data/iso-metadata} (third-party files, never copied here), read with the
 * catalog's {@link IsoReader}. Found through {@link SharedTestData}: missing, the calling test is skipped, or fails
 * under {@code OPALE_REQUIRE_SHARED_DATA=true}.
 */
public final class RealRecords {
    private RealRecords() {
    }

    public static Path isoDir() {
        return SharedTestData.file("iso-metadata");
    }

    /** {@code relative} under {@code iso-metadata}, e.g. {@code geonetwork-db-dump/record-with-no-link.iso19139.xml}. */
    public static Path file(String relative) {
        return SharedTestData.file("iso-metadata/" + relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CatalogRecord read(String relative) {
        return new IsoReader().read(bytes(relative), file(relative).getFileName().toString());
    }
}
