package fr.mel.opale.ingest.api;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.DatasetRule;
import fr.mel.opale.data.DatasetRules;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A dataset's row and column rules over HTTP: {@code {"rows": "code_insee IN reader.organisations.insee",
 * "hiddenColumns": ["telephone"]}}. Who may: those who manage the dataset's access (platform administrators, editors
 * of its owner); others 403, or 404 when they may not even see it. A bad body is a French 400, nothing stored.
 */
@RestController
class DatasetRulesController {
    private final DatasetRules rules;

    DatasetRulesController(DatasetRules rules) {
        this.rules = rules;
    }

    @GetMapping(path = "/api/datasets/{id}/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Règles de lignes et de colonnes du jeu de données")
    Map<String, Object> rules(@PathVariable String id) {
        return view(rules.of(id));
    }

    @PutMapping(path = "/api/datasets/{id}/rules", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remplace les règles : {\"rows\": \"code_insee IN reader.organisations.insee\", "
            + "\"hiddenColumns\": [\"telephone\"]}")
    Map<String, Object> put(@PathVariable String id, @RequestBody JsonNode body) {
        if (!body.isObject()) {
            throw DataProblem.invalidRule("Le corps doit être un objet JSON : {\"rows\": \"…\", \"hiddenColumns\": […]}.");
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("rows") && !name.equals("hiddenColumns")) {
                throw DataProblem.invalidRule("Champ inconnu « " + name + " » : seuls « rows » et « hiddenColumns » "
                        + "sont acceptés.");
            }
        }
        JsonNode rows = body.get("rows");
        if (rows != null && !rows.isNull() && !rows.isString()) {
            throw DataProblem.invalidRule("« rows » doit être un texte CQL2 (ou null : toutes les lignes).");
        }
        JsonNode hidden = body.get("hiddenColumns");
        List<String> columns = new ArrayList<>();
        if (hidden != null && !hidden.isNull()) {
            if (!hidden.isArray() || hidden.size() > DatasetRules.MAX_HIDDEN) {
                throw DataProblem.invalidRule("« hiddenColumns » doit être une liste d'au plus "
                        + DatasetRules.MAX_HIDDEN + " noms de colonnes.");
            }
            for (JsonNode column : hidden) {
                if (!column.isString()) {
                    throw DataProblem.invalidRule("« hiddenColumns » ne contient que des noms de colonnes (textes).");
                }
                columns.add(column.asString());
            }
        }
        return view(rules.put(id, rows == null || rows.isNull() ? null : rows.asString(), columns));
    }

    private static Map<String, Object> view(DatasetRule rule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rule.rowRule());
        body.put("hiddenColumns", rule.hiddenColumns());
        return body;
    }
}
