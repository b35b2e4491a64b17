package fr.mel.opale.ogcapi.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI 3.0 document of {@code /ogcapi/api}, generated from the registry at each request: one path per
 * visible collection, with the items parameters its building blocks bring (its queryables included). Never written
 * by hand, so it cannot drift from what the server accepts.
 */
@Component
class OpenApiDocument {
    private final BuildingBlocks blocks;

    OpenApiDocument(BuildingBlocks blocks) {
        this.blocks = blocks;
    }

    Map<String, Object> document(String base, List<OgcCollection> collections) {
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> f = ItemsParameter.describe("f", "Encodage de la réponse.",
                Map.of("type", "string", "enum", List.of("json", "html")));
        paths.put("/", operation("getLandingPage", "Page d'accueil de l'API", List.of(f), "application/json"));
        paths.put("/conformance", operation("getConformanceDeclaration", "Classes de conformité", List.of(f),
                "application/json"));
        paths.put("/api", operation("getApiDescription", "Ce document", List.of(), FeaturesController.OPENAPI));
        paths.put("/collections", operation("getCollections", "Collections", List.of(f), "application/json"));
        for (OgcCollection collection : collections) {
            String path = "/collections/" + collection.id();
            String suffix = collection.id().replaceAll("[^A-Za-z0-9]", "_");
            paths.put(path, operation("describeCollection_" + suffix, collection.title(), List.of(f),
                    "application/json"));
            List<Map<String, Object>> parameters = new ArrayList<>();
            parameters.add(f);
            blocks.itemsParameters(collection).forEach(p -> parameters.add(p.openApi(collection)));
            paths.put(path + "/items", operation("getFeatures_" + suffix, "Objets de « " + collection.title() + " »",
                    parameters, FeaturesController.GEOJSON));
            List<Map<String, Object>> single = new ArrayList<>();
            single.add(Map.of("name", "featureId", "in", "path", "required", true, "schema", Map.of("type", "integer")));
            single.add(f);
            blocks.itemsParameters(collection).stream().filter(ItemsParameter::forSingleFeature)
                    .forEach(p -> single.add(p.openApi(collection)));
            paths.put(path + "/items/{featureId}", operation("getFeature_" + suffix, "Un objet", single,
                    FeaturesController.GEOJSON));
            paths.put(path + "/queryables", operation("getQueryables_" + suffix, "Propriétés interrogeables",
                    List.of(f), "application/schema+json"));
            paths.putAll(blocks.openApiPaths(collection, parameters.subList(1, parameters.size())));
        }
        paths.putAll(blocks.openApiPaths());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Opale — OGC API Features", "version", "1.0.0",
                "description", "Données ouvertes de la Métropole Européenne de Lille et de ses communes."));
        document.put("servers", List.of(Map.of("url", base)));
        document.put("paths", paths);
        return document;
    }

    /** One GET returning {@code type}, or the HTML page of the same resource. */
    private static Map<String, Object> operation(String id, String summary, List<Map<String, Object>> parameters,
                                                 String type) {
        return OpenApiOperation.get(id, summary, parameters,
                Map.of("200", OpenApiOperation.response("Succès", type, "text/html")));
    }
}
