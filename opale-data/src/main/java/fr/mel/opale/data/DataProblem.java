package fr.mel.opale.data;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import fr.mel.opale.access.problem.Problem;

/**
 * The data store's errors, each with its HTTP status, a stable type URI and a French message for the user;
 * translated once to problem+json by the API layer.
 */
public class DataProblem extends Problem {
    private DataProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public static DataProblem datasetNotFound(String idOrSlug) {
        return new DataProblem(HttpStatus.NOT_FOUND, "jeu-introuvable", "Jeu de données introuvable",
                "Aucun jeu de données n'a l'identifiant « " + idOrSlug + " ».");
    }

    public static DataProblem versionNotFound(String datasetId, int version) {
        return new DataProblem(HttpStatus.NOT_FOUND, "version-introuvable", "Version introuvable",
                "Le jeu de données « " + datasetId + " » n'a plus de version " + version
                        + " (seules les dernières versions sont conservées).");
    }

    public static DataProblem versionNotReady(String datasetId, int version, VersionStatus status) {
        return new DataProblem(HttpStatus.CONFLICT, "version-non-publiable", "Version non publiable",
                "La version " + version + " du jeu de données « " + datasetId + " » est à l'état " + status
                        + " : seule une version complète peut être servie.");
    }

    public static DataProblem noVersion(String datasetId) {
        return new DataProblem(HttpStatus.NOT_FOUND, "jeu-sans-donnees", "Jeu de données sans données",
                "Le jeu de données « " + datasetId + " » n'a encore aucune version chargée.");
    }

    public static DataProblem invalidSchema(String detail) {
        return new DataProblem(HttpStatus.BAD_REQUEST, "schema-invalide", "Structure de données invalide", detail);
    }

    public static DataProblem invalidQuery(String detail) {
        return new DataProblem(HttpStatus.BAD_REQUEST, "requete-invalide", "Requête invalide", detail);
    }

    /** A row or column rule that cannot be stored: nothing is written. */
    public static DataProblem invalidRule(String detail) {
        return new DataProblem(HttpStatus.BAD_REQUEST, "regle-invalide", "Règle d'accès invalide", detail);
    }

    public static DataProblem unknownProperty(String name) {
        return invalidQuery("La propriété « " + name + " » n'existe pas dans ce jeu de données.");
    }

    public static DataProblem invalidSlug(String detail) {
        return new DataProblem(HttpStatus.BAD_REQUEST, "identifiant-invalide", "Identifiant invalide", detail);
    }
}
