package fr.mel.opale.access.oidc;

import java.util.Locale;
import java.util.Optional;

/**
 * The protocol profile of a provider: FranceConnect (v2, citizens) and ProConnect (public-sector agents) sign their
 * userinfo answers and are trusted for the addresses they give; a generic provider (MEL's Keycloak, Entra ID,
 * LemonLDAP::NG...) follows plain OpenID Connect.
 */
public enum ProviderKind {
    FRANCECONNECT("openid given_name family_name email", "FranceConnect"),
    PROCONNECT("openid given_name usual_name email siret", "ProConnect"),
    GENERIC("openid profile email", null);

    private final String defaultScopes;
    private final String defaultLabel;

    ProviderKind(String defaultScopes, String defaultLabel) {
        this.defaultScopes = defaultScopes;
        this.defaultLabel = defaultLabel;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProviderKind> of(String slug) {
        for (ProviderKind kind : values()) {
            if (kind.slug().equalsIgnoreCase(slug.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    String defaultScopes() {
        return defaultScopes;
    }

    /** The label of the button when none is set: the provider's brand, else its id. */
    String defaultLabel(String id) {
        return defaultLabel == null ? id : defaultLabel;
    }

    /**
     * Whether the userinfo answer must be a signed JWT: FranceConnect and ProConnect always send one, so a plain
     * JSON answer from them is refused rather than trusted unsigned.
     */
    boolean signsUserInfo() {
        return this != GENERIC;
    }

    /**
     * Whether an address given without {@code email_verified} counts as verified. FranceConnect and ProConnect
     * only pass on addresses their identity providers vouch for (ProConnect sends no such claim at all); OpenID
     * Connect says nothing of an address without that claim, so a generic provider's is not verified.
     */
    boolean vouchesForEmails() {
        return this != GENERIC;
    }
}
