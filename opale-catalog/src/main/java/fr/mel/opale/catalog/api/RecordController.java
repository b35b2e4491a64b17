package fr.mel.opale.catalog.api;

import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.RecordPage;
import fr.mel.opale.catalog.RecordSummary;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.CatalogRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/records}: the catalog as JSON. Reads are public (filtered by the policy); writes need an editor.
 * The version of a record travels as its ETag; updates send it back in {@code If-Match}.
 */
@RestController
@RequestMapping(path = "/api/records", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Fiches", description = "Le catalogue des fiches de métadonnées")
class RecordController {
    static final int MAX_PAGE_SIZE = 500;

    private final Catalog catalog;
    private final JsonMapper json;

    RecordController(Catalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Liste paginée des fiches visibles, les plus récemment modifiées d'abord")
    RecordList list(@Parameter(description = "Filtre sur le titre") @RequestParam(required = false) @Nullable String q,
                    @Parameter(description = "Numéro de page, à partir de 0") @RequestParam(defaultValue = "0") int page,
                    @Parameter(description = "Taille de page (1 à 500)") @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 1_000_000) {
            throw CatalogProblem.invalid("Le numéro de page doit être compris entre 0 et 1 000 000.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw CatalogProblem.invalid("La taille de page doit être comprise entre 1 et " + MAX_PAGE_SIZE + ".");
        }
        RecordPage<RecordSummary> result = catalog.list(q, page, size);
        return new RecordList(result.total(), result.page(), result.size(), result.items());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une fiche, avec sa version dans l'en-tête ETag")
    ResponseEntity<CatalogRecord> get(@PathVariable String id) {
        StoredRecord stored = catalog.get(id);
        return ResponseEntity.ok().headers(versionHeaders(stored)).body(stored.record());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Crée une fiche (identifiant généré s'il est absent)")
    ResponseEntity<CatalogRecord> create(@RequestBody JsonNode body,
                                         @RequestParam(defaultValue = "PUBLIC") Visibility visibility,
                                         @Parameter(description = "Organisation propriétaire (identifiant) ; "
                                                 + "absente : la plateforme")
                                         @RequestParam(required = false) @Nullable String owner) {
        CatalogRecord record = parse(body, null);
        StoredRecord stored = catalog.create(record, visibility, owner == null || owner.isBlank() ? null : owner.strip());
        return ResponseEntity.created(URI.create("/api/records/" + stored.id()))
                .headers(versionHeaders(stored)).body(stored.record());
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remplace une fiche ; l'en-tête If-Match porte la version modifiée")
    ResponseEntity<CatalogRecord> update(@PathVariable String id, @RequestBody JsonNode body,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                         @RequestParam(required = false) @Nullable Visibility visibility) {
        CatalogRecord record = parse(body, id);
        long expected = expectedVersion(id, ifMatch);
        StoredRecord stored = catalog.update(record, expected, visibility);
        return ResponseEntity.ok().headers(versionHeaders(stored)).body(stored.record());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Supprime une fiche")
    ResponseEntity<Void> delete(@PathVariable String id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The page of summaries as the API shows it. */
    record RecordList(long total, int page, int size, java.util.List<RecordSummary> items) {
    }

    private CatalogRecord parse(JsonNode body, @Nullable String pathId) {
        if (!(body instanceof ObjectNode object)) {
            throw CatalogProblem.invalid("Le corps doit être un objet JSON décrivant la fiche.");
        }
        JsonNode idNode = object.get("id");
        String bodyId = idNode == null || idNode.isNull() || idNode.asString().isBlank() ? null : idNode.asString();
        if (pathId != null && bodyId != null && !pathId.equals(bodyId)) {
            throw CatalogProblem.idMismatch(pathId, bodyId);
        }
        if (bodyId == null) {
            object.put("id", pathId != null ? pathId : UUID.randomUUID().toString());
        }
        CatalogRecord record;
        try {
            record = json.treeToValue(object, CatalogRecord.class);
        } catch (RuntimeException e) {
            throw CatalogProblem.invalid("La fiche est mal formée : " + rootMessage(e));
        }
        if (record.title().isEmpty()) {
            throw CatalogProblem.invalid("Le titre de la fiche est obligatoire.");
        }
        return record;
    }

    private static long expectedVersion(String id, @Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw CatalogProblem.versionRequired(id);
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw CatalogProblem.invalid("L'en-tête If-Match doit contenir la version de la fiche, par exemple \"3\".");
        }
    }

    private static HttpHeaders versionHeaders(StoredRecord stored) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"" + stored.version() + "\"");
        headers.setLastModified(stored.modified());
        return headers;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof IllegalArgumentException ? root.getMessage() : e.getMessage();
        if (message == null) {
            return "contenu inattendu";
        }
        // Jackson appends source locations and class names that mean nothing to an editor: keep the first line.
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
