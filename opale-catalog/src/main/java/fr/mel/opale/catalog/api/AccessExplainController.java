package fr.mel.opale.catalog.api;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.explain.AccessExplanation;
import fr.mel.opale.access.explain.AccessExplanations;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.RecordAccess;
import fr.mel.opale.catalog.StoredRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/access/explain?person=&record=}: may person X read, edit, share record Y, and why (the chain of
 * roles and grants, {@link AccessExplanations}). Here rather than in opale-access because the record's protection is
 * the catalog's to read. Anyone about themselves (on a record they see); about someone else, platform administrators
 * and the administrators of an organisation that person belongs to, on records they may explain (their
 * organisation's, or whose access they manage) — anyone else is told the person does not exist (404), so that person
 * numbers cannot be tried in turn to list people, their names and roles. A record the asker cannot see at all answers
 * 404 as everywhere else.
 */
@RestController
@Tag(name = "Droits d'accès", description = "Pourquoi une personne voit, ou ne voit pas, une fiche")
class AccessExplainController {
    private final Catalog catalog;
    private final AccessPolicy policy;
    private final AccessExplanations explanations;

    AccessExplainController(Catalog catalog, AccessPolicy policy, AccessExplanations explanations) {
        this.catalog = catalog;
        this.policy = policy;
        this.explanations = explanations;
    }

    @GetMapping(path = "/api/access/explain", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "La décision d'accès d'une personne à une fiche et la chaîne de rôles et de droits qui y mène",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Décisions (read, edit, manageAccess) et raisons"),
                    @ApiResponse(responseCode = "401", description = "Non connecté"),
                    @ApiResponse(responseCode = "403", description = "Ni administrateur de la plateforme ni de "
                            + "l'organisation propriétaire"),
                    @ApiResponse(responseCode = "404", description = "Fiche inconnue, ou personne inconnue ou sur "
                            + "laquelle on ne peut rien apprendre")})
    ResponseEntity<AccessExplanation> explain(
            @Parameter(description = "Numéro de la personne") @RequestParam long person,
            @Parameter(description = "Identifiant de la fiche") @RequestParam String record) {
        Viewer asker = policy.currentViewer();
        if (asker.anonymous()) {
            throw new AccessDenied(asker);
        }
        StoredRecord stored = policy.asPlatform(() -> catalog.find(record))
                .orElseThrow(() -> CatalogProblem.notFound(record));
        Protected protection = RecordAccess.protection(stored);
        if (!explanations.mayExplain(asker, protection) && !policy.canRead(asker, protection)) {
            throw CatalogProblem.notFound(record);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(explanations.explainAsked(person, protection));
    }
}
