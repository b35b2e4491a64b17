package fr.mel.opale.ogcapi.tiles;

import fr.mel.opale.ogcapi.core.BuildingBlock;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * OGC API – Tiles 1.0: vector tiles (MVT) of each geographic collection in WebMercatorQuad, with the tileset
 * description and the tilesets list; the tile matrix set definitions are served too. The classes listed are those
 * {@code TilesContract} exercises. Off with {@code opale.ogcapi.tiles.enabled=false}.
 */
@Component
@EnableConfigurationProperties(TileSettings.class)
@ConditionalOnProperty(name = "opale.ogcapi.tiles.enabled", havingValue = "true", matchIfMissing = true)
public class TilesBuildingBlock implements BuildingBlock {
    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

    @Override
    public List<String> conformanceClasses() {
        return List.of(
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
    }

    @Override
    public List<ItemsParameter> itemsParameters(OgcCollection collection) {
        return List.of();
    }

    /** Geographic collections link to their vector tilesets; the others have no tiles. */
    @Override
    public List<Map<String, Object>> collectionLinks(OgcCollection collection, String collectionUrl) {
        if (!collection.geographic()) {
            return List.of();
        }
        return List.of(OgcResponses.link(collectionUrl + "/tiles", REL_TILESETS_VECTOR, "application/json",
                "Tuiles vectorielles"));
    }
}
