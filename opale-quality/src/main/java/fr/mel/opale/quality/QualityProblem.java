package fr.mel.opale.quality;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import fr.mel.opale.access.problem.Problem;

/** The quality module's errors, with a French message; answered as problem+json by opale-access. */
public class QualityProblem extends Problem {
    private QualityProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public static QualityProblem notScored(String id) {
        return new QualityProblem(HttpStatus.NOT_FOUND, "qualite-non-evaluee", "Qualité non évaluée",
                "Aucune règle de qualité ne s'applique au type de la fiche « " + id + " ».");
    }

    public static QualityProblem unknownOrganisation(String slug) {
        return new QualityProblem(HttpStatus.NOT_FOUND, "organisation-introuvable", "Organisation introuvable",
                "Aucune fiche visible n'est publiée par l'organisation « " + slug + " ».");
    }
}
