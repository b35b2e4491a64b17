package fr.mel.opale.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code franceconnect} realm is configured like FranceConnect v2: ES256 only, signed userinfo, {@code acr}
 * {@code eidas1} on request, FranceConnect's scopes, identity claims in userinfo only.
 */
class FranceConnectRealmTest extends ProviderRealmContract {
    FranceConnectRealmTest() {
        super(KeycloakRealm.FRANCECONNECT, JWSAlgorithm.ES256, SIGNED_USERINFO, "eidas1", "eidas1",
                KeycloakUser.FC_CITIZEN);
    }

    @Override
    Map<String, Object> userinfoOf(KeycloakUser person) {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("given_name", person.givenName(),
                "family_name", person.familyName(), "email_verified", person.emailVerified()));
        if (person.email() != null) {
            claims.put("email", person.email());
        }
        return claims;
    }

    @Test
    void signsWithOneP256KeyAndNoRsaKey() throws Exception {
        List<JWK> signing = jwks().getKeys().stream().filter(key -> key.getKeyUse() == KeyUse.SIGNATURE).toList();
        assertThat(signing).hasSize(1);
        assertThat(signing.get(0)).isInstanceOf(ECKey.class);
        assertThat(((ECKey) signing.get(0)).getCurve()).isEqualTo(Curve.P_256);
        assertThat(signing.get(0).getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwks().getKeys()).noneMatch(key -> "RSA".equals(key.getKeyType().getValue()));
    }

    @Test
    void idTokenCarriesNoIdentityClaimsOnlyUserinfoDoes() throws Exception {
        SignedIn signedIn = signIn(user());
        JWTClaimsSet id = verify(signedIn.tokens().path("id_token").asString(), jwks(), Set.of("sub"));
        assertThat(id.getClaims()).doesNotContainKeys("given_name", "family_name", "email", "email_verified");
        assertThat(signedIn.tokens().has("refresh_token")).as("FranceConnect gives no refresh token").isFalse();
    }

    @Test
    void otherScopesAreConfigurable() throws Exception {
        Map<String, Object> withBirth = readUserinfo(userinfo(signIn(user(), realm().scopes() + " birthdate gender")));
        assertThat(withBirth).containsEntry("birthdate", "1988-03-14").containsEntry("gender", "female");
        assertThat(readUserinfo(userinfo(signIn(user())))).doesNotContainKeys("birthdate", "gender");
    }

    /**
     * Within a session, a new request for {@code eidas1} gets the password form again (a session alone is level 0,
     * whose {@code acr} would be "0"): a browser test that signs in twice with one browser meets this page.
     */
    @Test
    void eidas1AsksForThePasswordAgainEvenWithASession() {
        signIn(browser, user(), realm().scopes());
        HttpResponse<String> again = browser.get(authorizationRequest(state(), nonce(), realm().scopes()));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(OidcUserAgent.loginFormAction(again)).isNotNull();
    }

    @Test
    void unverifiedAndMissingAddressesAreSaidSo() throws Exception {
        for (KeycloakUser citizen : new KeycloakUser[]{KeycloakUser.FC_UNVERIFIED_EMAIL, KeycloakUser.FC_NO_EMAIL}) {
            Map<String, Object> userinfo = readUserinfo(userinfo(signIn(citizen)));
            assertThat(userinfo).as(citizen.username()).containsAllEntriesOf(userinfoOf(citizen))
                    .containsEntry("email_verified", false);
        }
        assertThat(readUserinfo(userinfo(signIn(KeycloakUser.FC_NO_EMAIL)))).doesNotContainKey("email");
    }
}
