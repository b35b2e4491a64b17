package fr.mel.opale.access.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where errors become HTTP answers: RFC 9457 problem+json with a French {@code detail}.
 *
 * <p>Domain errors extend Spring's {@link org.springframework.web.ErrorResponseException} and carry their status and
 * message; Spring MVC's own errors (bad JSON, missing parameter, wrong media type...) are translated by the parent
 * class through {@code i18n/problems*.properties}. Anything else is a bug: logged in full, answered as a bare 500
 * that reveals nothing of the internals.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getMessage() == null ? "Requête invalide." : e.getMessage());
        problem.setTitle("Requête invalide");
        return problem(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("Erreur inattendue sur {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Une erreur inattendue s'est produite ; elle a été journalisée. Réessayez plus tard.");
        problem.setTitle("Erreur interne");
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
