package fr.mel.opale.ogcapi;

import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import fr.mel.opale.access.problem.Problem;

/**
 * The OGC APIs' errors, each with its status, a stable type and a French message; rendered as problem+json by
 * {@code opale-access}'s error handler (OGC clients accept it: the standard asks for a JSON body and a status).
 */
public class OgcApiProblem extends Problem {
    private OgcApiProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public static OgcApiProblem badParameter(String name, String detail) {
        return new OgcApiProblem(HttpStatus.BAD_REQUEST, "parametre-invalide", "Paramètre invalide",
                "Paramètre « " + name + " » : " + detail);
    }

    public static OgcApiProblem unknownParameters(Collection<String> unknown, Collection<String> allowed) {
        return new OgcApiProblem(HttpStatus.BAD_REQUEST, "parametre-inconnu", "Paramètre inconnu",
                "Paramètre(s) inconnu(s) : " + String.join(", ", unknown) + ". Paramètres acceptés ici : "
                        + String.join(", ", allowed) + ".");
    }

    public static OgcApiProblem collectionNotFound(String id) {
        return new OgcApiProblem(HttpStatus.NOT_FOUND, "collection-introuvable", "Collection introuvable",
                "Aucune collection n'a l'identifiant « " + id + " ».");
    }

    public static OgcApiProblem featureNotFound(String collection, String id) {
        return new OgcApiProblem(HttpStatus.NOT_FOUND, "objet-introuvable", "Objet introuvable",
                "La collection « " + collection + " » n'a pas d'objet « " + id + " ».");
    }

    public static OgcApiProblem noTiles(String collection) {
        return new OgcApiProblem(HttpStatus.NOT_FOUND, "tuiles-introuvables", "Tuiles introuvables",
                "La collection « " + collection + " » n'a pas de géométrie, donc pas de tuiles.");
    }

    public static OgcApiProblem unknownTileMatrixSet(String id) {
        return new OgcApiProblem(HttpStatus.NOT_FOUND, "grille-introuvable", "Grille de tuilage introuvable",
                "Grille de tuilage « " + id + " » inconnue : seule WebMercatorQuad est servie.");
    }

    public static OgcApiProblem notAcceptable(String detail) {
        return new OgcApiProblem(HttpStatus.NOT_ACCEPTABLE, "format-non-disponible", "Format non disponible", detail);
    }

    public static OgcApiProblem invalidFilter(String detail) {
        return new OgcApiProblem(HttpStatus.BAD_REQUEST, "filtre-invalide", "Filtre invalide", detail);
    }
}
