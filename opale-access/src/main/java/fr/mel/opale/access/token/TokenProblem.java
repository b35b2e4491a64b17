package fr.mel.opale.access.token;

import fr.mel.opale.access.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** Errors of the token API, each with its status, a stable type URI and a French message; problem+json. */
public class TokenProblem extends Problem {
    private TokenProblem(HttpStatusCode status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    static TokenProblem invalid(String detail) {
        return new TokenProblem(HttpStatus.BAD_REQUEST, "demande-de-jeton-invalide", "Demande de jeton invalide", detail);
    }

    static TokenProblem tooMany(int max) {
        return new TokenProblem(HttpStatus.CONFLICT, "trop-de-jetons", "Trop de jetons",
                "Un compte peut détenir au plus " + max + " jetons actifs ; révoquez-en un avant d'en créer un autre.");
    }

    static TokenProblem notFound(long id) {
        return new TokenProblem(HttpStatus.NOT_FOUND, "jeton-introuvable", "Jeton introuvable",
                "Vous n'avez pas de jeton numéro " + id + ".");
    }

    static TokenProblem createdWithToken() {
        return new TokenProblem(HttpStatus.FORBIDDEN, "jeton-par-jeton", "Création refusée",
                "Un jeton ne peut pas créer d'autres jetons : connectez-vous avec votre mot de passe pour en créer un.");
    }
}
