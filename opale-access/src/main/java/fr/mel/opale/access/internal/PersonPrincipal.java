package fr.mel.opale.access.internal;

import java.io.Serial;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who an authenticated request acts for: the person's id and names at the time of the request. Its {@link #getName()}
 * is the person id, which is what Spring Session indexes sessions by: renaming a person or changing their email never
 * loses their sessions. Kept in the session (serialised), hence small and immutable.
 *
 * @param personId    the stable id
 * @param username    the login name, else the email, else {@code personne-<id>}
 * @param displayName the name shown on screen
 */
public record PersonPrincipal(long personId, String username, String displayName)
        implements AuthenticatedPrincipal, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The session index key of person {@code personId}. */
    public static String nameOf(long personId) {
        return Long.toString(personId);
    }

    @Override
    public String getName() {
        return nameOf(personId);
    }
}
