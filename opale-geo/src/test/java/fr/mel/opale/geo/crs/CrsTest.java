package fr.mel.opale.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

class CrsTest {
    @Test
    void lambert93ToWgs84MatchesPostgis() {
        // Near Lille town hall. Reference: PostGIS 3.3 / PROJ, ST_Transform(ST_SetSRID(ST_MakePoint(704000,
        // 7059000), 2154), 4326) = POINT(3.0564358960588613 50.62797459584252).
        CoordinateTransform t = Crs.toWgs84(Crs.LAMBERT_93);
        ProjCoordinate out = t.transform(new ProjCoordinate(704000, 7059000), new ProjCoordinate());
        assertThat(out.x).isCloseTo(3.0564358960588613, within(1e-6));
        assertThat(out.y).isCloseTo(50.62797459584252, within(1e-6));
    }

    @Test
    void knownAndUnknownCodes() {
        assertThat(Crs.isSupported(3950)).isTrue();
        assertThat(Crs.isSupported(3857)).isTrue();
        assertThat(Crs.isSupported(999_999)).isFalse();
        assertThat(Crs.label(2154)).isEqualTo("RGF93 / Lambert-93 (EPSG:2154)");
        assertThatThrownBy(() -> Crs.toWgs84(999_999)).isInstanceOf(UnknownCrs.class)
                .hasMessage("Système de coordonnées EPSG:999999 inconnu.");
    }

    @Test
    void mappingsReprojectCopiesAndSwapAxes() {
        GeometryFactory factory = new GeometryFactory();
        Point lille = factory.createPoint(new Coordinate(3.0564358960588613, 50.62797459584252));
        Geometry lambert = CoordinateMapping.of(Crs.transform(Crs.WGS84, Crs.LAMBERT_93))
                .applyTo(lille);
        assertThat(lambert.getCoordinate().x).isCloseTo(704000, within(0.01));
        assertThat(lambert.getCoordinate().y).isCloseTo(7059000, within(0.01));
        assertThat(lille.getX()).as("the geometry given is not changed").isEqualTo(3.0564358960588613);
        Geometry swapped = CoordinateMapping.SWAP_AXES.applyTo(lille);
        assertThat(swapped.getCoordinate().x).isEqualTo(50.62797459584252);
        assertThat(swapped.getCoordinate().y).isEqualTo(3.0564358960588613);
        assertThatThrownBy(() -> Crs.transform(Crs.LAMBERT_93, 999_999)).isInstanceOf(UnknownCrs.class);
    }
}
