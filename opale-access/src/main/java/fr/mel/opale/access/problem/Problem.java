package fr.mel.opale.access.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every module's typed error ({@code CatalogProblem}, {@code DataProblem}...): an HTTP status, a stable
 * code that becomes the problem's type URI, and a French title and detail safe to show to the user.
 * {@link ProblemResponses} turns it into RFC 9457 problem+json.
 */
public abstract class Problem extends ErrorResponseException {
    /** Where problem types live; the code is appended, e.g. {@code .../problemes/fiche-introuvable}. */
    public static final String TYPE_BASE = "https://opale.lillemetropole.fr/problemes/";

    protected Problem(HttpStatusCode status, String code, String title, String detail) {
        super(status, null);
        setType(URI.create(TYPE_BASE + code));
        setTitle(title);
        setDetail(detail);
    }
}
