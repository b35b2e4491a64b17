package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Feature;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.data.ReadResult;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.OgcApiSettings;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;

/**
 * OGC API – Features Part 1 endpoints under {@code /ogcapi}: landing page, conformance, OpenAPI document,
 * collections, items (streamed) and single features. Each handler resolves the collection through
 * {@link OgcCollections} (hence the access policy), lets the building blocks' parameters build the query, and writes
 * the encoding asked for.
 */
@RestController
class FeaturesController {
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    private final OgcCollections collections;
    private final Features features;
    private final BuildingBlocks blocks;
    private final OgcResponses responses;
    private final OpenApiDocument openApi;
    private final OgcApiSettings settings;
    private final ObjectProvider<HtmlPages> htmlPages;

    FeaturesController(OgcCollections collections, Features features, BuildingBlocks blocks, OgcResponses responses,
                       OpenApiDocument openApi, OgcApiSettings settings, ObjectProvider<HtmlPages> htmlPages) {
        this.htmlPages = htmlPages;
        this.collections = collections;
        this.features = features;
        this.blocks = blocks;
        this.responses = responses;
        this.openApi = openApi;
        this.settings = settings;
    }

    @GetMapping({OgcResponses.ROOT, OgcResponses.ROOT + "/"})
    void landing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        String base = responses.base(request);
        List<Map<String, Object>> links = List.of(
                OgcResponses.link(base + "?f=json", "self", JSON, "Cette page (JSON)"),
                OgcResponses.link(base + "?f=html", "alternate", HTML, "Cette page (HTML)"),
                OgcResponses.link(base + "/api", "service-desc", OPENAPI, "Description OpenAPI 3.0 de l'API"),
                OgcResponses.link(base + "/conformance", "conformance", JSON, "Classes de conformité"),
                OgcResponses.link(base + "/collections", "data", JSON, "Collections"));
        String title = "Opale — données de la Métropole Européenne de Lille";
        String description = "Les jeux de données publiés par la MEL et ses communes, selon OGC API – Features.";
        if (Format.of(request) == Format.HTML) {
            responses.writeHtml(request, response, html().landing(new HtmlPages.Landing(title, description,
                    HtmlViews.links(links)), request), false);
            return;
        }
        responses.writeJson(request, response, JSON, Map.of("title", title, "description", description,
                "links", links), false);
    }

    @GetMapping(OgcResponses.ROOT + "/conformance")
    void conformance(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        if (Format.of(request) == Format.HTML) {
            responses.writeHtml(request, response, new HtmlPage("Classes de conformité", null)
                    .list("Classes", blocks.conformance()).render(), false);
            return;
        }
        responses.writeJson(request, response, JSON, Map.of("conformsTo", blocks.conformance()), false);
    }

    @GetMapping(OgcResponses.ROOT + "/api")
    void api(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        List<OgcCollection> visible = collections.list();
        boolean restricted = visible.stream().anyMatch(OgcCollection::restricted);
        Map<String, Object> document = openApi.document(responses.base(request), visible);
        if (Format.of(request) == Format.HTML) {
            // The landing page links here: a browser gets the paths in words and the JSON one click away, not 406.
            responses.writeHtml(request, response, apiPage(responses.base(request), document), restricted);
            return;
        }
        responses.writeJson(request, response, OPENAPI, document, restricted);
    }

    /** The OpenAPI document for a browser: every path and what it does, the JSON and the console linked. */
    @SuppressWarnings("unchecked")
    static String apiPage(String base, Map<String, Object> document) {
        List<List<String>> rows = new ArrayList<>();
        ((Map<String, Object>) document.getOrDefault("paths", Map.of())).forEach((path, item) -> {
            Object get = item instanceof Map<?, ?> m ? m.get("get") : null;
            Object summary = get instanceof Map<?, ?> g ? g.get("summary") : null;
            rows.add(List.of("GET " + path, summary == null ? "" : String.valueOf(summary)));
        });
        return new HtmlPage("Description OpenAPI de l'API", "Les chemins de l'OGC API d'Opale. Le document "
                + "lui-même est en JSON (OpenAPI 3.0), à lire avec un client OpenAPI ou la console interactive.")
                .links(List.of(
                        OgcResponses.link(base + "/api?f=json", "service-desc", OPENAPI, "Document OpenAPI (JSON)"),
                        // the console of opale-web; without it (this module alone) the link is a 404, never harm
                        OgcResponses.link("/api/console?api=ogc", "service-doc", HTML, "Console interactive")))
                .table(List.of("Chemin", "Ce qu'il donne"), rows)
                .render();
    }

    @GetMapping(OgcResponses.ROOT + "/collections")
    void collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        String base = responses.base(request);
        List<OgcCollection> visible = collections.list();
        List<Map<String, Object>> described = new ArrayList<>(visible.stream().map(c -> describe(c, base)).toList());
        described.addAll(blocks.otherCollections(base));
        List<Map<String, Object>> links = List.of(
                OgcResponses.link(base + "/collections?f=json", "self", JSON, "Collections (JSON)"),
                OgcResponses.link(base + "/collections?f=html", "alternate", HTML, "Collections (HTML)"));
        boolean restricted = visible.stream().anyMatch(OgcCollection::restricted);
        if (Format.of(request) == Format.HTML) {
            List<HtmlPages.Collection> views = new ArrayList<>();
            for (int i = 0; i < visible.size(); i++) {
                views.add(HtmlViews.collection(visible.get(i), described.get(i)));
            }
            // The other collections (the Records catalog) are not datasets: the page links to their HTML items.
            List<Map<String, Object>> pageLinks = new ArrayList<>(links);
            blocks.otherCollections(base).forEach(other -> pageLinks.add(OgcResponses.link(
                    base + "/collections/" + other.get("id") + "/items?f=html", "items", HTML,
                    String.valueOf(other.get("title")))));
            responses.writeHtml(request, response, html().collections(new HtmlPages.Collections(
                    HtmlViews.links(pageLinks), views), request), restricted);
            return;
        }
        responses.writeJson(request, response, JSON, Map.of("links", links, "collections", described), restricted);
    }

    @GetMapping(OgcResponses.ROOT + "/collections/{id}")
    void collection(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OgcCollection collection = responses.collection(id, request, response);
        if (collection == null) {
            return;
        }
        responses.refuseUnknownParameters(request, Set.of());
        Map<String, Object> description = describe(collection, responses.base(request));
        if (Format.of(request) == Format.HTML) {
            responses.writeHtml(request, response, html().collection(HtmlViews.collection(collection, description),
                    request), collection.restricted());
            return;
        }
        responses.writeJson(request, response, JSON, description, collection.restricted());
    }

    @GetMapping(OgcResponses.ROOT + "/collections/{id}/items")
    void items(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        OgcCollection collection = responses.collection(id, request, response);
        if (collection == null) {
            return;
        }
        ItemsRequest items = itemsRequest(collection, request, false);
        Format format = Format.of(request);
        FeatureQuery query = items.query();
        if (format == Format.HTML) {
            // people read the total on the page: worth waiting for
            long matched = features.count(collection.dataset().id(), items.countQuery());
            responses.cors().apply(request, response, collection.restricted());
            response.setHeader("Content-Crs", "<" + items.crs().uri + ">");
            itemsHtml(collection, items, query, matched, request, response);
            return;
        }
        // a count not known within the budget is left out (OGC API Features makes it optional) and ends meanwhile
        OptionalLong matched = features.countWithinBudget(collection.dataset().id(), items.countQuery());
        responses.cors().apply(request, response, collection.restricted());
        response.setHeader("Content-Crs", "<" + items.crs().uri + ">");
        response.setContentType(GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonGenerator json = responses.json().createGenerator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeName("type");
            json.writeString("FeatureCollection");
            if (matched.isPresent()) {
                json.writeName("numberMatched");
                json.writeNumber(matched.getAsLong());
            }
            json.writeName("timeStamp");
            json.writeString(Instant.now().toString());
            json.writeName("features");
            json.writeStartArray();
            GeoJsonWriter writer = new GeoJsonWriter(json, items.crs());
            ReadResult result = features.read(collection.dataset().id(), query, f -> writer.feature(f, null));
            json.writeEndArray();
            json.writeName("numberReturned");
            json.writeNumber(result.returned());
            json.writeName("links");
            json.writePOJO(pageLinks(request, items, result, matched.orElse(Long.MAX_VALUE), GEOJSON));
            json.writeEndObject();
        }
    }

    @GetMapping(OgcResponses.ROOT + "/collections/{id}/items/{featureId}")
    void item(@PathVariable String id, @PathVariable String featureId, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        OgcCollection collection = responses.collection(id, request, response);
        if (collection == null) {
            return;
        }
        ItemsRequest items = itemsRequest(collection, request, true);
        long fid;
        try {
            fid = Long.parseLong(featureId);
        } catch (NumberFormatException e) {
            throw OgcApiProblem.featureNotFound(collection.id(), Abbreviation.of(featureId));
        }
        List<Feature> found = new ArrayList<>(1);
        if (fid >= 1) {
            features.read(collection.dataset().id(), FeatureQuery.all().withProperties(items.properties())
                    .after(fid - 1).withLimit(1), found::add);
        }
        Feature feature = found.stream().filter(f -> f.fid() == fid).findFirst()
                .orElseThrow(() -> OgcApiProblem.featureNotFound(collection.id(), Abbreviation.of(featureId)));
        String base = responses.base(request) + "/collections/" + collection.id();
        List<Map<String, Object>> links = List.of(
                OgcResponses.link(base + "/items/" + fid + "?f=json", "self", GEOJSON, "Cet objet (GeoJSON)"),
                OgcResponses.link(base + "/items/" + fid + "?f=html", "alternate", HTML, "Cet objet (HTML)"),
                OgcResponses.link(base + "?f=json", "collection", JSON, collection.title()));
        responses.cors().apply(request, response, collection.restricted());
        response.setHeader("Content-Crs", "<" + items.crs().uri + ">");
        if (Format.of(request) == Format.HTML) {
            responses.writeHtml(request, response, html().item(new HtmlPages.Item(HtmlViews.collection(collection,
                    describe(collection, responses.base(request))), fid, HtmlViews.properties(feature),
                    feature.geometry() != null, HtmlViews.links(links), base + "/items/" + fid + "?f=json"), request),
                    collection.restricted());
            return;
        }
        response.setContentType(GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonGenerator json = responses.json().createGenerator(response.getOutputStream())) {
            new GeoJsonWriter(json, items.crs()).feature(feature, () -> {
                json.writeName("links");
                json.writePOJO(links);
            });
        }
    }

    /** Validates and applies the query parameters (unknown ones refused), in the blocks' order. */
    private ItemsRequest itemsRequest(OgcCollection collection, HttpServletRequest request, boolean single) {
        List<ItemsParameter> parameters = blocks.itemsParameters(collection).stream()
                .filter(p -> !single || p.forSingleFeature()).toList();
        responses.refuseUnknownParameters(request, parameters.stream().map(ItemsParameter::name).toList());
        ItemsRequest items = new ItemsRequest(collection, settings.defaultLimit());
        for (ItemsParameter parameter : parameters) {
            String raw = request.getParameter(parameter.name());
            if (raw != null) {
                parameter.apply(raw, items);
            }
        }
        return items;
    }

    /**
     * self, alternate, collection, and next/prev: next by keyset cursor in natural order, by offset when sorted.
     * {@code matched} unknown ({@link Long#MAX_VALUE}): a full page has a next link, which may lead to an empty page.
     */
    private List<Map<String, Object>> pageLinks(HttpServletRequest request, ItemsRequest items, ReadResult result,
                                                long matched, String type) {
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcResponses.link(responses.withParameters(request, Map.of("f", "json")), "self", type,
                "Cette page"));
        links.add(OgcResponses.link(responses.withParameters(request, Map.of("f", "html")), "alternate", HTML,
                "Cette page (HTML)"));
        long position = items.position();
        if (result.returned() == items.limit() && position + result.returned() < matched) {
            Map<String, String> next = new HashMap<>();
            if (items.keyset()) {
                next.put(CursorParameter.NAME, CursorParameter.encode(result.lastFid(), position + result.returned()));
                next.put("offset", null);
            } else {
                next.put("offset", String.valueOf(position + result.returned()));
            }
            next.put("limit", String.valueOf(items.limit()));
            links.add(OgcResponses.link(responses.withParameters(request, next), "next", type, "Page suivante"));
        }
        if (position > 0) {
            Map<String, String> prev = new HashMap<>();
            prev.put(CursorParameter.NAME, null);
            prev.put("offset", String.valueOf(Math.max(0, position - items.limit())));
            prev.put("limit", String.valueOf(items.limit()));
            links.add(OgcResponses.link(responses.withParameters(request, prev), "prev", type, "Page précédente"));
        }
        return links;
    }

    private void itemsHtml(OgcCollection collection, ItemsRequest items, FeatureQuery query, long matched,
                           HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Feature> page = new ArrayList<>();
        ReadResult result = features.read(collection.dataset().id(), query, page::add);
        List<String> columns = collection.version().columns().stream().map(c -> c.name())
                .filter(n -> items.properties() == null || items.properties().contains(n)).toList();
        List<HtmlPages.Link> links = HtmlViews.links(pageLinks(request, items, result, matched, HTML));
        String html = html().items(new HtmlPages.Items(HtmlViews.collection(collection,
                describe(collection, responses.base(request))), matched, result.returned(), items.position(), columns,
                page.stream().map(f -> HtmlViews.row(f, columns)).toList(), HtmlViews.withRel(links, "next"),
                HtmlViews.withRel(links, "prev"), links, responses.withParameters(request, Map.of("f", "json"))),
                request);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** opale-web's pages when present, else the minimal ones of this module. */
    private HtmlPages html() {
        return htmlPages.getIfAvailable(MinimalHtmlPages::new);
    }

    /** A collection as {@code /collections} and {@code /collections/{id}} describe it. */
    private Map<String, Object> describe(OgcCollection collection, String base) {
        String self = base + "/collections/" + collection.id();
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", collection.id());
        description.put("title", collection.title());
        Optional.ofNullable(collection.description()).ifPresent(d -> description.put("description", d));
        description.put("itemType", "feature");
        Bbox bbox = collection.version().bbox();
        if (bbox != null) {
            description.put("extent", Map.of("spatial", Map.of(
                    "bbox", List.of(List.of(bbox.west(), bbox.south(), bbox.east(), bbox.north())),
                    "crs", SupportedCrs.CRS84.uri)));
        }
        description.put("storageCrs", SupportedCrs.CRS84.uri);
        description.put("crs", collection.geographic() ? SupportedCrs.uris() : List.of(SupportedCrs.CRS84.uri));
        List<Map<String, Object>> links = new ArrayList<>(List.of(
                OgcResponses.link(self + "?f=json", "self", JSON, "Cette collection (JSON)"),
                OgcResponses.link(self + "?f=html", "alternate", HTML, "Cette collection (HTML)"),
                OgcResponses.link(self + "/items?f=json", "items", GEOJSON, "Objets (GeoJSON)"),
                OgcResponses.link(self + "/items?f=html", "items", HTML, "Objets (HTML)")));
        if (blocks.conformance().contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables")) {
            links.add(OgcResponses.link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                    "application/schema+json", "Propriétés interrogeables"));
        }
        links.addAll(blocks.collectionLinks(collection, self));
        description.put("links", links);
        return description;
    }

}
