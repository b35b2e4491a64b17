package fr.mel.opale.access.oidc;

import java.io.Serial;
import java.io.Serializable;

/**
 * The details of a session opened through a provider (on the session's authentication, which keeps its
 * {@code PersonPrincipal} like any other login so that the policy and the session index see one kind of person):
 * what logging out through the provider's end-session endpoint needs.
 *
 * @param idToken the ID token of the login, sent back as {@code id_token_hint}; never shown nor logged
 */
public record ProviderDetails(String provider, String idToken) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "ProviderDetails[provider=" + provider + "]";
    }
}
