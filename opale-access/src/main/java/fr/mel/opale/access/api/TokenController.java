package fr.mel.opale.access.api;

import fr.mel.opale.access.token.ApiToken;
import fr.mel.opale.access.token.ApiTokens;
import fr.mel.opale.access.token.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tokens}: the caller's personal API tokens. Created with a password (session or HTTP Basic), never with
 * a token; the secret is in the creation answer only.
 */
@RestController
@RequestMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Jetons d'accès", description = "Jetons personnels pour l'API : en-tête « Authorization: Bearer <jeton> », "
        + "à la place du mot de passe, dans les scripts et applications")
class TokenController {
    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Body of a creation. */
    record TokenRequest(@Schema(description = "Nom du jeton, 1 à 100 caractères", example = "Script de mise à jour")
                        @Nullable String name,
                        @Schema(description = "Durée de validité en jours (1 à opale.tokens.max-days, 365 par "
                                + "défaut) ; absent : la durée par défaut", example = "90")
                        @Nullable Integer expiresInDays) {
    }

    /** Answer of a creation: the description and, this once, the secret. */
    record CreatedToken(long id, String name, String prefix, Instant created, @Nullable Instant expires,
                        @Schema(description = "Le jeton, montré cette seule fois : Opale n'en garde que l'empreinte")
                        String token) {
        static CreatedToken of(IssuedToken issued) {
            ApiToken t = issued.token();
            return new CreatedToken(t.id(), t.name(), t.prefix(), t.created(), t.expires(), issued.secret());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Crée un jeton pour le compte connecté (mot de passe ou session ; pas avec un jeton)",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Le jeton, montré une seule fois"),
                    @ApiResponse(responseCode = "400", description = "Nom ou durée invalide"),
                    @ApiResponse(responseCode = "401", description = "Non connecté"),
                    @ApiResponse(responseCode = "403", description = "Requête authentifiée par un jeton"),
                    @ApiResponse(responseCode = "409", description = "Nombre maximal de jetons atteint")})
    ResponseEntity<CreatedToken> create(@RequestBody TokenRequest request) {
        IssuedToken issued = tokens.issue(request.name(), request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.token().id()))
                .cacheControl(CacheControl.noStore())
                .body(CreatedToken.of(issued));
    }

    @GetMapping
    @Operation(summary = "Les jetons non révoqués du compte connecté, les plus récents d'abord (jamais leur valeur)")
    List<ApiToken> list() {
        return tokens.mine();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Révoque un jeton du compte connecté (un administrateur : de tout compte), immédiatement",
            responses = {@ApiResponse(responseCode = "204", description = "Révoqué"),
                    @ApiResponse(responseCode = "404", description = "Aucun jeton de ce numéro parmi les vôtres")})
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
