package fr.mel.opale.ingest.api;

import fr.mel.opale.data.ColumnRule;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.DatasetRule;
import fr.mel.opale.data.DatasetRules;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A dataset's row and column rules over HTTP: {@code {"rows": "code_insee IN reader.organisations.insee",
 * "hiddenColumns": ["telephone", {"column": "courriel", "seenBy": ["project:plui"]}]}} — a bare name hides the column
 * from all but the owner's members, an object also names who still sees it ({@code columnRules} in answers gives
 * every column in that form; {@code hiddenColumns} in answers the names only, as before). Who may: those who manage the dataset's access (platform administrators, editors
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
            + "\"hiddenColumns\": [\"telephone\", {\"column\": \"courriel\", \"seenBy\": [\"project:plui\"]}]}")
    Map<String, Object> put(@PathVariable String id, @RequestBody JsonNode body) {
        if (!body.isObject()) {
            throw DataProblem.invalidRule("Le corps doit être un objet JSON : {\"rows\": \"…\", \"hiddenColumns\": […]}.");
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("rows") && !name.equals("hiddenColumns") && !name.equals("columnRules")) {
                throw DataProblem.invalidRule("Champ inconnu « " + name + " » : seuls « rows », « hiddenColumns » "
                        + "et « columnRules » sont acceptés.");
            }
        }
        JsonNode rows = body.get("rows");
        if (rows != null && !rows.isNull() && !rows.isString()) {
            throw DataProblem.invalidRule("« rows » doit être un texte CQL2 (ou null : toutes les lignes).");
        }
        List<ColumnRule> columns = new ArrayList<>();
        columns(body.get("hiddenColumns"), "hiddenColumns", columns);
        columns(body.get("columnRules"), "columnRules", columns);
        return view(rules.put(id, rows == null || rows.isNull() ? null : rows.asString(), columns));
    }

    /**
     * Reads a list of column rules: a name ({@code "telephone"}: hidden from all but the owner's members) or an object
     * naming who still sees it ({@code {"column": "telephone", "seenBy": ["organisation:lambersart"]}}).
     */
    private static void columns(@Nullable JsonNode list, String field, List<ColumnRule> into) {
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray() || list.size() > DatasetRules.MAX_HIDDEN) {
            throw DataProblem.invalidRule("« " + field + " » doit être une liste d'au plus "
                    + DatasetRules.MAX_HIDDEN + " colonnes.");
        }
        for (JsonNode column : list) {
            if (column.isString()) {
                into.add(ColumnRule.hidden(column.asString()));
            } else if (column.isObject() && column.path("column").isString()
                    && (column.get("seenBy") == null || column.get("seenBy").isArray())
                    && column.size() == (column.has("seenBy") ? 2 : 1)) {
                List<String> seenBy = new ArrayList<>();
                for (JsonNode reader : column.path("seenBy")) {
                    if (!reader.isString()) {
                        throw DataProblem.invalidRule("« seenBy » ne contient que des lecteurs (textes) : "
                                + "organisation:<identifiant>, project:<identifiant>, person:<numéro> ou logged-in.");
                    }
                    seenBy.add(reader.asString());
                }
                into.add(new ColumnRule(column.path("column").asString(), seenBy));
            } else {
                throw DataProblem.invalidRule("« " + field + " » contient des noms de colonnes ou des objets "
                        + "{\"column\": \"…\", \"seenBy\": [\"organisation:…\"]}.");
            }
        }
    }

    private static Map<String, Object> view(DatasetRule rule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rule.rowRule());
        body.put("hiddenColumns", rule.hiddenColumns());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnRule column : rule.columnRules()) {
            columns.add(Map.of("column", column.column(), "seenBy", column.seenBy()));
        }
        body.put("columnRules", columns);
        return body;
    }
}
