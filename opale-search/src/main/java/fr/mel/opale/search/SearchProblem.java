package fr.mel.opale.search;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A search request that cannot be run as sent (malformed box, page or size): 400 with a French message. */
public class SearchProblem extends ErrorResponseException {
    private SearchProblem(String detail) {
        super(HttpStatus.BAD_REQUEST, null);
        setType(URI.create("https://opale.lillemetropole.fr/problemes/recherche-invalide"));
        setTitle("Recherche invalide");
        setDetail(detail);
    }

    public static SearchProblem invalid(String detail) {
        return new SearchProblem(detail);
    }
}
