package fr.mel.opale.ogcapi.tiles;

import fr.mel.opale.ogcapi.core.BuildingBlock;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import fr.mel.opale.ogcapi.core.OpenApiOperation;
import java.util.LinkedHashMap;
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
    private static final String JSON = "application/json";
    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    private final TileSettings settings;

    TilesBuildingBlock(TileSettings settings) {
        this.settings = settings;
    }

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

    /** The tile matrix sets, described once for the whole API. */
    @Override
    public Map<String, Object> openApiPaths() {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/tileMatrixSets", OpenApiOperation.get("getTileMatrixSetsList", "Grilles de tuilage", List.of(),
                Map.of("200", OpenApiOperation.response("Les grilles de tuilage disponibles", JSON))));
        paths.put("/tileMatrixSets/{tileMatrixSetId}", OpenApiOperation.get("getTileMatrixSet",
                "Définition d'une grille de tuilage", List.of(tileMatrixSetId()),
                Map.of("200", OpenApiOperation.response("La grille (OGC Two Dimensional Tile Matrix Set)", JSON))));
        return paths;
    }

    /** A geographic collection's tilesets list, its tileset and its tiles; a table has none. */
    @Override
    public Map<String, Object> openApiPaths(OgcCollection collection, List<Map<String, Object>> itemsParameters) {
        if (!collection.geographic()) {
            return Map.of();
        }
        String path = "/collections/" + collection.id() + "/tiles";
        String suffix = OpenApiOperation.suffix(collection);
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put(path, OpenApiOperation.get("getTileSetsList_" + suffix, "Jeux de tuiles vectorielles de « "
                + collection.title() + " »", List.of(), Map.of("200", OpenApiOperation.response("Les jeux de tuiles",
                JSON))));
        paths.put(path + "/{tileMatrixSetId}", OpenApiOperation.get("getTileSet_" + suffix,
                "Jeu de tuiles vectorielles", List.of(tileMatrixSetId()),
                Map.of("200", OpenApiOperation.response("Description du jeu de tuiles (OGC TileSet Metadata)", JSON))));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", OpenApiOperation.response("Une tuile Mapbox Vector Tile", MVT));
        responses.put("204", OpenApiOperation.response("Tuile vide (aucun objet dans son emprise)"));
        responses.put("304", OpenApiOperation.response("Inchangée (If-None-Match)"));
        paths.put(path + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", OpenApiOperation.get(
                "getTile_" + suffix, "Une tuile vectorielle", List.of(tileMatrixSetId(),
                        OpenApiOperation.pathParameter("tileMatrix", "Niveau de zoom",
                                Map.of("type", "integer", "minimum", 0, "maximum", settings.maxZoom())),
                        OpenApiOperation.pathParameter("tileRow", "Rangée (y), de 0 à 2^tileMatrix − 1",
                                Map.of("type", "integer", "minimum", 0)),
                        OpenApiOperation.pathParameter("tileCol", "Colonne (x), de 0 à 2^tileMatrix − 1",
                                Map.of("type", "integer", "minimum", 0))), responses));
        return paths;
    }

    private static Map<String, Object> tileMatrixSetId() {
        return OpenApiOperation.pathParameter("tileMatrixSetId", "Grille de tuilage",
                Map.of("type", "string", "enum", List.of(WebMercatorQuad.ID)));
    }
}
