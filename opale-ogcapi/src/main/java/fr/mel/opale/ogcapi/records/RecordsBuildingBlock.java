package fr.mel.opale.ogcapi.records;

import fr.mel.opale.ogcapi.core.BuildingBlock;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import fr.mel.opale.ogcapi.core.OpenApiOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * OGC API – Records – Part 1 (1.0): the catalog as one searchable collection of records, {@code catalog}, served by
 * {@link RecordsController} through opale-search's {@code CatalogSearch} (hence the access policy). It adds the
 * collection to {@code /collections} and its paths to {@code /api}; the classes listed are those
 * {@code RecordsContract} exercises. Off with {@code opale.ogcapi.records.enabled=false}.
 */
@Component
@EnableConfigurationProperties(RecordsSettings.class)
@ConditionalOnProperty(name = "opale.ogcapi.records.enabled", havingValue = "true", matchIfMissing = true)
public class RecordsBuildingBlock implements BuildingBlock {
    /** The collection id; a dataset whose slug is {@code catalog} would be shadowed by it (its literal paths win). */
    public static final String CATALOG = "catalog";
    static final String TITLE = "Catalogue Opale";
    static final String DESCRIPTION = "Les fiches de métadonnées du catalogue de la Métropole Européenne de Lille et "
            + "de ses communes : jeux de données, services, cartes, réutilisations.";
    private static final String RECORDS = "http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/";

    private final RecordsSettings settings;

    RecordsBuildingBlock(RecordsSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<String> conformanceClasses() {
        return List.of(RECORDS + "record-core", RECORDS + "record-collection", RECORDS + "record-core-query-parameters",
                RECORDS + "records-api", RECORDS + "searchable-catalog", RECORDS + "sorting", RECORDS + "json",
                RECORDS + "html", RECORDS + "oas30");
    }

    @Override
    public List<ItemsParameter> itemsParameters(OgcCollection collection) {
        return List.of();
    }

    @Override
    public List<Map<String, Object>> otherCollections(String base) {
        return List.of(description(base));
    }

    /** The catalog as {@code /collections} and {@code /collections/catalog} describe it (record-collection). */
    static Map<String, Object> description(String base) {
        String self = base + "/collections/" + CATALOG;
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", CATALOG);
        description.put("type", "Catalog");
        description.put("itemType", "record");
        description.put("title", TITLE);
        description.put("description", DESCRIPTION);
        description.put("language", Map.of("code", "fr"));
        description.put("crs", List.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        description.put("links", List.of(
                OgcResponses.link(self + "?f=json", "self", RecordGeoJson.JSON, "Ce catalogue (JSON)"),
                OgcResponses.link(self + "?f=html", "alternate", RecordGeoJson.HTML, "Ce catalogue (HTML)"),
                OgcResponses.link(self + "/items?f=json", "items", RecordGeoJson.GEOJSON, "Fiches (GeoJSON)"),
                OgcResponses.link(self + "/items?f=html", "items", RecordGeoJson.HTML, "Fiches (HTML)"),
                OgcResponses.link(self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                        "application/schema+json", "Propriétés interrogeables"),
                OgcResponses.link(self + "/sortables", "http://www.opengis.net/def/rel/ogc/1.0/sortables",
                        "application/schema+json", "Propriétés de tri")));
        return description;
    }

    @Override
    public Map<String, Object> openApiPaths() {
        String path = "/collections/" + CATALOG;
        Map<String, Object> f = parameter("f", "query", "Encodage de la réponse.",
                Map.of("type", "string", "enum", List.of("json", "html")));
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(f);
        items.add(parameter("q", "query", "Termes recherchés, séparés par des virgules (l'un ou l'autre) ; dans "
                + "chacun : \"…\" expression exacte, - exclusion, * préfixe.", Map.of("type", "string")));
        items.add(parameter("bbox", "query", "Emprise CRS84 ouest,sud,est,nord (6 nombres avec altitudes) : fiches "
                + "dont l'emprise l'intersecte.", Map.of("type", "array", "minItems", 4, "maxItems", 6,
                "items", Map.of("type", "number"))));
        items.add(parameter("datetime", "query", "Instant ou intervalle (début/fin, « .. » ouvert) que l'étendue "
                + "temporelle de la ressource doit intersecter.", Map.of("type", "string")));
        items.add(parameter("type", "query", "Types de ressource séparés par des virgules (dataset, series, service, "
                + "non_geographic_dataset, map, application, reuse...).", Map.of("type", "string")));
        items.add(parameter("ids", "query", "Identifiants de fiches séparés par des virgules.",
                Map.of("type", "string")));
        items.add(parameter("externalIds", "query", "Identifiants de ressource (MD_Identifier) séparés par des "
                + "virgules.", Map.of("type", "string")));
        items.add(parameter("category", "query", "URI de catégorie d'usage (répétable : l'une ou l'autre ; une "
                + "catégorie inclut ses sous-catégories).", Map.of("type", "string")));
        items.add(parameter("keyword", "query", "Mot-clé (répétable : l'un ou l'autre).", Map.of("type", "string")));
        items.add(parameter("organisation", "query", "Organisation (éditeur, sinon premier contact ; répétable).",
                Map.of("type", "string")));
        items.add(parameter("sortby", "query", "Une clé : title, updated ou created, précédée de + (croissant) ou - "
                + "(décroissant). Par défaut : pertinence avec q, sinon dernière modification.",
                Map.of("type", "string", "pattern", "^[+-]?(title|updated|created)$")));
        items.add(parameter("limit", "query", "Fiches par page (au-delà du maximum, le maximum).",
                Map.of("type", "integer", "minimum", 1, "maximum", settings.maxLimit(),
                        "default", settings.defaultLimit())));
        items.add(parameter("offset", "query", "Fiches à sauter.", Map.of("type", "integer", "minimum", 0,
                "maximum", RecordsRequest.MAX_OFFSET)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put(path, operation("describeCollection_catalog", TITLE, List.of(f), RecordGeoJson.JSON));
        paths.put(path + "/items", operation("getRecords", "Fiches du catalogue (recherche)", items,
                RecordGeoJson.GEOJSON));
        paths.put(path + "/items/{recordId}", operation("getRecord", "Une fiche", List.of(
                parameter("recordId", "path", "Identifiant de la fiche.", Map.of("type", "string")), f),
                RecordGeoJson.GEOJSON));
        paths.put(path + "/queryables", operation("getRecordQueryables", "Propriétés interrogeables du catalogue",
                List.of(f), "application/schema+json"));
        paths.put(path + "/sortables", operation("getRecordSortables", "Propriétés de tri du catalogue",
                List.of(f), "application/schema+json"));
        return paths;
    }

    private static Map<String, Object> parameter(String name, String in, String description,
                                                 Map<String, Object> schema) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", in.equals("path"));
        parameter.put("description", description);
        parameter.put("schema", schema);
        if (schema.get("type").equals("array")) {
            parameter.put("style", "form");
            parameter.put("explode", false);
        }
        return parameter;
    }

    private static Map<String, Object> operation(String id, String summary, List<Map<String, Object>> parameters,
                                                 String type) {
        return OpenApiOperation.get(id, summary, List.of("Records"), parameters,
                Map.of("200", OpenApiOperation.response("Succès", type, "text/html")));
    }
}
