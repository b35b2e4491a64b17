package fr.mel.opale.ogcapi.tiles;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Feature;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.core.CorsHeaders;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Tiles endpoints: the tile matrix sets, each geographic collection's tilesets list and WebMercatorQuad
 * tileset description, and its vector tiles. Collections are resolved like items (access policy: hidden = 404,
 * former id = 301). Tiles carry an ETag (dataset, served version, tile, feature cap): a conditional request that
 * matches is answered 304 before anything is read; public collections are cacheable by anyone, restricted ones by
 * the browser only.
 */
@RestController
@ConditionalOnProperty(name = "opale.ogcapi.tiles.enabled", havingValue = "true", matchIfMissing = true)
class TilesController {
    private static final String JSON = "application/json";
    private final OgcResponses responses;
    private final Features features;
    private final TileCache cache;
    private final TileSettings settings;
    private final CorsHeaders cors;

    TilesController(OgcResponses responses, Features features, TileCache cache, TileSettings settings,
                    CorsHeaders cors) {
        this.responses = responses;
        this.cors = cors;
        this.features = features;
        this.cache = cache;
        this.settings = settings;
    }

    @GetMapping(OgcResponses.ROOT + "/tileMatrixSets")
    void tileMatrixSets(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        String self = responses.base(request) + "/tileMatrixSets";
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", WebMercatorQuad.ID);
        set.put("title", "Google Maps Compatible for the World");
        set.put("uri", WebMercatorQuad.URI);
        set.put("links", List.of(OgcResponses.link(self + "/" + WebMercatorQuad.ID,
                "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", JSON, "WebMercatorQuad")));
        responses.writeJson(request, response, JSON, Map.of("tileMatrixSets", List.of(set),
                "links", List.of(OgcResponses.link(self, "self", JSON, "Grilles de tuilage"))), false);
    }

    @GetMapping(OgcResponses.ROOT + "/tileMatrixSets/{tileMatrixSetId}")
    void tileMatrixSet(@PathVariable String tileMatrixSetId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        requireWebMercatorQuad(tileMatrixSetId);
        responses.writeJson(request, response, JSON, WebMercatorQuad.definition(settings.maxZoom()), false);
    }

    @GetMapping(OgcResponses.ROOT + "/collections/{id}/tiles")
    void tilesets(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OgcCollection collection = geographic(id, request, response);
        if (collection == null) {
            return;
        }
        responses.refuseUnknownParameters(request, Set.of());
        String tiles = responses.base(request) + "/collections/" + collection.id() + "/tiles";
        Map<String, Object> tileset = summary(collection, tiles + "/" + WebMercatorQuad.ID, responses.base(request));
        responses.writeJson(request, response, JSON, Map.of("tilesets", List.of(tileset),
                "links", List.of(OgcResponses.link(tiles, "self", JSON, "Jeux de tuiles"))), collection.restricted());
    }

    @GetMapping(OgcResponses.ROOT + "/collections/{id}/tiles/{tileMatrixSetId}")
    void tileset(@PathVariable String id, @PathVariable String tileMatrixSetId, HttpServletRequest request,
                 HttpServletResponse response) throws IOException {
        OgcCollection collection = geographic(id, request, response);
        if (collection == null) {
            return;
        }
        responses.refuseUnknownParameters(request, Set.of());
        requireWebMercatorQuad(tileMatrixSetId);
        String base = responses.base(request);
        String self = base + "/collections/" + collection.id() + "/tiles/" + WebMercatorQuad.ID;
        Map<String, Object> tileset = summary(collection, self, base);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = new ArrayList<>((List<Map<String, Object>>) tileset.get("links"));
        Map<String, Object> template = OgcResponses.link(self + "/{tileMatrix}/{tileRow}/{tileCol}", "item",
                TilesBuildingBlock.MVT, "Tuiles Mapbox Vector Tile");
        template.put("templated", true);
        links.add(template);
        links.add(OgcResponses.link(base + "/collections/" + collection.id(), "collection", JSON, collection.title()));
        tileset.put("links", links);
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", collection.id());
        layer.put("title", collection.title());
        layer.put("dataType", "vector");
        Integer dimension = dimension(collection.version().geometry().kind());
        if (dimension != null) {
            layer.put("geometryDimension", dimension);
        }
        layer.put("minTileMatrix", "0");
        layer.put("maxTileMatrix", Integer.toString(settings.maxZoom()));
        Map<String, Object> properties = new LinkedHashMap<>();
        collection.version().columns().forEach(c -> properties.put(c.name(), Map.of("title", c.title(),
                "type", switch (c.type()) {
                    case INTEGER -> "integer";
                    case DECIMAL -> "number";
                    case BOOLEAN -> "boolean";
                    case DATE, TIMESTAMP, TEXT -> "string";
                })));
        layer.put("propertiesSchema", Map.of("type", "object", "properties", properties));
        tileset.put("layers", List.of(layer));
        responses.writeJson(request, response, JSON, tileset, collection.restricted());
    }

