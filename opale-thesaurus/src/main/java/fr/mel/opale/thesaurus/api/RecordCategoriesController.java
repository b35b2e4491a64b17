package fr.mel.opale.thesaurus.api;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.thesaurus.Concept;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.thesaurus.ThesaurusProblem;
import fr.mel.opale.thesaurus.ThesaurusSummary;
import fr.mel.opale.thesaurus.internal.ConceptKeywords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/records/{id}/categories}: an editor sets a record's usage categories. The body is a JSON array of
 * concept URIs or slugs of the usage-category thesaurus; they replace the record's usage-category keywords (other
 * keywords untouched), through {@link Catalog#update} and so the access policy.
 *
 * <p>Versions: an {@code If-Match} header, when given, must carry the record's current version (412 otherwise), as
 * for {@code PUT /api/records/{id}}; without it the change applies to the current version. Setting categories is a
 * narrow change that does not overwrite anyone's other edits, so requiring the version would only add a round
 * trip. An empty array removes the record's categories; the category mapping then applies again (a record is never
 * left unclassified when its themes say where it belongs).
 */
@RestController
@Tag(name = "Fiches")
class RecordCategoriesController {
    private final Catalog catalog;
    private final Thesauri thesauri;
    private final AccessPolicy policy;

    RecordCategoriesController(Catalog catalog, Thesauri thesauri, AccessPolicy policy) {
        this.catalog = catalog;
        this.thesauri = thesauri;
        this.policy = policy;
    }

    @PutMapping(path = "/api/records/{id}/categories", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remplace les catégories d'usage d'une fiche (tableau d'URI de concepts ou d'identifiants "
            + "courts, p. ex. [\"environnement_energie\"]) ; If-Match facultatif")
    ResponseEntity<CatalogRecord> setCategories(@PathVariable String id, @RequestBody JsonNode body,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                @Nullable String ifMatch) {
        StoredRecord current = catalog.get(id);
        policy.requireCatalogEdit(current.protection());
        List<Concept> categories = categories(body);
        long version = ifMatch == null || ifMatch.isBlank() ? current.version() : version(ifMatch);
        ThesaurusSummary usage = thesauri.usageCategoryThesaurus().orElseThrow();
        List<Keyword> keywords = new ArrayList<>();
        for (Keyword keyword : current.record().keywords()) {
            if (keyword.uri() == null || !thesauri.isUsageCategory(keyword.uri())) {
                keywords.add(keyword);
            }
        }
        categories.forEach(concept -> keywords.add(ConceptKeywords.keyword(concept, usage)));
        StoredRecord stored = catalog.update(current.record().toBuilder().keywords(keywords).build(), version, null);
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"" + stored.version() + "\"");
        headers.setLastModified(stored.modified());
        return ResponseEntity.ok().headers(headers).body(stored.record());
    }

    private List<Concept> categories(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ThesaurusProblem.badRequest("Le corps doit être un tableau JSON d'URI de concepts ou d'identifiants "
                    + "de catégories d'usage, par exemple [\"environnement_energie\"].");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Concept> result = new ArrayList<>();
        for (JsonNode value : body) {
            String text = value.isString() ? value.asString().strip() : null;
            if (text == null || text.isEmpty()) {
                throw ThesaurusProblem.badRequest("Chaque élément doit être une chaîne non vide (URI ou identifiant de "
                        + "catégorie) ; reçu : " + value);
            }
            Concept concept = thesauri.usageCategory(text).orElseThrow(() -> ThesaurusProblem.badRequest(
                    "« " + text + " » n'est pas une catégorie d'usage connue."));
            if (seen.add(concept.uri())) {
                result.add(concept);
            }
        }
        return result;
    }

    private static long version(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw CatalogProblem.invalid("L'en-tête If-Match doit contenir la version de la fiche, par exemple \"3\".");
        }
    }
}
