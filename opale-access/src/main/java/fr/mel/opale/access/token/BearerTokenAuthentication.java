package fr.mel.opale.access.token;

import fr.mel.opale.access.internal.PersonPrincipal;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by a personal API token: the token's person with that person's current platform roles, so that
 * {@link fr.mel.opale.access.AccessPolicy} answers as for its password. Carries the token's id so that what a token
 * must not do (create tokens) can be told apart.
 */
public final class BearerTokenAuthentication extends AbstractAuthenticationToken {
    private final PersonPrincipal person;
    private final long tokenId;

    BearerTokenAuthentication(PersonPrincipal person, long tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.person = person;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    /** The id of the token the request carried. */
    public long tokenId() {
        return tokenId;
    }

    /** Never the secret: it is not kept once the request is authenticated. */
    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return person;
    }
}
