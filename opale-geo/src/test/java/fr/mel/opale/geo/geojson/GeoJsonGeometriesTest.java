package fr.mel.opale.geo.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** GeoJSON geometries read and written: every type both ways, the slips forgiven, the faults named in French. */
class GeoJsonGeometriesTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static Geometry read(String json) {
        return GeoJsonGeometryReader.read(JSON.readTree(json), WGS84);
    }

    private static String write(Geometry geometry) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            GeoJsonGeometryWriter.write(json, geometry);
        }
        return out.toString();
    }

    @Test
    void everyTypeGoesOutAndComesBackTheSame() throws Exception {
        for (String wkt : new String[] {"POINT (3.06 50.63)", "MULTIPOINT ((3 50), (3.1 50.1))",
            "LINESTRING (3 50, 3.1 50.1, 3.2 50)", "MULTILINESTRING ((3 50, 3.1 50.1), (3.2 50.2, 3.3 50.3))",
            "POLYGON ((3 50, 3.1 50, 3.1 50.1, 3 50.1, 3 50), (3.02 50.02, 3.02 50.08, 3.08 50.08, 3.02 50.02))",
            "MULTIPOLYGON (((3 50, 3.1 50, 3.1 50.1, 3 50)), ((4 50, 4.1 50, 4.1 50.1, 4 50)))",
            "GEOMETRYCOLLECTION (POINT (3.3 50.3), LINESTRING (3.3 50.3, 3.4 50.4))", "POINT EMPTY"}) {
            Geometry geometry = new WKTReader(WGS84).read(wkt);
            Geometry back = read(write(geometry));
            assertThat(back.equalsExact(geometry)).as(wkt + " → " + write(geometry)).isTrue();
            assertThat(back.getSRID()).isEqualTo(4326);
        }
        assertThat(write(new WKTReader().read("POINT (3.5 50.25)")))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[3.5,50.25]}");
    }

    @Test
    void anUnclosedRingIsClosedAndZIsKeptOnReading() {
        Geometry polygon = read("{\"type\":\"Polygon\",\"coordinates\":[[[3,50],[3.1,50],[3.1,50.1]]]}");
        assertThat(polygon.getCoordinates()).hasSize(4);
        assertThat(polygon.isValid()).isTrue();
        assertThat(read("{\"type\":\"Point\",\"coordinates\":[3,50,12.5]}").getCoordinate().getZ()).isEqualTo(12.5);
    }

    @Test
    void faultsAreNamedInFrench() {
        assertThatThrownBy(() -> read("[3, 50]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("géométrie GeoJSON attendue (objet)");
        assertThatThrownBy(() -> read("{\"type\":\"Circle\",\"coordinates\":[3,50]}"))
                .hasMessage("type de géométrie GeoJSON inconnu « Circle »");
        assertThatThrownBy(() -> read("{\"type\":\"Point\",\"coordinates\":[\"3\",50]}"))
                .hasMessage("position GeoJSON invalide");
        assertThatThrownBy(() -> read("{\"type\":\"LineString\"}"))
                .hasMessage("géométrie « LineString » sans coordonnées");
        assertThatThrownBy(() -> read("{\"type\":\"Polygon\",\"coordinates\":[[[3,50],[3.1,50]]]}"))
                .hasMessage("anneau de polygone de moins de 4 positions");
    }
}
