package fr.mel.opale.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code proconnect} realm is configured like ProConnect: signed userinfo (RS256), {@code acr} {@code eidas1},
 * the agent's establishment ({@code siret}, {@code siren}) and usual name.
 */
class ProConnectRealmTest extends ProviderRealmContract {
    ProConnectRealmTest() {
        super(KeycloakRealm.PROCONNECT, JWSAlgorithm.RS256, SIGNED_USERINFO, "eidas1", "eidas1",
                KeycloakUser.PC_MEL_AGENT);
    }

    @Override
    Map<String, Object> userinfoOf(KeycloakUser person) {
        return Map.of("given_name", person.givenName(), "usual_name", person.familyName(),
                "email", person.email(), "siret", person.siret());
    }

    @Test
    void agentsOfEachOrganisationGetTheirEstablishment() throws Exception {
        for (KeycloakUser agent : new KeycloakUser[]{KeycloakUser.PC_MEL_AGENT, KeycloakUser.PC_COMMUNE_AGENT}) {
            Map<String, Object> userinfo = readUserinfo(userinfo(signIn(agent)));
            assertThat(userinfo).as(agent.username()).containsAllEntriesOf(userinfoOf(agent))
                    .doesNotContainKeys("family_name", "email_verified", "siren", "uid");
        }
    }

    @Test
    void moreAgentClaimsOnRequest() throws Exception {
        Map<String, Object> userinfo = readUserinfo(userinfo(signIn(user(),
                realm().scopes() + " siren uid organizational_unit")));
        assertThat(userinfo).containsEntry("siren", "200093201").containsEntry("uid", "amelie.fontaine")
                .containsEntry("organizational_unit", "Direction de la donnée");
    }
}
