package fr.mel.opale.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code mel} realm plays MEL's own identity provider: generic OIDC, RS256, the agents' groups in a claim. */
class MelRealmTest extends ProviderRealmContract {
    MelRealmTest() {
        super(KeycloakRealm.MEL, JWSAlgorithm.RS256, JSON_USERINFO, null, "1", KeycloakUser.MEL_AGENT);
    }

    @Override
    Map<String, Object> userinfoOf(KeycloakUser person) {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("preferred_username", person.username(),
                "given_name", person.givenName(), "family_name", person.familyName(),
                "email_verified", person.emailVerified()));
        if (person.email() != null) {
            claims.put("email", person.email());
        }
        if (!person.groups().isEmpty()) {
            claims.put("groups", person.groups());
        }
        return claims;
    }

    @Test
    void groupsClaimNamesTheAgentsDirectoryGroupsInIdTokenAndUserinfo() throws Exception {
        for (KeycloakUser agent : new KeycloakUser[]{KeycloakUser.MEL_AGENT, KeycloakUser.MEL_COMMUNE_AGENT}) {
            SignedIn signedIn = signIn(agent);
            JWTClaimsSet id = verify(signedIn.tokens().path("id_token").asString(), jwks(), Set.of("sub"));
            assertThat(id.getStringListClaim("groups")).as(agent.username())
                    .containsExactlyInAnyOrderElementsOf(agent.groups());
            assertThat(readUserinfo(userinfo(signedIn))).containsEntry("groups", agent.groups());
        }
    }

    @Test
    void agentWithoutGroupsGetsNoGroupsClaim() throws Exception {
        SignedIn signedIn = signIn(KeycloakUser.MEL_NO_EMAIL);
        JWTClaimsSet id = verify(signedIn.tokens().path("id_token").asString(), jwks(), Set.of("sub"));
        assertThat(id.getClaim("groups")).isNull();
    }

    @Test
    void unverifiedAndMissingAddressesAreSaidSo() throws Exception {
        for (KeycloakUser agent : new KeycloakUser[]{KeycloakUser.MEL_UNVERIFIED_EMAIL, KeycloakUser.MEL_NO_EMAIL}) {
            Map<String, Object> userinfo = readUserinfo(userinfo(signIn(agent)));
            assertThat(userinfo).as(agent.username()).containsAllEntriesOf(userinfoOf(agent))
                    .containsEntry("email_verified", false);
        }
        assertThat(readUserinfo(userinfo(signIn(KeycloakUser.MEL_NO_EMAIL)))).doesNotContainKey("email");
    }
}
