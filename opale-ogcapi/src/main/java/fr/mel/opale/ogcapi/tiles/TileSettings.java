package fr.mel.opale.ogcapi.tiles;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of OGC API – Tiles ({@code opale.ogcapi.tiles.*}).
 *
 * @param enabled     whether the tiles endpoints and conformance classes are on (default true)
 * @param maxFeatures features read for one tile at most: bounds the cost of a tile over a dense area at a low zoom
 *                    (a preview, not an export); 20 000
 * @param cacheBytes  size of the in-memory tile cache, counted in encoded bytes; 64 MiB
 * @param maxAge      {@code Cache-Control: max-age} in seconds for public collections; 3 600
 * @param maxZoom     deepest tile matrix served (WebMercatorQuad defines 0–24); 24
 */
@ConfigurationProperties("opale.ogcapi.tiles")
public record TileSettings(@Nullable Boolean enabled, @Nullable Integer maxFeatures, @Nullable Long cacheBytes,
                           @Nullable Integer maxAge, @Nullable Integer maxZoom) {
    public TileSettings {
        enabled = enabled == null || enabled;
        maxFeatures = maxFeatures == null || maxFeatures < 1 ? 20_000 : maxFeatures;
        cacheBytes = cacheBytes == null || cacheBytes < 0 ? 64L * 1024 * 1024 : cacheBytes;
        maxAge = maxAge == null || maxAge < 0 ? 3_600 : maxAge;
        maxZoom = maxZoom == null || maxZoom < 0 || maxZoom > WebMercatorQuad.DEEPEST ? WebMercatorQuad.DEEPEST
                : maxZoom;
    }
}
