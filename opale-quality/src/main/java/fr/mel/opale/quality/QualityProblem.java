package fr.mel.opale.quality;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/** The quality module's errors, with a French message; answered as problem+json by opale-access. */
public class QualityProblem extends ErrorResponseException {
    private QualityProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, null);
        setType(URI.create("https://opale.lillemetropole.fr/problemes/" + code));
        setTitle(title);
        setDetail(detail);
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
