package fr.mel.opale.ogcapi.filter;

import fr.mel.opale.ogcapi.core.Format;
import fr.mel.opale.ogcapi.core.HtmlPage;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /collections/{id}/queryables}: the JSON Schema of what filters may name (Part 3). */
@RestController
@ConditionalOnBean(FilterBuildingBlock.class)
class QueryablesController {
    private final OgcResponses responses;

    QueryablesController(OgcResponses responses) {
        this.responses = responses;
    }

    @GetMapping(OgcResponses.ROOT + "/collections/{id}/queryables")
    void queryables(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OgcCollection collection = responses.collection(id, request, response);
        if (collection == null) {
            return;
        }
        responses.refuseUnknownParameters(request, Set.of());
        String self = responses.base(request) + "/collections/" + collection.id() + "/queryables";
        Map<String, Object> schema = FilterBuildingBlock.queryables(collection, self);
        if (Format.of(request) == Format.HTML) {
            // The collection page links here: a browser gets a table of what filters may name, not 406.
            responses.writeHtml(request, response, page(collection, self, schema), collection.restricted());
            return;
        }
        responses.writeJson(request, response, "application/schema+json", schema, collection.restricted());
    }

    static String page(OgcCollection collection, String self, Map<String, Object> schema) {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        return HtmlPage.schema("Propriétés interrogeables : " + collection.title(), "Les noms qu'un filtre CQL2 "
                + "(paramètre filter) ou un paramètre nom=valeur des items peut employer.", self + "?f=json",
                properties);
    }
}
