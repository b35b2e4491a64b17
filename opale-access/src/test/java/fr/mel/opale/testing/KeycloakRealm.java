package fr.mel.opale.testing;

/**
 * A realm of the test Keycloak and the identity provider it plays, with Opale's client there. Each is imported from
 * {@code keycloak/<name>-realm.json} (test resources of opale-access). Every client is confidential
 * ({@code client_secret_basic} or {@code client_secret_post}), accepts any redirect URI under {@code http://127.0.0.1/}
 * whatever the port (Keycloak ignores the port of loopback IP redirects, RFC 8252 §7.3; {@code localhost} is refused,
 * so run the application on 127.0.0.1) and the same URIs after logout.
 */
public enum KeycloakRealm {
    /**
     * MEL's own identity provider (generic OIDC, RS256): confidential client, the agents' directory groups in a
     * {@code groups} claim (ID token, access token and userinfo), standard scopes {@code openid profile email},
     * userinfo as plain JSON.
     */
    MEL("mel", "opale-mel-secret", "openid profile email"),
    /**
     * Configured like FranceConnect v2: ES256 only (no RSA signing key), ID token and <strong>signed userinfo</strong>
     * ({@code application/jwt}, ES256), {@code acr} {@code eidas1} (ACR to LoA mapping {@code eidas1 -> 1}: a fresh
     * password login), FranceConnect's scopes {@code given_name family_name email} (plus {@code birthdate},
     * {@code gender}); identity claims only in userinfo, as FranceConnect does; no refresh token.
     */
    FRANCECONNECT("franceconnect", "opale-franceconnect-secret", "openid given_name family_name email"),
    /**
     * Configured like ProConnect (public agents): signed userinfo (RS256, so both signature families are exercised),
     * {@code acr} {@code eidas1}, ProConnect's scopes {@code given_name usual_name email uid siret siren
     * organizational_unit}; identity claims only in userinfo; no refresh token.
     */
    PROCONNECT("proconnect", "opale-proconnect-secret", "openid given_name usual_name email siret");

    /** Opale's client id, the same in every realm. */
    public static final String CLIENT_ID = "opale";

    private final String realmName;
    private final String clientSecret;
    private final String scopes;

    KeycloakRealm(String realmName, String clientSecret, String scopes) {
        this.realmName = realmName;
        this.clientSecret = clientSecret;
        this.scopes = scopes;
    }

    /** The realm's name, the last segment of its issuer ({@code /realms/<name>}). */
    public String realmName() {
        return realmName;
    }

    public String clientId() {
        return CLIENT_ID;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The scopes Opale asks this provider for, space-separated, {@code openid} first. */
    public String scopes() {
        return scopes;
    }

    /** The realm file on the test classpath, imported at Keycloak's start. */
    String resource() {
        return "keycloak/" + realmName + "-realm.json";
    }
}
