package fr.mel.opale.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Providers declared by environment variables and properties, merged; every problem named. */
class OidcSettingsTest {
    @Test
    void environmentVariablesDeclareProvidersWithTheKindsDefaults() {
        List<ProviderSettings> providers = OidcSettings.parse(Map.of(), Map.of(
                "OPALE_OIDC_FRANCECONNECT_ISSUER", "https://oidc.franceconnect.gouv.fr/api/v2",
                "OPALE_OIDC_FRANCECONNECT_CLIENT_ID", "id-fc",
                "OPALE_OIDC_FRANCECONNECT_CLIENT_SECRET", "secret-fc",
                "OPALE_OIDC_FRANCECONNECT_KIND", "franceconnect",
                "OPALE_OIDC_MEL_AGENTS_ISSUER", "https://sso.lillemetropole.fr/realms/agents",
                "OPALE_OIDC_MEL_AGENTS_CLIENT_ID", "opale",
                "OPALE_OIDC_MEL_AGENTS_CLIENT_SECRET", "s",
                "OPALE_OIDC_MEL_AGENTS_LABEL", "MEL (agents)",
                "OPALE_OIDC_MEL_AGENTS_GROUPS_CLAIM", "realm_access.roles",
                "OPALE_MAIL_HOST", "smtp.exemple.fr"));
        assertThat(providers).extracting(ProviderSettings::id).containsExactly("franceconnect", "mel-agents");
        ProviderSettings fc = providers.get(0);
        assertThat(fc.kind()).isEqualTo(ProviderKind.FRANCECONNECT);
        assertThat(fc.label()).isEqualTo("FranceConnect");
        assertThat(fc.scopes()).containsExactly("openid", "given_name", "family_name", "email");
        assertThat(fc.toString()).doesNotContain("secret-fc");
        ProviderSettings mel = providers.get(1);
        assertThat(mel.kind()).isEqualTo(ProviderKind.GENERIC);
        assertThat(mel.label()).isEqualTo("MEL (agents)");
        assertThat(mel.clientId()).isEqualTo("opale");
        assertThat(mel.groupsClaim()).isEqualTo("realm_access.roles");
        assertThat(mel.scopes()).containsExactly("openid", "profile", "email");
    }

    @Test
    void environmentVariablesWinOverPropertiesFieldByField() {
        List<ProviderSettings> providers = OidcSettings.parse(
                Map.of("pc", Map.of("issuer", "https://auth.agentconnect.gouv.fr/api/v2", "client-id", "a",
                        "client-secret", "b", "kind", "proconnect", "scopes", "given_name email")),
                Map.of("OPALE_OIDC_PC_CLIENT_ID", "depuis-l-environnement"));
        assertThat(providers).singleElement().satisfies(p -> {
            assertThat(p.clientId()).isEqualTo("depuis-l-environnement");
            assertThat(p.scopes()).containsExactly("openid", "given_name", "email");
            assertThat(p.label()).isEqualTo("ProConnect");
        });
    }

    @Test
    void noProviderIsNoProblem() {
        assertThat(OidcSettings.parse(Map.of(), Map.of("PATH", "/usr/bin"))).isEmpty();
    }

    @Test
    void everyProblemIsNamed() {
        assertThatThrownBy(() -> OidcSettings.parse(Map.of(), Map.of(
                "OPALE_OIDC_A_ISSUER", "pas-une-adresse", "OPALE_OIDC_A_CLIENT_ID", "x",
                "OPALE_OIDC_A_KIND", "saml",
                "OPALE_OIDC_B_CLIENT_SECRET", "valeur-secrete-b")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a : client-secret manquant (OPALE_OIDC_A_CLIENT_SECRET)")
                .hasMessageContaining("a : type « saml » inconnu")
                .hasMessageContaining("a : l’émetteur (issuer) doit être une adresse http(s) absolue")
                .hasMessageContaining("b : issuer manquant (OPALE_OIDC_B_ISSUER)")
                .hasMessageContaining("b : client-id manquant")
                .message().doesNotContain("valeur-secrete-b");
    }
}
