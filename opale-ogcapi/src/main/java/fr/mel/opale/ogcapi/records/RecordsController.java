package fr.mel.opale.ogcapi.records;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.core.Format;
import fr.mel.opale.ogcapi.core.HtmlPage;
import fr.mel.opale.ogcapi.core.OgcResponses;
import fr.mel.opale.search.CatalogSearch;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.SearchHit;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.search.SearchResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The catalog collection of OGC API – Records under {@code /ogcapi/collections/catalog}: its description, its
 * records (a search: {@code q}, {@code bbox}, {@code datetime}, {@code type}, {@code ids}, {@code externalIds},
 * usage category, keyword, organisation, {@code sortby}, paging), one record, its queryables and sortables.
 *
 * <p>Closed records never leak: the search runs through {@link CatalogSearch} (hits and {@code numberMatched} only
 * count what the viewer may read), each record is then read through {@link Catalog#find} (the policy again) and its
 * dataset through {@link Datasets#findByRecord}; a hidden record is a 404 exactly like a missing one. These literal
 * paths win over the features' {@code /collections/{id}/...} patterns.
 */
@RestController
@ConditionalOnProperty(name = "opale.ogcapi.records.enabled", havingValue = "true", matchIfMissing = true)
class RecordsController {
    private static final String PATH = OgcResponses.ROOT + "/collections/" + RecordsBuildingBlock.CATALOG;
    private final CatalogSearch search;
    private final Catalog catalog;
    private final Datasets datasets;
    private final OgcResponses responses;
    private final RecordsSettings settings;
    private final AccessPolicy policy;

    RecordsController(CatalogSearch search, Catalog catalog, Datasets datasets, OgcResponses responses,
                      RecordsSettings settings, AccessPolicy policy) {
        this.policy = policy;
        this.search = search;
        this.catalog = catalog;
        this.datasets = datasets;
        this.responses = responses;
        this.settings = settings;
    }

    @GetMapping(PATH)
    void collection(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        Map<String, Object> description = RecordsBuildingBlock.description(responses.base(request));
        if (Format.of(request) == Format.HTML) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) description.get("links");
            responses.writeHtml(request, response, new HtmlPage(RecordsBuildingBlock.TITLE,
                    RecordsBuildingBlock.DESCRIPTION).links(links).render(), false);
            return;
        }
        responses.writeJson(request, response, RecordGeoJson.JSON, description, false);
    }

    @GetMapping(PATH + "/items")
    void items(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, RecordsRequest.PARAMETERS);
        Format format = Format.of(request);
        RecordsRequest parsed = RecordsRequest.of(request, settings);
        SearchQuery query = parsed.query();
        SearchResult result = search.hits(query);
        List<StoredRecord> found = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            // Deleted or hidden since the index answered: left out rather than shown.
            catalog.find(hit.id()).ifPresent(found::add);
        }
        Map<String, Map<Facet, List<String>>> values = search.facetValues(found);
        List<RecordGeoJson> records = found.stream().map(r -> encoder(r, values.get(r.id()))).toList();
        boolean restricted = records.stream().anyMatch(RecordGeoJson::restricted);
        List<Map<String, Object>> links = pageLinks(request, parsed, result, records.size(), format);
        if (format == Format.HTML) {
            List<List<String>> rows = records.stream().map(r -> List.of(r.id(), r.title(), r.type())).toList();
            responses.writeHtml(request, response, new HtmlPage(RecordsBuildingBlock.TITLE, result.total()
                    + " fiche(s), " + records.size() + " sur cette page").links(links)
                    .table(List.of("Identifiant", "Titre", "Type"), rows).render(), restricted);
            return;
        }
        String base = responses.base(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("timeStamp", Instant.now().toString());
        body.put("numberMatched", result.total());
        body.put("numberReturned", records.size());
        body.put("features", records.stream().map(r -> r.feature(base, sitePage(request, r.id()))).toList());
        body.put("links", links);
        responses.writeJson(request, response, RecordGeoJson.GEOJSON, body, restricted);
    }

    @GetMapping(PATH + "/items/{recordId}")
    void item(@PathVariable String recordId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        Format format = Format.of(request);
        RecordGeoJson record = catalog.find(recordId).map(r -> encoder(r, search.facetValues(r)))
                .orElseThrow(() -> OgcApiProblem.featureNotFound(RecordsBuildingBlock.CATALOG, recordId));
        Map<String, Object> feature = record.feature(responses.base(request), sitePage(request, record.id()));
        if (format == Format.HTML) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) feature.get("properties");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) feature.get("links");
            List<List<String>> rows = new ArrayList<>();
            properties.forEach((name, value) -> rows.add(List.of(name, String.valueOf(value))));
            responses.writeHtml(request, response, new HtmlPage(record.title(), null).links(links)
                    .table(List.of("Propriété", "Valeur"), rows).render(), record.restricted());
            return;
        }
        responses.writeJson(request, response, RecordGeoJson.GEOJSON, feature, record.restricted());
    }

    /** The properties the items parameters filter on, as a JSON Schema (Features Part 3's queryables shape). */
    @GetMapping(PATH + "/queryables")
    void queryables(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("q", Map.of("title", "Texte intégral (titre, mots-clés, organisation, description)",
                "type", "string"));
        properties.put("type", Map.of("title", "Type de ressource", "type", "string"));
        properties.put("externalIds", Map.of("title", "Identifiant de ressource", "type", "string"));
        properties.put("category", Map.of("title", "Catégorie d'usage (URI)", "type", "string", "format", "uri"));
        properties.put("keyword", Map.of("title", "Mot-clé", "type", "string"));
        properties.put("organisation", Map.of("title", "Organisation", "type", "string"));
        properties.put("datetime", Map.of("title", "Étendue temporelle de la ressource", "type", "string",
                "format", "date"));
        properties.put("geometry", Map.of("title", "Emprise", "format", "geometry-polygon"));
        writeSchema(request, response, "queryables", "Propriétés interrogeables du catalogue", properties);
    }

    /** The keys {@code sortby} accepts. */
    @GetMapping(PATH + "/sortables")
    void sortables(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.refuseUnknownParameters(request, Set.of());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", Map.of("title", "Titre", "type", "string"));
        properties.put("updated", Map.of("title", "Dernière modification de la fiche", "type", "string",
                "format", "date-time"));
        properties.put("created", Map.of("title", "Création de la fiche", "type", "string", "format", "date-time"));
        writeSchema(request, response, "sortables", "Propriétés de tri du catalogue", properties);
    }

    private void writeSchema(HttpServletRequest request, HttpServletResponse response, String name, String title,
                             Map<String, Object> properties) throws IOException {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", responses.base(request) + "/collections/" + RecordsBuildingBlock.CATALOG + "/" + name);
        schema.put("type", "object");
        schema.put("title", title);
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        if (Format.of(request) == Format.HTML) {
            // linked from the catalog's pages: a browser gets the properties in a table, not a 406
            responses.writeHtml(request, response, HtmlPage.schema(title, null, schema.get("$id") + "?f=json",
                    properties), false);
            return;
        }
        responses.writeJson(request, response, "application/schema+json", schema, false);
    }

    /** The record with its published dataset (one with a served version), read through the policy. */
    private RecordGeoJson encoder(StoredRecord stored, Map<Facet, List<String>> facetValues) {
        Dataset dataset = datasets.findByRecord(stored.id()).filter(d -> d.currentVersion() != null).orElse(null);
        boolean geographic = dataset != null
                && datasets.currentVersion(dataset.id()).map(v -> v.geometry() != null).orElse(false);
        return new RecordGeoJson(stored, dataset, geographic, facetValues,
                !policy.publiclyCacheable(stored.protection()));
    }

    /** The record's page on the site, {@code /catalogue/{id}} (opale-web). */
    private static String sitePage(HttpServletRequest request, String id) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/catalogue/"
                + RecordGeoJson.encode(id);
    }

    /** self, alternate, collection, and next/prev by offset. */
    private List<Map<String, Object>> pageLinks(HttpServletRequest request, RecordsRequest parsed,
                                                SearchResult result, int returned, Format format) {
        String type = format == Format.HTML ? RecordGeoJson.HTML : RecordGeoJson.GEOJSON;
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcResponses.link(responses.withParameters(request, Map.of("f", format == Format.HTML ? "html"
                : "json")), "self", type, "Cette page"));
        links.add(OgcResponses.link(responses.withParameters(request, Map.of("f", format == Format.HTML ? "json"
                : "html")), "alternate", format == Format.HTML ? RecordGeoJson.GEOJSON : RecordGeoJson.HTML,
                format == Format.HTML ? "Cette page (GeoJSON)" : "Cette page (HTML)"));
        links.add(OgcResponses.link(responses.base(request) + "/collections/" + RecordsBuildingBlock.CATALOG
                + "?f=json", "collection", RecordGeoJson.JSON, RecordsBuildingBlock.TITLE));
        long next = (long) parsed.offset() + parsed.limit();
        if (next < result.total() && next <= RecordsRequest.MAX_OFFSET) {
            links.add(OgcResponses.link(responses.withParameters(request, paging(next, parsed.limit())), "next",
                    type, "Page suivante"));
        }
        if (parsed.offset() > 0) {
            links.add(OgcResponses.link(responses.withParameters(request,
                    paging(Math.max(0, parsed.offset() - parsed.limit()), parsed.limit())), "prev", type,
                    "Page précédente"));
        }
        return links;
    }

    private static Map<String, String> paging(long offset, int limit) {
        Map<String, String> changes = new HashMap<>();
        changes.put("offset", String.valueOf(offset));
        changes.put("limit", String.valueOf(limit));
        return changes;
    }
}
