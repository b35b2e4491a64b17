package fr.mel.opale.access.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim mapping: reading and validating the YAML file, and matching claims with wildcards. */
class ClaimRulesTest {
    private static final String RULES = """
            rules:
              - claim: groups
                value: EL_LAMBERSART
                organisation: lambersart
                role: editor
              - claim: groups
                value: "EL_*_ADMIN"
                organisation: "{1}"
                role: admin
              - claim: realm_access.roles
                value: "opale-membre-?"
                organisation: "commune-{1}"
                role: member
                provider: keycloak
              - claim: siret
                value: "2159*"
                organisation: mel
                role: member
            defaults:
              - provider: franceconnect
                organisation: citoyens
                role: member
            """;

    private final ClaimRules rules = ClaimRulesFile.parse("essai", RULES);

    @Test
    void anExactValueAndAWildcardWithItsCaptureGiveTheirRoles() {
        assertThat(rules.match("keycloak", Map.of("groups", List.of("EL_LAMBERSART", "EL_ROUBAIX_ADMIN", "AUTRE"))))
                .containsExactly(new OrganisationRole("lambersart", "editor"), new OrganisationRole("roubaix", "admin"));
        assertThat(rules.match("keycloak", Map.of("groups", "EL_VILLENEUVE-D'ASCQ_ADMIN")))
                .as("captured text becomes a slug").containsExactly(new OrganisationRole("villeneuve-d-ascq", "admin"));
        assertThat(rules.match("keycloak", Map.of("groups", "el_lambersart"))).as("case-sensitive").isEmpty();
        assertThat(rules.match("keycloak", Map.of("groups", "EL_LAMBERSART_X"))).as("matched whole").isEmpty();
    }

    @Test
    void dottedPathsNumbersProvidersAndDefaults() {
        Map<String, Object> keycloak = Map.of("realm_access", Map.of("roles", List.of("opale-membre-7", "x")));
        assertThat(rules.match("keycloak", keycloak)).containsExactly(new OrganisationRole("commune-7", "member"));
        assertThat(rules.match("proconnect", keycloak)).as("rule limited to keycloak").isEmpty();
        assertThat(rules.match("proconnect", Map.of("siret", 21590350100017L)))
                .containsExactly(new OrganisationRole("mel", "member"));
        assertThat(rules.match("franceconnect", Map.of("given_name", "Anne")))
                .as("the citizens' default when nothing matched").containsExactly(new OrganisationRole("citoyens", "member"));
        assertThat(rules.match("franceconnect", Map.of("groups", "EL_LAMBERSART")))
                .as("no default once a rule matched").containsExactly(new OrganisationRole("lambersart", "editor"));
        assertThat(rules.match("keycloak", Map.of())).isEmpty();
    }

    @Test
    void everyProblemOfAFileIsNamedAndStopsTheStart() {
        assertThatThrownBy(() -> ClaimRulesFile.parse("mauvais.yml", """
                rules:
                  - claim: groups
                    value: "EL_*"
                    organisation: "{2}"
                    role: chef
                  - value: X
                    organisation: "Pas Un Slug"
                    role: member
                    couleur: bleu
                autre: 1
                """)).isInstanceOf(InvalidClaimRules.class)
                .hasMessageContaining("mauvais.yml")
                .hasMessageContaining("rules[1] : « role » doit valoir member, editor ou admin (et non « chef »)")
                .hasMessageContaining("rules[1] : « organisation » nomme {2} mais « value » n'a que 1 joker(s)")
                .hasMessageContaining("rules[2] : « claim » manque")
                .hasMessageContaining("rules[2] : clé inconnue « couleur »")
                .hasMessageContaining("« organisation » doit être un identifiant en minuscules")
                .hasMessageContaining("clé inconnue « autre »");
        assertThatThrownBy(() -> ClaimRulesFile.parse("x", "rules: [")).isInstanceOf(InvalidClaimRules.class)
                .hasMessageContaining("YAML illisible");
        assertThatThrownBy(() -> ClaimRulesFile.parse("x", "- a\n- b")).isInstanceOf(InvalidClaimRules.class);
    }

    @Test
    void theFileIsTheSettingElseTheDataDirectorysElseNone(@TempDir Path dir) throws Exception {
        assertThat(ClaimRulesFile.load("", dir.toString())).isSameAs(ClaimRules.NONE);
        Files.writeString(dir.resolve(ClaimRulesFile.FILE_NAME), RULES);
        assertThat(ClaimRulesFile.load("", dir.toString()).rules()).hasSize(4);
        assertThatThrownBy(() -> ClaimRulesFile.load(dir.resolve("absent.yml").toString(), dir.toString()))
                .isInstanceOf(InvalidClaimRules.class).hasMessageContaining("introuvable");
        Path other = Files.writeString(dir.resolve("autres.yml"), "rules: []\ndefaults: []\n");
        assertThat(ClaimRulesFile.load(other.toString(), dir.toString()).rules()).isEmpty();
    }
}
