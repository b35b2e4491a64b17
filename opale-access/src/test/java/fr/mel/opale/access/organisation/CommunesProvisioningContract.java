package fr.mel.opale.access.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The MEL and its 95 communes are there after start, on a real database, with their INSEE codes and the MEL as
 * parent; provisioning again creates nothing (what a restart does).
 */
@SpringBootTest(classes = AccessModelContract.ModelTestApplication.class,
        properties = {"spring.flyway.locations=classpath:db/migration/{vendor}", "spring.main.banner-mode=off",
                "logging.level.root=warn"})
abstract class CommunesProvisioningContract {
    @Autowired Organisations organisations;
    @Autowired CommunesProvisioning provisioning;
    @Autowired AccessPolicy policy;
    @Autowired JdbcClient jdbc;

    @Test
    void theShippedListHoldsTheNinetyFiveCommunesOnce() {
        List<CommunesProvisioning.Commune> communes = CommunesProvisioning.communes();
        assertThat(communes).hasSize(95);
        Set<String> insee = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        communes.forEach(c -> {
            insee.add(c.inseeCode());
            slugs.add(c.slug());
        });
        assertThat(insee).hasSize(95).allMatch(code -> code.startsWith("59"));
        assertThat(slugs).hasSize(95);
        assertThat(communes).contains(new CommunesProvisioning.Commune("Marcq-en-Barœul", "59378", "marcq-en-baroeul"),
                new CommunesProvisioning.Commune("Villeneuve-d'Ascq", "59009", "villeneuve-d-ascq"));
    }

    @Test
    void theCommunesAreOrganisationsUnderTheMelAfterStart() {
        Organisation mel = organisations.find(CommunesProvisioning.MEL).orElseThrow();
        assertThat(mel.name()).isEqualTo("Métropole Européenne de Lille");
        assertThat(mel.parent()).isNull();
        List<Organisation> communes = organisations.all().stream()
                .filter(o -> CommunesProvisioning.MEL.equals(o.parent())).toList();
        assertThat(communes).hasSize(95);
        assertThat(communes).allMatch(o -> o.inseeCode() != null && o.inseeCode().matches("59[0-9]{3}"));
        assertThat(organisations.find("lille").orElseThrow().inseeCode()).isEqualTo("59350");
        assertThat(organisations.find("roubaix").orElseThrow().inseeCode()).isEqualTo("59512");
        assertThat(organisations.find("tourcoing").orElseThrow().inseeCode()).isEqualTo("59599");
        assertThat(organisations.find("lambersart").orElseThrow().inseeCode()).isEqualTo("59328");
        assertThat(organisations.find("lambersart").orElseThrow().name()).isEqualTo("Lambersart");
    }

    @Test
    void provisioningAgainCreatesNothingAndLeavesAdministratorsChoicesAlone() {
        Organisation lille = organisations.find("lille").orElseThrow();
        policy.asPlatform(() -> organisations.rename("lille", "Ville de Lille"));
        try {
            long before = jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
            assertThat(provisioning.provision()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single()).isEqualTo(before);
            assertThat(organisations.find("lille").orElseThrow().name()).isEqualTo("Ville de Lille");
        } finally {
            policy.asPlatform(() -> organisations.rename("lille", lille.name()));
        }
    }
}
