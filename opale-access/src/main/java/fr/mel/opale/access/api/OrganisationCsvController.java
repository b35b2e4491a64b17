package fr.mel.opale.access.api;

import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.organisation.OrganisationsCsv;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisations and their members as CSV files, for administrators: {@code GET}/{@code POST /api/organisations.csv}
 * ({@code slug;name;insee;parent}, platform administrators) and {@code /api/organisations/members.csv}
 * ({@code organisation;email;role}; organisation administrators for their own organisations). Imports are all or
 * nothing ({@link OrganisationsCsv}); bodies over {@link OrganisationsCsv#MAX_BYTES} are refused unread.
 */
@RestController
@Tag(name = "Organisations", description = "Import et export CSV des organisations et de leurs membres")
class OrganisationCsvController {
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final OrganisationsCsv csv;

    OrganisationCsvController(OrganisationsCsv csv) {
        this.csv = csv;
    }

    @GetMapping("/api/organisations.csv")
    @Operation(summary = "Les organisations (slug;name;insee;parent), pour les administrateurs de la plateforme")
    ResponseEntity<String> organisations() {
        return file("organisations.csv", csv.exportOrganisations());
    }

    // text/csv only: a cross-site form can send text/plain without a preflight, never text/csv
    @PostMapping(path = "/api/organisations.csv", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Crée ou met à jour des organisations depuis un CSV (tout ou rien)", responses = {
            @ApiResponse(responseCode = "200", description = "Nombre de lignes qui ont changé quelque chose"),
            @ApiResponse(responseCode = "400", description = "Ligne invalide, nommée ; rien n'est importé"),
            @ApiResponse(responseCode = "403", description = "Réservé aux administrateurs de la plateforme")})
    Map<String, Integer> importOrganisations(HttpServletRequest request) throws IOException {
        return Map.of("modifiees", csv.importOrganisations(body(request)));
    }

    @GetMapping("/api/organisations/members.csv")
    @Operation(summary = "Les membres (organisation;email;role) des organisations que l'on administre")
    ResponseEntity<String> members() {
        return file("membres.csv", csv.exportMembers());
    }

    @PostMapping(path = "/api/organisations/members.csv", consumes = "text/csv",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ajoute des membres ou change leur rôle depuis un CSV (tout ou rien)", responses = {
            @ApiResponse(responseCode = "200", description = "Nombre de lignes appliquées"),
            @ApiResponse(responseCode = "400", description = "Ligne invalide, nommée ; rien n'est importé"),
            @ApiResponse(responseCode = "403", description = "Une ligne vise une organisation que l'on n'administre pas")})
    Map<String, Integer> importMembers(HttpServletRequest request) throws IOException {
        return Map.of("appliquees", csv.importMembers(body(request)));
    }

    /** The body as UTF-8 text, read no further than the limit (a larger body is refused, not buffered). */
    static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > OrganisationsCsv.MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(OrganisationsCsv.MAX_BYTES + 1);
        }
        if (bytes.length > OrganisationsCsv.MAX_BYTES) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw AccessModelProblem.csv("Le fichier n'est pas en UTF-8 (enregistrez-le en « CSV UTF-8 »).");
        }
    }

    private static AccessModelProblem tooLarge() {
        return AccessModelProblem.csv("Fichier trop gros : " + OrganisationsCsv.MAX_BYTES / 1024 + " Kio au plus.");
    }

    private static ResponseEntity<String> file(String name, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
