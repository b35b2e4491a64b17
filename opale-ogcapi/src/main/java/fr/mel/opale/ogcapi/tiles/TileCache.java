package fr.mel.opale.ogcapi.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Encoded tiles kept in memory, keyed by their ETag (dataset, served version, tile): a new version changes the key,
 * so nothing is ever stale and nothing needs evicting by hand. Bounded by encoded bytes (LRU-like, Caffeine's
 * W-TinyLFU), so a burst of map previews cannot exhaust the heap.
 */
@Component
@ConditionalOnProperty(name = "opale.ogcapi.tiles.enabled", havingValue = "true", matchIfMissing = true)
class TileCache {
    private final Cache<String, byte[]> tiles;

    TileCache(TileSettings settings) {
        tiles = Caffeine.newBuilder()
                .maximumWeight(settings.cacheBytes())
                .weigher((String key, byte[] tile) -> key.length() + tile.length + 16)
                .build();
    }

    byte[] get(String key, Supplier<byte[]> encode) {
        return tiles.get(key, k -> encode.get());
    }
}
