package fr.mel.opale.ogcapi.filter;

import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.core.Format;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
        if (Format.of(request) == Format.HTML) {
            throw OgcApiProblem.notAcceptable("Les propriétés interrogeables n'existent qu'en JSON Schema "
                    + "(application/schema+json).");
        }
        String self = responses.base(request) + "/collections/" + collection.id() + "/queryables";
        responses.writeJson(request, response, "application/schema+json",
                FilterBuildingBlock.queryables(collection, self), collection.restricted());
    }
}
