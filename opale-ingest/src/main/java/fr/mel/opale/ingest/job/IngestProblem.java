package fr.mel.opale.ingest.job;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import fr.mel.opale.access.problem.Problem;

/** The import API's errors: HTTP status, stable type URI and French message; answered as problem+json. */
public class IngestProblem extends Problem {
    private IngestProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public static IngestProblem jobNotFound(String id) {
        return new IngestProblem(HttpStatus.NOT_FOUND, "import-introuvable", "Import introuvable",
                "Aucun import n'a l'identifiant « " + id + " ».");
    }

    public static IngestProblem scheduleNotFound(String id) {
        return new IngestProblem(HttpStatus.NOT_FOUND, "planification-introuvable", "Planification introuvable",
                "Aucune planification n'a l'identifiant « " + id + " ».");
    }

    public static IngestProblem busy(int running, int queued) {
        IngestProblem problem = new IngestProblem(HttpStatus.SERVICE_UNAVAILABLE, "imports-satures",
                "Trop d'imports en cours", "Le serveur traite déjà " + running + " imports et " + queued
                        + " attendent : réessayez dans quelques minutes.");
        problem.getHeaders().set("Retry-After", "60");
        return problem;
    }

    public static IngestProblem alreadyFinished(String id, JobStatus status) {
        return new IngestProblem(HttpStatus.CONFLICT, "import-termine", "Import déjà terminé",
                "L'import « " + id + " » est déjà terminé (" + status.code() + ") : il ne peut plus être annulé.");
    }

    public static IngestProblem badRequest(String detail) {
        return new IngestProblem(HttpStatus.BAD_REQUEST, "import-invalide", "Import invalide", detail);
    }

    public static IngestProblem unreadable(String code, String detail) {
        IngestProblem problem = new IngestProblem(HttpStatus.UNPROCESSABLE_CONTENT, "fichier-illisible",
                "Fichier illisible", detail);
        problem.getBody().setProperty("code", code);
        return problem;
    }

    public static IngestProblem stagedNotFound(String token) {
        return new IngestProblem(HttpStatus.NOT_FOUND, "envoi-introuvable", "Fichier envoyé introuvable",
                "Le fichier envoyé (« " + token + " ») n'est plus disponible : envoyez-le de nouveau.");
    }
}
