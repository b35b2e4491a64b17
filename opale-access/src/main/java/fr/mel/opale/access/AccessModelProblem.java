package fr.mel.opale.access;

import fr.mel.opale.access.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A change to organisations, projects, memberships or grants refused: a status, a stable code (the problem's type) and
 * a French detail naming what is wrong. Thrown before anything is written (or inside the transaction that is then
 * rolled back): nothing is half-applied.
 */
public class AccessModelProblem extends Problem {
    private final String code;

    private AccessModelProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, code, title, detail);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AccessModelProblem invalid(String detail) {
        return new AccessModelProblem(HttpStatus.BAD_REQUEST, "droits-invalides", "Demande invalide", detail);
    }

    public static AccessModelProblem unknownOrganisation(String slug) {
        return new AccessModelProblem(HttpStatus.NOT_FOUND, "organisation-inconnue", "Organisation inconnue",
                "Aucune organisation n'a l'identifiant « " + slug + " ».");
    }

    public static AccessModelProblem unknownProject(String slug) {
        return new AccessModelProblem(HttpStatus.NOT_FOUND, "projet-inconnu", "Projet inconnu",
                "Aucun projet n'a l'identifiant « " + slug + " ».");
    }

    public static AccessModelProblem unknownPerson(long id) {
        return new AccessModelProblem(HttpStatus.NOT_FOUND, "personne-inconnue", "Personne inconnue",
                "Aucune personne n'a le numéro " + id + ".");
    }

    public static AccessModelProblem unknownEmail(String email) {
        String clean = email.replaceAll("\\p{Cntrl}", "?");
        return new AccessModelProblem(HttpStatus.NOT_FOUND, "personne-inconnue", "Personne inconnue",
                "Aucune personne n'a l'adresse « " + (clean.length() <= 80 ? clean : clean.substring(0, 79) + "…")
                        + " » : elle doit d'abord se créer un compte.");
    }

    public static AccessModelProblem conflict(String code, String title, String detail) {
        return new AccessModelProblem(HttpStatus.CONFLICT, code, title, detail);
    }

    /**
     * A refusal met at line {@code line} of an imported CSV file: the cause's status, its detail after the line
     * number; the import applies nothing.
     */
    public static AccessModelProblem atLine(int line, org.springframework.web.ErrorResponseException cause) {
        String detail = cause.getBody().getDetail();
        return new AccessModelProblem(cause.getStatusCode(), "csv-invalide", "Fichier CSV refusé",
                "Ligne " + line + " : " + (detail == null ? "refusée" : detail) + " Rien n'a été importé.");
    }

    /** A malformed CSV file or line: 400, nothing imported. */
    public static AccessModelProblem csv(String detail) {
        return new AccessModelProblem(HttpStatus.BAD_REQUEST, "csv-invalide", "Fichier CSV refusé",
                detail + " Rien n'a été importé.");
    }

    public static AccessModelProblem lastAdministrator(String organisation) {
        return conflict("dernier-administrateur", "Dernier administrateur",
                "L'organisation « " + organisation + " » doit garder au moins un administrateur : nommez-en un autre "
                        + "avant de retirer celui-ci.");
    }
}
