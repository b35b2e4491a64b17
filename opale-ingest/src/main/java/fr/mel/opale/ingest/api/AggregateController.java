package fr.mel.opale.ingest.api;

import fr.mel.opale.data.AggregateQuery;
import fr.mel.opale.data.AggregateResult;
import fr.mel.opale.data.Aggregates;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.filter.FilterReader;
import fr.mel.opale.ingest.aggregate.AggregateJson;
import fr.mel.opale.ingest.aggregate.AggregateRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/datasets/{id}/aggregate}: one measure per group over the dataset's whole served version — what the
 * dataset page's chart draws, for anyone to reuse. Read access as for the dataset's rows (hidden = 404); bad
 * parameters are 400 problem+json in French.
 */
@RestController
@Tag(name = "Jeux de données")
class AggregateController {
    private final Datasets datasets;
    private final Aggregates aggregates;
    private final FilterReader filters;

    AggregateController(Datasets datasets, Aggregates aggregates, FilterReader filters) {
        this.datasets = datasets;
        this.aggregates = aggregates;
        this.filters = filters;
    }

    @GetMapping(path = "/api/datasets/{id}/aggregate", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Une mesure par groupe sur tout le jeu de données (graphiques)",
            description = "Regroupe les lignes par les valeurs d'une colonne (ou par jour, mois, année pour une date) "
                    + "et calcule pour chaque groupe le nombre de lignes, ou la somme, la moyenne, le minimum ou le "
                    + "maximum d'une colonne numérique. Les `limit` plus grands groupes sont rendus un par un, les "
                    + "autres réunis dans `others`. `f=csv` rend un CSV.")
    ResponseEntity<?> aggregate(
            @PathVariable String id,
            @Parameter(description = "Colonne qui forme les groupes") @RequestParam(required = false) @Nullable String groupBy,
            @Parameter(description = "day, month ou year (colonnes de dates)") @RequestParam(required = false) @Nullable String period,
            @Parameter(description = "count, ou sum(colonne), avg(colonne), min(colonne), max(colonne)")
            @RequestParam(required = false) @Nullable String measure,
            @Parameter(description = "Nombre de groupes rendus un par un (1 à 500, 20 par défaut)")
            @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "Filtre CQL2 (texte) sur les lignes") @RequestParam(required = false) @Nullable String filter,
            @Parameter(description = "json (défaut) ou csv") @RequestParam(required = false) @Nullable String f) {
        Dataset dataset = datasets.find(id).orElseThrow(() -> DataProblem.datasetNotFound(id));
        if (f != null && !f.isBlank() && !f.equals("json") && !f.equals("csv")) {
            throw DataProblem.invalidQuery("Format « " + f + " » inconnu : json ou csv.");
        }
        AggregateQuery query = AggregateRequest.read(groupBy, period, measure, limit, filter, filters);
        AggregateResult result = aggregates.aggregate(dataset.id(), query);
        if ("csv".equals(f)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(dataset.slug() + "-" + query.groupBy() + ".csv").build().toString())
                    .body(AggregateJson.csv(result));
        }
        Map<String, Object> body = AggregateJson.json(dataset.id(), dataset.slug(), result,
                filter == null || filter.isBlank() ? null : filter);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
