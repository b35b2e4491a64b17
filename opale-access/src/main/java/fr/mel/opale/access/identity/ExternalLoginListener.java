package fr.mel.opale.access.identity;

import java.util.Map;

/**
 * Told of every successful sign-in through an OpenID Connect provider, after the person was found or created and the
 * identity's claims recorded: what applies the claim rules to organisation memberships listens here. Every bean
 * implementing it is called, in the sign-in's request; an exception it throws is logged and does not undo the login
 * (the person is who the provider says, whatever becomes of the memberships).
 */
public interface ExternalLoginListener {
    /**
     * @param personId the person who just signed in
     * @param provider the provider's id in the settings ({@code mel}, {@code franceconnect}...)
     * @param claims   the claims of this login (ID token and userinfo merged, never a token), as recorded on the
     *                 identity
     */
    void loggedIn(long personId, String provider, Map<String, Object> claims);
}
