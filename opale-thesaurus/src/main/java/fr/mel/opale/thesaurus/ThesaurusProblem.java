package fr.mel.opale.thesaurus;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import fr.mel.opale.access.problem.Problem;

/** The thesaurus module's errors, each with its status, a stable type URI and a French message; problem+json. */
public class ThesaurusProblem extends Problem {
    private ThesaurusProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public static ThesaurusProblem notFound(String id) {
        return new ThesaurusProblem(HttpStatus.NOT_FOUND, "thesaurus-introuvable", "Thésaurus introuvable",
                "Aucun thésaurus n'a l'identifiant « " + id + " ».");
    }

    public static ThesaurusProblem conceptNotFound(String id, String uri) {
        return new ThesaurusProblem(HttpStatus.NOT_FOUND, "concept-introuvable", "Concept introuvable",
                "Le thésaurus « " + id + " » n'a pas de concept « " + uri + " ».");
    }

    /** The file is not usable SKOS; {@code detail} names the problem (and the line when the parser gives it). */
    public static ThesaurusProblem invalid(String detail) {
        return new ThesaurusProblem(HttpStatus.BAD_REQUEST, "thesaurus-invalide", "Thésaurus invalide", detail);
    }

    public static ThesaurusProblem badRequest(String detail) {
        return new ThesaurusProblem(HttpStatus.BAD_REQUEST, "requete-invalide", "Requête invalide", detail);
    }

    public static ThesaurusProblem alreadyExists(String detail) {
        return new ThesaurusProblem(HttpStatus.CONFLICT, "thesaurus-existant", "Thésaurus déjà présent", detail);
    }

    public static ThesaurusProblem defaultNotDeletable(String id) {
        return new ThesaurusProblem(HttpStatus.CONFLICT, "thesaurus-par-defaut", "Thésaurus indispensable",
                "Le thésaurus « " + id + " » porte les catégories d'usage du catalogue : il peut être remplacé "
                        + "(PUT) mais pas supprimé.");
    }

    public static ThesaurusProblem tooLarge(long maxBytes) {
        return new ThesaurusProblem(HttpStatus.CONTENT_TOO_LARGE, "trop-volumineux", "Envoi trop volumineux",
                "Le fichier dépasse la taille maximale acceptée (" + maxBytes / (1024 * 1024) + " Mo).");
    }

    public static ThesaurusProblem unsupportedType(String contentType) {
        return new ThesaurusProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type-non-pris-en-charge",
                "Type de contenu non pris en charge", "Le type « " + contentType
                        + " » n'est pas accepté ici ; envoyez text/turtle ou application/rdf+xml.");
    }
}
