package fr.mel.opale.thesaurus.api;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.thesaurus.SkosFormat;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.thesaurus.ThesaurusProblem;
import fr.mel.opale.thesaurus.ThesaurusSummary;
import fr.mel.opale.thesaurus.internal.SkosReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/thesauri}: SKOS thesauri, read by anyone, imported, replaced and deleted by platform administrators.
 * Uploads are the SKOS file itself as the body ({@code text/turtle} or {@code application/rdf+xml}), read as a
 * bounded stream only after the caller's right has been checked.
 */
@RestController
@RequestMapping(path = "/api/thesauri", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Thésaurus", description = "Thésaurus SKOS : catégories d'usage, thèmes INSPIRE, GEMET...")
class ThesaurusController {
    private final Thesauri thesauri;
    private final AccessPolicy policy;

    ThesaurusController(Thesauri thesauri, AccessPolicy policy) {
        this.thesauri = thesauri;
        this.policy = policy;
    }

    @GetMapping
    @Operation(summary = "Les thésaurus chargés, celui des catégories d'usage en premier")
    List<ThesaurusSummary> list() {
        return thesauri.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un thésaurus : titres, schéma, alias, nombre de concepts")
    ThesaurusSummary get(@PathVariable String id) {
        return thesauri.get(id);
    }

    @GetMapping("/{id}/concepts")
    @Operation(summary = "Les concepts de premier niveau, ou les concepts plus spécifiques d'un concept (parent), "
            + "par ordre alphabétique français")
    List<ConceptView> concepts(@PathVariable String id,
                               @Parameter(description = "URI du concept parent ; absent : concepts de premier niveau")
                               @RequestParam(required = false) @Nullable String parent) {
        List<fr.mel.opale.thesaurus.Concept> concepts = parent == null || parent.isBlank()
                ? thesauri.topConcepts(id) : thesauri.narrower(id, parent.strip());
        return concepts.stream().map(ConceptView::of).toList();
    }

    @GetMapping("/{id}/concept")
    @Operation(summary = "Un concept du thésaurus, par son URI")
    ConceptView concept(@PathVariable String id, @RequestParam String uri) {
        thesauri.get(id);
        return thesauri.concept(uri).filter(c -> c.thesaurusId().equals(id)).map(ConceptView::of)
                .orElseThrow(() -> ThesaurusProblem.conceptNotFound(id, uri));
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Importe un thésaurus SKOS (corps : le fichier Turtle ou RDF/XML)", requestBody = @RequestBody(
            required = true, content = {@Content(mediaType = "text/turtle"), @Content(mediaType = "application/rdf+xml")}))
    ResponseEntity<ThesaurusSummary> create(HttpServletRequest request,
                                            @Parameter(description = "Identifiant voulu (minuscules, chiffres, "
                                                    + "tirets) ; déduit de l'URI du schéma s'il est absent")
                                            @RequestParam(required = false) @Nullable String id) throws IOException {
        policy.requireThesaurusAdmin();
        SkosFormat format = format(request);
        ThesaurusSummary created = thesauri.create(body(request), format, id);
        return ResponseEntity.created(URI.create("/api/thesauri/" + created.id())).body(created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Remplace un thésaurus par un fichier SKOS, d'un bloc (rien ne change si le fichier est "
            + "refusé)", requestBody = @RequestBody(required = true,
            content = {@Content(mediaType = "text/turtle"), @Content(mediaType = "application/rdf+xml")}))
    ThesaurusSummary replace(@PathVariable String id, HttpServletRequest request) throws IOException {
        policy.requireThesaurusAdmin();
        SkosFormat format = format(request);
        return thesauri.replace(id, body(request), format);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Supprime un thésaurus (pas celui des catégories d'usage : remplacez-le)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        thesauri.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static SkosFormat format(HttpServletRequest request) {
        String type = request.getContentType();
        return SkosFormat.ofMediaType(type).orElseThrow(() ->
                ThesaurusProblem.unsupportedType(type == null || type.isBlank() ? "(aucun)" : type));
    }

    /** The body, refused with 413 as soon as it exceeds the limit (never trusting Content-Length alone). */
    private static byte[] body(HttpServletRequest request) throws IOException {
        long max = SkosReader.MAX_BYTES;
        if (request.getContentLengthLong() > max) {
            throw ThesaurusProblem.tooLarge(max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] content = in.readNBytes((int) max + 1);
            if (content.length > max) {
                throw ThesaurusProblem.tooLarge(max);
            }
            return content;
        }
    }
}
