package fr.mel.opale.ogcapi.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.data.Bbox;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** A tile at the world's edge reads across the antimeridian and draws what lies beyond it beside the tile. */
class AntimeridianTilesTest {
    @Test
    void theBufferOfAnEdgeTileWrapsToTheOtherSide() {
        Bbox west = WebMercatorQuad.toWgs84(TileEncoder.buffered(WebMercatorQuad.tileEnvelope(4, 5, 0)));
        assertThat(west.crossesAntimeridian()).isTrue();
        assertThat(west.west()).isGreaterThan(179).isLessThan(180);
        Bbox east = WebMercatorQuad.toWgs84(TileEncoder.buffered(WebMercatorQuad.tileEnvelope(4, 5, 15)));
        assertThat(east.crossesAntimeridian()).isTrue();
        assertThat(east.east()).isLessThan(-179);
        Bbox inside = WebMercatorQuad.toWgs84(TileEncoder.buffered(WebMercatorQuad.tileEnvelope(4, 5, 7)));
        assertThat(inside.crossesAntimeridian()).isFalse();
        Bbox world = WebMercatorQuad.toWgs84(TileEncoder.buffered(WebMercatorQuad.tileEnvelope(0, 0, 0)));
        assertThat(world.west()).isEqualTo(-180);
        assertThat(world.east()).isEqualTo(180);
    }

    @Test
    void aFeatureFromBeyondTheAntimeridianIsDrawnBesideTheTile() {
        Envelope clip = TileEncoder.buffered(WebMercatorQuad.tileEnvelope(4, 5, 0));
        Geometry beyond = WebMercatorQuad.toMercator(new GeometryFactory().createPoint(new Coordinate(179.95, 50)));
        Geometry moved = TileEncoder.besideTheTile(beyond, clip);
        assertThat(moved.getEnvelopeInternal().intersects(clip)).isTrue();
        assertThat(moved.getCoordinate().x).isCloseTo(beyond.getCoordinate().x - 2 * WebMercatorQuad.HALF_WORLD,
                org.assertj.core.data.Offset.offset(1e-6));
        Geometry here = WebMercatorQuad.toMercator(new GeometryFactory().createPoint(new Coordinate(-179.9, 50)));
        assertThat(TileEncoder.besideTheTile(here, clip)).isSameAs(here);
    }
}
