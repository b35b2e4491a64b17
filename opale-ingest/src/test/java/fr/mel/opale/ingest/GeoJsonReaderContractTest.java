package fr.mel.opale.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@link TableReaderContract} on a sample of this format. */
class GeoJsonReaderContractTest extends TableReaderContract {
    @Override
    SourceFile sample(Path dir) throws IOException {
        return SourceFile.of(Files.writeString(dir.resolve("arceaux.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"nom":"A","places":3},"geometry":{"type":"Point","coordinates":[3.06,50.63]}},
                {"type":"Feature","properties":{"nom":"B","depuis":"2020-02-01"},"geometry":null},
                {"type":"Feature","properties":{"nom":"C","places":2.5},"geometry":{"type":"LineString","coordinates":[[3,50],[3.1,50.1]]}}
                ]}"""));
    }

    @Override
    String format() {
        return "geojson";
    }
}
