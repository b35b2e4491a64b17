package fr.mel.opale.ingest;

import fr.mel.opale.testing.SharedTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@link TableReaderContract} on a sample of this format. */
class ShapefileReaderContractTest extends TableReaderContract {
    @Override
    SourceFile sample(Path dir) throws IOException {
        Path copy = dir.resolve("zone_urba.zip");
        Files.copy(SharedTestData.file("geo/41175_PLU_ZONE_URBA_shp.zip"), copy);
        return SourceFile.of(copy);
    }

    @Override
    String format() {
        return "shapefile";
    }
}