    @GetMapping(OgcResponses.ROOT + "/collections/{id}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    void tile(@PathVariable String id, @PathVariable String tileMatrixSetId, @PathVariable String tileMatrix,
              @PathVariable String tileRow, @PathVariable String tileCol, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        OgcCollection collection = geographic(id, request, response);
        if (collection == null) {
            return;
        }
        responses.refuseUnknownParameters(request, Set.of());
        requireWebMercatorQuad(tileMatrixSetId);
        int z = (int) number("tileMatrix", tileMatrix, settings.maxZoom());
        long size = 1L << z;
        long row = number("tileRow", tileRow, size - 1);
        long col = number("tileCol", tileCol, size - 1);
        String etag = etag(collection, z, row, col);
        cors.apply(request, response, collection.restricted());
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", collection.restricted() ? "private"
                : "public, max-age=" + settings.maxAge());
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] tile = cache.get(etag, () -> encode(collection, z, row, col));
        if (tile.length == 0) {
            // OGC API – Tiles, /req/core/tc-success: an empty tile inside the limits may be a 204
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setContentType(TilesBuildingBlock.MVT);
        response.setContentLength(tile.length);
        response.getOutputStream().write(tile);
    }

    private byte[] encode(OgcCollection collection, int z, long row, long col) {
        Envelope tile = WebMercatorQuad.tileEnvelope(z, row, col);
        Bbox bbox = WebMercatorQuad.toWgs84(TileEncoder.buffered(tile));
        List<Feature> selected = new ArrayList<>();
        features.read(collection.dataset().id(), FeatureQuery.all().withVersion(collection.version().number())
                .withBbox(bbox).withGeometry(true).withLimit(settings.maxFeatures()), selected::add);
        return TileEncoder.encode(collection.id(), selected, z, tile);
    }

    /** The tilesets-list entry of the collection's WebMercatorQuad tileset (the description starts from it). */
    private Map<String, Object> summary(OgcCollection collection, String self, String base) {
        Map<String, Object> tileset = new LinkedHashMap<>();
        tileset.put("title", collection.title());
        tileset.put("tileMatrixSetURI", WebMercatorQuad.URI);
        tileset.put("crs", WebMercatorQuad.CRS);
        tileset.put("dataType", "vector");
        Bbox bbox = collection.version().bbox();
        if (bbox != null) {
            tileset.put("boundingBox", Map.of("lowerLeft", List.of(bbox.west(), bbox.south()),
                    "upperRight", List.of(bbox.east(), bbox.north()),
                    "crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        }
        tileset.put("links", List.of(
                OgcResponses.link(self, "self", JSON, "Jeu de tuiles WebMercatorQuad"),
                OgcResponses.link(base + "/tileMatrixSets/" + WebMercatorQuad.ID,
                        "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", JSON, "WebMercatorQuad")));
        return tileset;
    }

    /** The collection if it is visible and geographic; 404 otherwise (a table has no tiles). */
    private OgcCollection geographic(String id, HttpServletRequest request, HttpServletResponse response) {
        OgcCollection collection = responses.collection(id, request, response);
        if (collection != null && !collection.geographic()) {
            throw OgcApiProblem.noTiles(collection.id());
        }
        return collection;
    }

    private static void requireWebMercatorQuad(String id) {
        if (!id.equals(WebMercatorQuad.ID)) {
            throw OgcApiProblem.unknownTileMatrixSet(id);
        }
    }

    private static long number(String name, String raw, long max) {
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > max) {
            throw OgcApiProblem.badParameter(name, "entier de 0 à " + max + " attendu (reçu « "
                    + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw) + " »).");
        }
        return value;
    }

    private static Integer dimension(GeometryType kind) {
        return switch (kind) {
            case POINT, MULTIPOINT -> 0;
            case LINESTRING, MULTILINESTRING -> 1;
            case POLYGON, MULTIPOLYGON -> 2;
            default -> null;
        };
    }

    private String etag(OgcCollection collection, int z, long row, long col) {
        // the reader's scope (rows of a row rule, hidden columns): the ETag is the tile cache's key, and readers
        // of different rows must never share a tile
        String scope = features.scopeKey(collection.dataset().id(), collection.version().number());
        String identity = collection.dataset().id() + "/" + collection.version().number() + "/"
                + collection.version().created() + "/" + z + "/" + row + "/" + col + "/" + settings.maxFeatures()
                + "/" + scope;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
