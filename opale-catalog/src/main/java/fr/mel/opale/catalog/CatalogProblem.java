package fr.mel.opale.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import fr.mel.opale.access.problem.Problem;

/**
 * The catalog's errors, each with its HTTP status, a stable type URI and a French message for the user.
 * Translated once to problem+json by the web layer's exception handler.
 */
public class CatalogProblem extends Problem {
    private CatalogProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public static CatalogProblem notFound(String id) {
        return new CatalogProblem(HttpStatus.NOT_FOUND, "fiche-introuvable", "Fiche introuvable",
                "Aucune fiche n'a l'identifiant « " + id + " ».");
    }

    public static CatalogProblem alreadyExists(String id) {
        return new CatalogProblem(HttpStatus.CONFLICT, "fiche-existante", "Identifiant déjà utilisé",
                "Une fiche a déjà l'identifiant « " + id + " » : modifiez-la plutôt que de la recréer.");
    }

    public static CatalogProblem versionConflict(String id, long expected, long actual) {
        return new CatalogProblem(HttpStatus.PRECONDITION_FAILED, "conflit-de-version", "Fiche modifiée entre-temps",
                "La fiche « " + id + " » est en version " + actual + " et non " + expected
                        + " : rechargez-la et refaites votre modification.");
    }

    public static CatalogProblem versionRequired(String id) {
        return new CatalogProblem(HttpStatus.PRECONDITION_REQUIRED, "version-requise", "Version requise",
                "Indiquez la version de la fiche « " + id + " » que vous modifiez (en-tête If-Match).");
    }

    public static CatalogProblem invalid(String detail) {
        return new CatalogProblem(HttpStatus.BAD_REQUEST, "fiche-invalide", "Fiche invalide", detail);
    }

    public static CatalogProblem idMismatch(String pathId, String bodyId) {
        return invalid("L'identifiant du corps (« " + bodyId + " ») diffère de celui de l'adresse (« " + pathId + " »).");
    }

    /**
     * An import refused as a whole; {@code errors} lists each file (ZIP entry) that could not be read and why, so
     * the producer can fix them all at once. Nothing was stored.
     */
    public static CatalogProblem importRejected(String detail, java.util.List<FileError> errors) {
        CatalogProblem problem = new CatalogProblem(HttpStatus.BAD_REQUEST, "import-refuse", "Import refusé", detail);
        if (!errors.isEmpty()) {
            problem.getBody().setProperty("errors", errors);
        }
        return problem;
    }

    public static CatalogProblem tooLarge(String detail) {
        return new CatalogProblem(HttpStatus.CONTENT_TOO_LARGE, "trop-volumineux", "Envoi trop volumineux", detail);
    }

    public static CatalogProblem unsupportedType(String contentType, String accepted) {
        return new CatalogProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type-non-pris-en-charge",
                "Type de contenu non pris en charge",
                "Le type « " + contentType + " » n'est pas accepté ici ; envoyez " + accepted + ".");
    }

    /** One file that could not be imported, named as in the upload (ZIP entry path or "document"). */
    public record FileError(String file, String message) {
    }
}
