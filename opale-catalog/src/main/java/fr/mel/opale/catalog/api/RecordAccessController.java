package fr.mel.opale.catalog.api;

import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.GrantPrincipal;
import fr.mel.opale.catalog.RecordAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/access/records/{id}}: who sees a record — its visibility and grants — read and replaced as a whole
 * ({@link RecordAccess}), by platform administrators and the editors of its owner organisation.
 */
@RestController
@Tag(name = "Droits d'accès", description = "Pourquoi une personne voit, ou ne voit pas, une fiche")
class RecordAccessController {
    private final RecordAccess access;

    RecordAccessController(RecordAccess access) {
        this.access = access;
    }

    /** A grant in a request or an answer. */
    record GrantBody(@Schema(example = "organisation:lambersart", description = "organisation:<identifiant>, "
            + "project:<identifiant>, person:<numéro> ou logged-in") String principal,
                     @Schema(example = "READ", description = "READ ou WRITE") String right) {
    }

    /** The access of a record. */
    record AccessBody(@Nullable String record, @Nullable String owner,
                      @Schema(example = "RESTRICTED", description = "PUBLIC, RESTRICTED ou DRAFT") @Nullable String visibility,
                      @Nullable List<GrantBody> grants) {
    }

    @GetMapping(path = "/api/access/records/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Visibilité et droits accordés sur une fiche")
    ResponseEntity<AccessBody> get(@PathVariable String id) {
        return answer(access.of(id));
    }

    @PutMapping(path = "/api/access/records/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change la visibilité et remplace les droits (absents : inchangés), tout ou rien",
            responses = {
                    @ApiResponse(responseCode = "200", description = "L'accès après le changement"),
                    @ApiResponse(responseCode = "400", description = "Bénéficiaire ou droit inconnu, rien n'est changé"),
                    @ApiResponse(responseCode = "403", description = "Ni administrateur ni éditeur de l'organisation "
                            + "propriétaire"),
                    @ApiResponse(responseCode = "404", description = "Fiche inconnue ou invisible")})
    ResponseEntity<AccessBody> put(@PathVariable String id, @RequestBody AccessBody body) {
        Map<GrantPrincipal, AccessRight> rights = null;
        if (body.grants() != null) {
            rights = new LinkedHashMap<>();
            for (GrantBody g : body.grants()) {
                if (g == null || g.principal() == null || g.right() == null) {
                    throw AccessModelProblem.invalid("Chaque droit a un bénéficiaire (principal) et un droit (right).");
                }
                AccessRight right = switch (g.right().strip().toUpperCase(java.util.Locale.ROOT)) {
                    case "READ" -> AccessRight.READ;
                    case "WRITE" -> AccessRight.WRITE;
                    default -> throw AccessModelProblem.invalid("Droit inconnu « " + g.right().replaceAll(
                            "\\p{Cntrl}", "?") + " » : READ ou WRITE.");
                };
                rights.put(GrantPrincipal.parse(g.principal()), right);
            }
        }
        return answer(access.change(id, body.visibility() == null ? null : RecordAccess.visibility(body.visibility()),
                rights));
    }

    private static ResponseEntity<AccessBody> answer(RecordAccess.State state) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new AccessBody(state.record().id(),
                state.protection().ownerOrganisation(), state.visibility(),
                state.grants().stream().map(g -> new GrantBody(g.principal().key(), g.right().name())).toList()));
    }
}
