package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Feature;
import fr.mel.opale.ogcapi.core.GeoJsonWriter;
import java.io.IOException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes features as one GeoJSON FeatureCollection (RFC 7946), streamed to the target as rows arrive — the same
 * features as {@code /items} ({@link GeoJsonWriter}), without paging links, ending with {@code numberReturned}.
 */
final class GeoJsonFeatureWriter implements FeatureWriter {
    /** As the OGC API's JSON: the fast double writer (Ryu), the same digits as the JDK's. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();
    private final JsonGenerator json;
    private final GeoJsonWriter features;
    private long returned;

    GeoJsonFeatureWriter(DownloadSelection selection, DownloadTarget target) throws IOException {
        this.json = JSON.createGenerator(target.open(-1));
        json.writeStartObject();
        json.writeName("type");
        json.writeString("FeatureCollection");
        json.writeName("features");
        json.writeStartArray();
        this.features = new GeoJsonWriter(json, selection.crs());
    }

    @Override
    public void write(Feature feature) {
        features.feature(feature, null);
        returned++;
    }

    @Override
    public void finish() {
        json.writeEndArray();
        json.writeName("numberReturned");
        json.writeNumber(returned);
        json.writeEndObject();
        json.flush();
    }

    @Override
    public void close() {
        json.close();
    }
}
