package fr.mel.opale.ingest;

import fr.mel.opale.testing.SharedTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@link TableReaderContract} on a sample of this format. */
class GeoPackageReaderContractTest extends TableReaderContract {
    @Override
    SourceFile sample(Path dir) throws IOException {
        Path copy = dir.resolve("pprt.gpkg");
        Files.copy(SharedTestData.file("geo/pprt_69dreal20090005.gpkg"), copy);
        return SourceFile.of(copy);
    }

    @Override
    String format() {
        return "geopackage";
    }
}
