package fr.mel.opale.catalog.api;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.RecordPage;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.dcat.DcatExport;
import fr.mel.opale.catalog.dcat.DcatFormat;
import fr.mel.opale.catalog.dcat.DcatPaging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /dcat}: the public catalog in DCAT-AP 3, paged, for harvesters (data.gouv.fr, data.europa.eu, CKAN); and
 * {@code /api/records/{id}/dcat}: one record in DCAT-AP, for whoever may read it. The syntax is chosen by the
 * {@code format} parameter when present, else by {@code Accept}; Turtle by default.
 *
 * <p>{@code /dcat} lists only PUBLIC records, whoever asks: it is an open-data export, and what harvesters copy
 * must not depend on the harvester's credentials.
 */
@RestController
@Tag(name = "DCAT-AP", description = "Le catalogue public au format DCAT-AP 3 (Turtle, RDF/XML, JSON-LD)")
class DcatController {
    static final int MAX_PAGE_SIZE = 1000;
    static final int DEFAULT_PAGE_SIZE = 100;

    private final Catalog catalog;
    private final DcatExport export;

    DcatController(Catalog catalog, DcatExport export) {
        this.catalog = catalog;
        this.export = export;
    }

    @GetMapping("/dcat")
    @Operation(summary = "Le catalogue public en DCAT-AP 3, paginé (liens Hydra)")
    ResponseEntity<byte[]> catalog(
            @Parameter(description = "Numéro de page, à partir de 1") @RequestParam(defaultValue = "1") String page,
            @Parameter(description = "Fiches par page (1 à 1000)") @RequestParam(defaultValue = "100") String size,
            @Parameter(description = "ttl, rdf ou jsonld ; l'emporte sur l'en-tête Accept")
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable List<String> accept)
            throws HttpMediaTypeNotAcceptableException {
        int pageNumber = number(page, "Le numéro de page", 1, 1_000_000);
        int pageSize = number(size, "La taille de page", 1, MAX_PAGE_SIZE);
        DcatFormat syntax = syntax(format, accept);
        RecordPage<StoredRecord> records = catalog.listPublic(pageNumber - 1, pageSize);
        DcatPaging paging = new DcatPaging(pageNumber, pageSize, records.total(),
                format == null ? null : syntax.parameter());
        Model model = export.catalog(records.items().stream().map(StoredRecord::record).toList(), paging,
                lastModified(records));
        return answer(model, syntax);
    }

    @GetMapping("/api/records/{id}/dcat")
    @Operation(summary = "Une fiche en DCAT-AP 3 (Turtle, RDF/XML ou JSON-LD)")
    ResponseEntity<byte[]> record(@PathVariable String id,
                                  @Parameter(description = "ttl, rdf ou jsonld ; l'emporte sur l'en-tête Accept")
                                  @RequestParam(required = false) @Nullable String format,
                                  @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable List<String> accept)
            throws HttpMediaTypeNotAcceptableException {
        DcatFormat syntax = syntax(format, accept);
        StoredRecord stored = catalog.get(id);
        return answer(export.record(stored.record()), syntax);
    }

    /** The newest change of the whole public catalog: the first record of the first page, newest first. */
    private @Nullable Instant lastModified(RecordPage<StoredRecord> records) {
        if (records.total() == 0) {
            return null;
        }
        List<StoredRecord> newest = records.page() == 0 ? records.items() : catalog.listPublic(0, 1).items();
        return newest.isEmpty() ? null : newest.get(0).modified();
    }

    private static DcatFormat syntax(@Nullable String format, @Nullable List<String> accept)
            throws HttpMediaTypeNotAcceptableException {
        if (format != null) {
            DcatFormat named = DcatFormat.byParameter(format);
            if (named == null) {
                throw CatalogProblem.invalid("Le format « " + format + " » est inconnu : choisissez ttl, rdf ou jsonld.");
            }
            return named;
        }
        DcatFormat negotiated;
        try {
            negotiated = DcatFormat.negotiate(accept == null ? List.of() : accept);
        } catch (InvalidMediaTypeException malformed) {
            throw CatalogProblem.invalid("L'en-tête Accept est mal formé : " + malformed.getMediaType());
        }
        if (negotiated == null) {
            throw new HttpMediaTypeNotAcceptableException(DcatFormat.mediaTypes());
        }
        return negotiated;
    }

    private static int number(String value, String what, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // same answer as out of range
        }
        throw CatalogProblem.invalid(what + " doit être un entier compris entre " + min + " et " + max
                + " (reçu : « " + value + " »).");
    }

    private static ResponseEntity<byte[]> answer(Model model, DcatFormat syntax) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        syntax.write(model, body);
        return ResponseEntity.ok().contentType(syntax.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body.toByteArray());
    }
}
