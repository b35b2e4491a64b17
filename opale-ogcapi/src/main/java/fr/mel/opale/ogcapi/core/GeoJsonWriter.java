package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.Feature;
import fr.mel.opale.geo.geojson.GeoJsonGeometryWriter;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes features as GeoJSON (RFC 7946) on a streaming generator, geometries reprojected to the requested CRS (axis
 * order of that CRS) and written by opale-geo's {@link GeoJsonGeometryWriter}. A feature without geometry — every
 * feature of a non-geographic collection — has {@code "geometry": null}.
 */
public final class GeoJsonWriter {
    private final JsonGenerator json;
    private final SupportedCrs crs;

    public GeoJsonWriter(JsonGenerator json, SupportedCrs crs) {
        this.json = json;
        this.crs = crs;
    }

    public void feature(Feature feature, @Nullable Runnable extra) {
        json.writeStartObject();
        json.writeName("type");
        json.writeString("Feature");
        json.writeName("id");
        json.writeNumber(feature.fid());
        json.writeName("geometry");
        GeoJsonGeometryWriter.write(json, feature.geometry() == null ? null : crs.fromStorage(feature.geometry()));
        json.writeName("properties");
        json.writeStartObject();
        for (Map.Entry<String, @Nullable Object> property : feature.properties().entrySet()) {
            json.writeName(property.getKey());
            value(property.getValue());
        }
        json.writeEndObject();
        if (extra != null) {
            extra.run();
        }
        json.writeEndObject();
    }

    private void value(@Nullable Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number.toPlainString()); // every digit, never an exponent (1E-7)
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeString(value.toString()); // dates and timestamps: ISO 8601, as JSON Schema's formats
        }
    }
}
