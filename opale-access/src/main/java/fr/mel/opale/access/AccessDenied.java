package fr.mel.opale.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when the policy refuses an action. Mapped to 401 (anonymous: log in first) or 403 (logged in, not allowed)
 * with a problem+json body whose French detail comes from {@code messages*.properties}.
 */
public class AccessDenied extends ErrorResponseException {
    public AccessDenied(Viewer viewer) {
        super(viewer.anonymous() ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN, null);
        setTitle(viewer.anonymous() ? "Authentification requise" : "Accès refusé");
        setDetail(viewer.anonymous()
                ? "Cette action demande d'être connecté avec un compte autorisé."
                : "Votre compte n'a pas le droit de faire cette action.");
    }

    public boolean anonymous() {
        return getStatusCode().value() == 401;
    }
}
