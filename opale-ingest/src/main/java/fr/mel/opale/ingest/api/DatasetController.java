package fr.mel.opale.ingest.api;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.ingest.job.AttachedSchemas;
import fr.mel.opale.ingest.job.IngestProblem;
import fr.mel.opale.ingest.job.OnSchemaError;
import fr.mel.opale.ingest.job.Rollbacks;
import fr.mel.opale.ingest.report.DataReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/datasets/{id}}: a published dataset as its producer manages it — versions, roll-back, the
 * data-quality report, the attached TableSchema. Reads follow the dataset's visibility (its record's); writes need
 * the right to edit it.
 */
@RestController
@Tag(name = "Jeux de données")
class DatasetController {
    private final Datasets datasets;
    private final DataReports reports;
    private final AttachedSchemas schemas;
    private final Rollbacks rollbacks;

    DatasetController(Datasets datasets, DataReports reports, AttachedSchemas schemas, Rollbacks rollbacks) {
        this.datasets = datasets;
        this.reports = reports;
        this.schemas = schemas;
        this.rollbacks = rollbacks;
    }

    @GetMapping(path = "/api/datasets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Un jeu de données : identifiant de collection, fiche, version servie, versions")
    Map<String, Object> dataset(@PathVariable String id) {
        Dataset dataset = datasets.find(id).orElseThrow(() -> DataProblem.datasetNotFound(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", dataset.id());
        body.put("collectionId", dataset.slug());
        body.put("recordId", dataset.recordId());
        body.put("currentVersion", dataset.currentVersion());
        body.put("versions", datasets.versions(id).stream().map(DatasetController::version).toList());
        return body;
    }

    @GetMapping(path = "/api/datasets/{id}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rapport de qualité des données de la version servie (ou de ?version=n)")
    DataReports.VersionReport report(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        return (version == null ? reports.current(id) : reports.forVersion(id, version))
                .orElseThrow(() -> DataProblem.noVersion(id));
    }

    @PostMapping(path = "/api/datasets/{id}/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sert de nouveau une version conservée (?version=n)")
    Map<String, Object> rollback(@PathVariable String id, @RequestParam int version) {
        rollbacks.rollback(id, version);
        return dataset(id);
    }

    @GetMapping(path = "/api/datasets/{id}/schema", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Le schéma TableSchema attaché au jeu de données")
    Map<String, Object> schema(@PathVariable String id) {
        // a dataset unknown or hidden from the viewer is not found, before anything is said about its schema
        datasets.find(id).orElseThrow(() -> DataProblem.datasetNotFound(id));
        AttachedSchemas.Attached attached = schemas.find(id).orElseThrow(() -> IngestProblem.badRequest(
                "Aucun schéma TableSchema n'est attaché au jeu de données « " + id + " »."));
        return view(attached);
    }

    /** Body: the schema itself, or {@code {"url": "...", "onSchemaError": "block"}}; {@code ?onSchemaError=}. */
    @PutMapping(path = "/api/datasets/{id}/schema", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attache (ou remplace) un schéma TableSchema : le JSON du schéma, ou {\"url\": …}")
    Map<String, Object> attach(@PathVariable String id, @RequestBody JsonNode body,
                               @RequestParam(required = false) @Nullable String onSchemaError) {
        boolean reference = body.has("url") && !body.has("fields");
        String mode = onSchemaError != null ? onSchemaError
                : reference && body.has("onSchemaError") ? body.get("onSchemaError").asString() : "report";
        OnSchemaError parsed;
        try {
            parsed = OnSchemaError.parse(mode);
        } catch (IllegalArgumentException e) {
            throw IngestProblem.badRequest(e.getMessage());
        }
        try {
            return view(schemas.attach(id, reference ? null : body.toString(),
                    reference ? body.get("url").asString() : null, parsed));
        } catch (IllegalArgumentException e) {
            throw IngestProblem.badRequest(e.getMessage());
        }
    }

    @DeleteMapping("/api/datasets/{id}/schema")
    @Operation(summary = "Détache le schéma TableSchema")
    ResponseEntity<Void> detach(@PathVariable String id) {
        schemas.detach(id);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(AttachedSchemas.Attached attached) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", attached.datasetId());
        body.put("title", attached.schema().title());
        body.put("url", attached.sourceUrl());
        body.put("onSchemaError", attached.onError().code());
        body.put("fields", attached.schema().fields().stream().map(f -> f.name()).toList());
        body.put("updated", attached.updated());
        return body;
    }

    private static Map<String, Object> version(DatasetVersion v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", v.number());
        body.put("status", v.status());
        body.put("rows", v.rowCount());
        body.put("columns", v.columns());
        body.put("geometry", v.geometry());
        body.put("bbox", v.bbox());
        body.put("contentHash", v.contentHash());
        body.put("created", v.created());
        body.put("finished", v.finished());
        body.put("message", v.message());
        return body;
    }
}
