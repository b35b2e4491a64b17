package fr.mel.opale.search;

import org.springframework.http.HttpStatus;
import fr.mel.opale.access.problem.Problem;

/** A search request that cannot be run as sent (malformed box, page or size): 400 with a French message. */
public class SearchProblem extends Problem {
    private SearchProblem(String detail) {
        super(HttpStatus.BAD_REQUEST, "recherche-invalide", "Recherche invalide", detail);
    }

    public static SearchProblem invalid(String detail) {
        return new SearchProblem(detail);
    }
}
