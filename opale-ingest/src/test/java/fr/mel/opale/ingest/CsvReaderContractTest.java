package fr.mel.opale.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@link TableReaderContract} on a sample of this format. */
class CsvReaderContractTest extends TableReaderContract {
    @Override
    SourceFile sample(Path dir) throws IOException {
        return SourceFile.of(Files.writeString(dir.resolve("arceaux.csv"),
                "nom;places;lat;lon;pose\nA;3;50.63;3.06;01/02/2020\nB;N/A;50.64;3.07;\nC;5;;;02/02/2020\n"));
    }

    @Override
    String format() {
        return "csv";
    }
}
