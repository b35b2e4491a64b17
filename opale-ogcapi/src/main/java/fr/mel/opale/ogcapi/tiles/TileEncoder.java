package fr.mel.opale.ogcapi.tiles;

import fr.mel.opale.data.Feature;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.UserDataKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Turns the features of one tile into a Mapbox Vector Tile (one layer named after the collection, extent 4096):
 * project to Web Mercator, <b>generalise</b> (topology-preserving Douglas–Peucker with a tolerance of one 256-pixel
 * tile pixel at that zoom: what a map cannot show is not sent), drop lines and polygons smaller than a pixel, clip to
 * the tile plus a buffer (so strokes do not stop at tile edges), scale to the extent. Properties become MVT attributes
 * (numbers, booleans, strings; dates and timestamps as ISO text; nulls left out, as MVT has no null).
 */
final class TileEncoder {
    static final int EXTENT = 4096;
    /** Clip buffer, in extent units on each side (1/64 of the tile: 16 pixels of a 1024-pixel rendering). */
    static final int BUFFER = 64;
    private static final MvtLayerParams PARAMS = new MvtLayerParams(EXTENT);
    private static final GeometryFactory MERCATOR = new GeometryFactory();

    private TileEncoder() {
    }

    /** The envelope to select and clip features with: the tile plus the buffer. */
    static Envelope buffered(Envelope tile) {
        Envelope clip = new Envelope(tile);
        clip.expandBy(tile.getWidth() * BUFFER / EXTENT);
        return clip;
    }

    /** The tile's bytes; an empty array when no feature is left (the caller answers 204). */
    static byte[] encode(String layer, List<Feature> features, int z, Envelope tile) {
        double pixel = WebMercatorQuad.pixel(z);
        Envelope clip = buffered(tile);
        List<Geometry> geometries = new ArrayList<>();
        for (Feature feature : features) {
            if (feature.geometry() == null || feature.geometry().isEmpty()) {
                continue;
            }
            Geometry mercator = besideTheTile(WebMercatorQuad.toMercator(feature.geometry()), clip);
            if (mercator.getDimension() > 0) {
                Envelope size = mercator.getEnvelopeInternal();
                if (size.getWidth() < pixel && size.getHeight() < pixel) {
                    continue; // smaller than a pixel: invisible at this zoom
                }
                mercator = TopologyPreservingSimplifier.simplify(mercator, pixel);
                if (mercator.isEmpty()) {
                    continue;
                }
            }
            Geometry tileGeometry = JtsAdapter.createTileGeom(mercator, tile, clip, MERCATOR, PARAMS, g -> true);
            if (tileGeometry == null || tileGeometry.isEmpty()) {
                continue;
            }
            Map<String, Object> attributes = attributes(feature);
            // MVT features have one geometry type: a mixed collection (clipping can make one) goes part by part
            boolean mixed = tileGeometry.getGeometryType().equals(Geometry.TYPENAME_GEOMETRYCOLLECTION);
            for (int i = 0; i < (mixed ? tileGeometry.getNumGeometries() : 1); i++) {
                Geometry part = mixed ? tileGeometry.getGeometryN(i) : tileGeometry;
                if (!part.isEmpty()) {
                    part.setUserData(attributes);
                    geometries.add(part);
                }
            }
        }
        if (geometries.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(new JtsLayer(layer, geometries, EXTENT)), PARAMS,
                new UserDataKeyValueMapConverter());
    }

    /**
     * The geometry where it meets the clip: a tile whose buffer crosses the antimeridian selects features from the
     * other side of the world (a box in two parts), which are drawn one world-width to the west or east of where
     * they lie.
     */
    static Geometry besideTheTile(Geometry mercator, Envelope clip) {
        Envelope extent = mercator.getEnvelopeInternal();
        if (extent.intersects(clip)) {
            return mercator;
        }
        double world = 2 * WebMercatorQuad.HALF_WORLD;
        for (double shift : new double[] {-world, world}) {
            Envelope shifted = new Envelope(extent.getMinX() + shift, extent.getMaxX() + shift, extent.getMinY(),
                    extent.getMaxY());
            if (shifted.intersects(clip)) {
                return AffineTransformation.translationInstance(shift, 0).transform(mercator);
            }
        }
        return mercator;
    }

    private static Map<String, Object> attributes(Feature feature) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        feature.properties().forEach((name, value) -> {
            if (value == null) {
                return;
            }
            Object mvt;
            if (value instanceof Long || value instanceof Double || value instanceof Boolean
                    || value instanceof String) {
                mvt = value;
            } else if (value instanceof Integer i) {
                mvt = i.longValue();
            } else if (value instanceof BigDecimal d) {
                mvt = d.doubleValue();
            } else {
                mvt = value.toString(); // LocalDate, OffsetDateTime: ISO 8601 text
            }
            attributes.put(name, mvt);
        });
        return attributes;
    }
}
