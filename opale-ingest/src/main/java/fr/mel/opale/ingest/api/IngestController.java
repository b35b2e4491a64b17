package fr.mel.opale.ingest.api;

import fr.mel.opale.ingest.IngestException;
import fr.mel.opale.ingest.InvalidReadOptions;
import fr.mel.opale.ingest.job.IngestJob;
import fr.mel.opale.ingest.job.IngestJobs;
import fr.mel.opale.ingest.job.IngestOptions;
import fr.mel.opale.ingest.job.IngestProblem;
import fr.mel.opale.ingest.job.IngestSchedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/ingest}: upload a file (multipart, streamed to disk) or give a URL, follow the job, cancel it; the
 * dry run analyses an upload synchronously. Editors only (401 anonymous, 403 others).
 */
@RestController
@Tag(name = "Import")
class IngestController {
    private final IngestJobs jobs;

    IngestController(IngestJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(path = "/api/ingest", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Importe un fichier (parties « file », « options » JSON facultatives, « dataset » = jeu à "
            + "mettre à jour) ; avec dryRun=true, renvoie l'analyse sans rien publier")
    ResponseEntity<?> upload(@RequestPart(name = "file", required = false) @Nullable MultipartFile file,
                             @RequestParam(name = "options", required = false) @Nullable String options,
                             @RequestParam(name = "dataset", required = false) @Nullable String dataset,
                             @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun) {
        if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
            throw IngestProblem.badRequest("Joignez le fichier à importer dans la partie « file ».");
        }
        IngestOptions parsed = parse(options);
        if (dryRun) {
            return ResponseEntity.ok(AnalysisView.of(jobs.analyse(file.getOriginalFilename(), file::transferTo,
                    parsed)));
        }
        IngestJob job = jobs.submitUpload(file.getOriginalFilename(), file::transferTo, parsed, blank(dataset));
        return accepted(job);
    }

    /** A URL source: {@code {"url": "...", "options": {...}, "dataset": "...", "schedule": "daily"}}. */
    @PostMapping(path = "/api/ingest/url", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Importe depuis une adresse http(s), éventuellement planifiée (hourly, daily, weekly, cron)")
    ResponseEntity<?> fromUrl(@RequestBody JsonNode body) {
        String url = body.has("url") ? body.get("url").asString() : null;
        if (url == null || url.isBlank()) {
            throw IngestProblem.badRequest("Donnez l'adresse du fichier dans « url ».");
        }
        JsonNode options = body.get("options");
        IngestOptions parsed = parse(options == null || options.isNull() ? null : options.toString());
        String dataset = body.has("dataset") && !body.get("dataset").isNull() ? body.get("dataset").asString() : null;
        String schedule = body.has("schedule") && !body.get("schedule").isNull() ? body.get("schedule").asString()
                : null;
        return accepted(jobs.submitUrl(url, parsed, blank(dataset), blank(schedule)));
    }

    @GetMapping(path = "/api/ingest/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Les derniers imports, du plus récent au plus ancien")
    List<IngestJob> recent(@RequestParam(defaultValue = "50") int limit) {
        return jobs.recent(limit);
    }

    @GetMapping(path = "/api/ingest/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "État d'un import : status, progress (lignes lues), datasetId, collectionId, messages")
    IngestJob job(@PathVariable String id) {
        return jobs.find(id).orElseThrow(() -> IngestProblem.jobNotFound(id));
    }

    @PostMapping(path = "/api/ingest/jobs/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Annule un import en attente ou en cours (la version servie ne change pas)")
    ResponseEntity<IngestJob> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(jobs.cancel(id));
    }

    @GetMapping(path = "/api/ingest/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Les imports planifiés")
    List<IngestSchedule> schedules() {
        return jobs.schedules();
    }

    @DeleteMapping("/api/ingest/schedules/{id}")
    @Operation(summary = "Supprime une planification")
    ResponseEntity<Void> deleteSchedule(@PathVariable String id) {
        jobs.deleteSchedule(id);
        return ResponseEntity.noContent().build();
    }

    /** A file that cannot be read (dry run): 422 with the reader's code; options that do not fit it: 400. */
    @ExceptionHandler(IngestException.class)
    ResponseEntity<ProblemDetail> unreadable(IngestException e) {
        IngestProblem problem = e instanceof InvalidReadOptions ? IngestProblem.badRequest(e.getMessage())
                : IngestProblem.unreadable(e.code(), e.getMessage());
        problem.getBody().setProperty("code", e.code());
        return ResponseEntity.status(problem.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    private static ResponseEntity<?> accepted(IngestJob job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/ingest/jobs/" + job.id()))
                .body(Map.of("jobId", job.id(), "status", job.status(), "href", "/api/ingest/jobs/" + job.id()));
    }

    private static IngestOptions parse(@Nullable String options) {
        try {
            return IngestOptions.parse(options);
        } catch (IllegalArgumentException e) {
            throw IngestProblem.badRequest(e.getMessage());
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
