package fr.mel.opale.access.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.identity.ClaimRulesFile;
import fr.mel.opale.access.internal.OrganisationStore;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.testing.TestAccounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The claim rules applied at each login (called directly, as the OpenID Connect sign-in does after a login):
 * memberships the claims give are added, changed and removed to match; those given by hand are left alone; every
 * change is in the audit log with before and after. Also the audit of changes made through the services.
 */
@SpringBootTest(classes = AccessModelContract.ModelTestApplication.class,
        properties = {"spring.flyway.locations=classpath:db/migration/{vendor}", "spring.main.banner-mode=off",
                "logging.level.root=warn"})
abstract class ClaimMembershipsContract {
    @Autowired Organisations organisations;
    @Autowired OrganisationStore store;
    @Autowired AccessPolicy policy;
    @Autowired PersonStore people;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcClient jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void membershipsFollowTheClaimsAndHandGivenOnesStay() {
        String lambersart = "lamb-" + run;
        String roubaix = "roub-" + run;
        String dsi = "dsi-" + run;
        String manual = "main-" + run;
        for (String slug : List.of(lambersart, roubaix, dsi, manual)) {
            policy.asPlatform(() -> organisations.create(slug, "Organisation " + slug, null, null));
        }
        long marc = TestAccounts.ensure(people, encoder, "marc-" + run, "mot-de-passe-" + run, false);
        policy.asPlatform(() -> {
            organisations.putMember(manual, marc, MembershipRole.ADMIN);
            organisations.putMember(dsi, marc, MembershipRole.MEMBER);
            return null;
        });
        ClaimMemberships claims = new ClaimMemberships(ClaimRulesFile.parse("essai", """
                rules:
                  - claim: groups
                    value: "EL_LAMB"
                    organisation: %s
                    role: editor
                  - claim: groups
                    value: "EL_ROUB"
                    organisation: %s
                    role: member
                  - claim: groups
                    value: "EL_DSI"
                    organisation: %s
                    role: admin
                  - claim: groups
                    value: "EL_GHOST"
                    organisation: nulle-part-%s
                    role: member
                """.formatted(lambersart, roubaix, dsi, run)), store, events);

        claims.loggedIn(marc, "mel", Map.of("groups", List.of("EL_LAMB", "EL_ROUB", "EL_GHOST", "EL_DSI")));
        assertThat(roles(marc)).containsExactlyInAnyOrderEntriesOf(Map.of(lambersart, "editor", roubaix, "member",
                dsi, "member", manual, "admin"));
        assertThat(provider(marc, lambersart)).isEqualTo("mel");
        assertThat(provider(marc, dsi)).as("given by hand: the rules leave it").isNull();
        assertThat(policy.asPlatform(() -> organisations.members(lambersart)))
                .extracting(Member::personId).containsExactly(marc);

        // next logins: Roubaix no longer in the claims, then Lambersart neither; the hand-given ones stay
        claims.loggedIn(marc, "mel", Map.of("groups", List.of("EL_ROUB_NON", "EL_LAMB")));
        claims.loggedIn(marc, "mel", Map.of("groups", List.of("EL_ROUB_NON")));
        assertThat(roles(marc)).containsExactlyInAnyOrderEntriesOf(Map.of(dsi, "member", manual, "admin"));

        // another provider's login does not remove what mel's claims give
        claims.loggedIn(marc, "mel", Map.of("groups", List.of("EL_ROUB")));
        claims.loggedIn(marc, "franceconnect", Map.of("given_name", "Marc"));
        assertThat(roles(marc)).containsEntry(roubaix, "member");

        List<String> details = jdbc.sql("SELECT detail FROM auth_event WHERE person_id = ? AND kind = "
                        + "'ORGANISATION_MEMBER_CHANGED' AND actor_id IS NULL AND detail LIKE '%revendications%' ORDER BY id")
                .param(marc).query(String.class).list();
        assertThat(details).containsExactly(
                "organisation " + lambersart + " — personne " + marc + " : — → editor (revendications mel)",
                "organisation " + roubaix + " — personne " + marc + " : — → member (revendications mel)",
                "organisation " + roubaix + " — personne " + marc + " : member → — (revendications mel)",
                "organisation " + lambersart + " — personne " + marc + " : editor → — (revendications mel)",
                "organisation " + roubaix + " — personne " + marc + " : — → member (revendications mel)");
    }

    @Test
    void aChangeOfRoleByHandTakesTheMembershipFromTheRules() {
        String org = "prise-" + run;
        policy.asPlatform(() -> organisations.create(org, "Organisation " + org, null, null));
        long lea = TestAccounts.ensure(people, encoder, "lea-" + run, "mot-de-passe-" + run, false);
        ClaimMemberships claims = new ClaimMemberships(ClaimRulesFile.parse("essai", """
                rules:
                  - claim: groups
                    value: "G"
                    organisation: %s
                    role: member
                """.formatted(org)), store, events);
        claims.loggedIn(lea, "mel", Map.of("groups", "G"));
        policy.asPlatform(() -> {
            organisations.putMember(org, lea, MembershipRole.EDITOR);
            return null;
        });
        claims.loggedIn(lea, "mel", Map.of("groups", "AUTRE"));
        assertThat(roles(lea)).containsEntry(org, "editor");
    }

    @Test
    void everyChangeThroughTheServicesIsAuditedWithItsActorAndBeforeAfter() {
        String org = "audit-" + run;
        long admin = TestAccounts.ensure(people, encoder, "adm-" + run, "mot-de-passe-" + run, true);
        long zoe = TestAccounts.ensure(people, encoder, "zoe-" + run, "mot-de-passe-" + run, false);
        policy.asPlatform(() -> organisations.create(org, "Audit", null, null));
        policy.asPlatform(() -> {
            organisations.putMember(org, zoe, MembershipRole.MEMBER);
            organisations.putMember(org, zoe, MembershipRole.ADMIN);
            return null;
        });
        List<Map<String, Object>> rows = jdbc.sql("SELECT kind, person_id, detail FROM auth_event WHERE detail LIKE ? "
                + "ORDER BY id").param("organisation " + org + " %").query().listOfRows();
        assertThat(rows).extracting(r -> r.get("KIND") != null ? r.get("KIND") : r.get("kind"))
                .containsExactly("ORGANISATION_CHANGED", "ORGANISATION_MEMBER_CHANGED", "ORGANISATION_MEMBER_CHANGED");
        assertThat(rows.get(2).values()).contains("organisation " + org + " — personne " + zoe + " : member → admin");
        assertThat(admin).isPositive();
    }

    private Map<String, String> roles(long person) {
        Map<String, String> roles = new java.util.HashMap<>();
        store.membershipsOf(person).forEach(m -> roles.put(m.slug(), m.role().slug()));
        return roles;
    }

    private String provider(long person, String slug) {
        return store.membershipsOf(person).stream().filter(m -> m.slug().equals(slug)).findFirst().orElseThrow()
                .claimsProvider();
    }
}
