package fr.mel.opale.access.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessRefusals;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.PlatformRole;
import fr.mel.opale.access.admin.People;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.ReadFilter;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.GrantPrincipal;
import fr.mel.opale.access.grant.Grants;
import fr.mel.opale.access.internal.PersonPrincipal;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.project.ProjectMember;
import fr.mel.opale.access.project.Projects;
import fr.mel.opale.access.testing.TestAccounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The access model on a real database (H2 and PostGIS subclasses): organisations, members and roles, projects with
 * organisations and projects inside, grants; every refusal of bad input with its French message and nothing written;
 * the viewer the policy builds from them and its decisions and SQL filter. Names are fresh per test (shared context).
 */
@SpringBootTest(classes = AccessModelContract.ModelTestApplication.class,
        properties = {"spring.flyway.locations=classpath:db/migration/{vendor}", "spring.main.banner-mode=off",
                "logging.level.root=warn"})
abstract class AccessModelContract {
    /** The access module alone (nested: see ApiTokensContract). */
    @SpringBootApplication(scanBasePackages = "fr.mel.opale.access")
    static class ModelTestApplication {
    }

    @Autowired Organisations organisations;
    @Autowired Projects projects;
    @Autowired Grants grants;
    @Autowired AccessPolicy policy;
    @Autowired PersonStore people;
    @Autowired PasswordEncoder encoder;
    @Autowired JdbcClient jdbc;
    @Autowired People platformPeople;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    long person(String name) {
        return TestAccounts.ensure(people, encoder, name + "-" + run, "mot-de-passe-" + run, false);
    }

    /** Runs {@code work} logged in as person {@code id}. */
    <T> T as(long id, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new PersonPrincipal(id, "p" + id, "Personne " + id), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    void as(long id, Runnable work) {
        as(id, () -> {
            work.run();
            return null;
        });
    }

    String slug(String base) {
        return base + "-" + run;
    }

    @Test
    void organisationsMembersAndRolesMakeTheViewer() {
        String a = slug("commune-a");
        String b = slug("commune-b");
        long anne = person("anne");
        long bruno = person("bruno");
        policy.asPlatform(() -> organisations.create(a, "Commune A", null, null));
        policy.asPlatform(() -> organisations.create(b, "Commune B", null, a));
        policy.asPlatform(() -> {
            organisations.putMember(a, anne, MembershipRole.ADMIN);
            organisations.putMember(b, anne, MembershipRole.MEMBER);
            organisations.putMember(b, bruno, MembershipRole.EDITOR);
            return null;
        });
        assertThat(organisations.find(b).orElseThrow().parent()).isEqualTo(a);

        Viewer viewer = as(anne, policy::currentViewer);
        assertThat(viewer.organisations()).containsExactlyInAnyOrderEntriesOf(
                Map.of(a, MembershipRole.ADMIN, b, MembershipRole.MEMBER));
        assertThat(policy.canManageOrganisation(viewer, a)).isTrue();
        assertThat(policy.canManageOrganisation(viewer, b)).as("its own organisation only").isFalse();
        assertThat(policy.canPublish(viewer)).isTrue();
        assertThat(policy.canPublish(as(bruno, policy::currentViewer))).isTrue();

        // an organisation admin manages members of their organisation, not of another
        long carla = person("carla");
        as(anne, () -> organisations.putMember(a, carla, MembershipRole.EDITOR));
        assertThat(as(carla, policy::currentViewer).organisations()).containsEntry(a, MembershipRole.EDITOR);
        assertThatThrownBy(() -> as(anne, () -> organisations.putMember(b, carla, MembershipRole.ADMIN)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> as(carla, () -> organisations.putMember(a, carla, MembershipRole.ADMIN)))
                .as("an editor is no admin").isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> as(anne, () -> organisations.create(slug("autre"), "Autre", null, null)))
                .as("organisation admins do not create organisations").isInstanceOf(AccessDenied.class);

        // a change of role applies at once (the cache is dropped)
        as(anne, () -> organisations.putMember(a, carla, MembershipRole.MEMBER));
        assertThat(as(carla, policy::currentViewer).organisations()).containsEntry(a, MembershipRole.MEMBER);
        as(anne, () -> organisations.removeMember(a, carla));
        assertThat(as(carla, policy::currentViewer).organisations()).doesNotContainKey(a);
    }

    @Test
    void theLastAdministratorStaysAndNothingIsHalfApplied() {
        String a = slug("seul-admin");
        long anne = person("anne");
        policy.asPlatform(() -> organisations.create(a, "Commune seule", "59999", null));
        policy.asPlatform(() -> {
            organisations.putMember(a, anne, MembershipRole.ADMIN);
            return null;
        });
        assertThatThrownBy(() -> as(anne, () -> organisations.removeMember(a, anne)))
                .isInstanceOf(AccessModelProblem.class).hasMessageContaining("dernier-administrateur")
                .satisfies(e -> assertThat(((AccessModelProblem) e).getBody().getDetail())
                        .contains("doit garder au moins un administrateur"));
        assertThatThrownBy(() -> as(anne, () -> organisations.putMember(a, anne, MembershipRole.EDITOR)))
                .isInstanceOf(AccessModelProblem.class);
        assertThat(policy.asPlatform(() -> organisations.members(a)))
                .extracting(Member::role).containsExactly(MembershipRole.ADMIN);
    }

    @Test
    void badInputIsRefusedInFrench() {
        String a = slug("valide");
        policy.asPlatform(() -> organisations.create(a, "Valide", null, null));
        assertThat(detail(() -> policy.asPlatform(() -> organisations.create("Pas Un Slug", "x", null, null))))
                .contains("Identifiant de l'organisation invalide");
        assertThat(detail(() -> policy.asPlatform(() -> organisations.create(slug("x"), " ", null, null))))
                .contains("Nom de l'organisation invalide");
        assertThat(detail(() -> policy.asPlatform(() -> organisations.create(slug("y"), "Y", "5935", null))))
                .contains("Code INSEE invalide");
        assertThat(detail(() -> policy.asPlatform(() -> organisations.create(a, "Doublon", null, null))))
                .contains("a déjà l'identifiant");
        assertThat(detail(() -> policy.asPlatform(() -> organisations.create(slug("z"), "Z", null, "inconnue"))))
                .contains("Aucune organisation");
        assertThat(detail(() -> policy.asPlatform(() -> {
            organisations.putMember(a, 987_654_321L, MembershipRole.MEMBER);
            return null;
        }))).contains("Aucune personne");
        // a parent chain coming back to the organisation
        String child = slug("enfant");
        policy.asPlatform(() -> organisations.create(child, "Enfant", null, a));
        assertThat(detail(() -> policy.asPlatform(() -> organisations.setPlacement(a, null, child))))
                .contains("se contiendrait elle-même");
        assertThat(organisations.find(a).orElseThrow().parent()).isNull();
        assertThat(organisations.find(slug("x"))).isEmpty();
    }

    @Test
    void projectsReachPeopleThroughOrganisationsAndProjects() {
        String a = slug("pa");
        String c = slug("pc");
        String plan = slug("plan");
        String big = slug("grand-plan");
        long anne = person("anne");
        long celine = person("celine");
        long paul = person("paul");
        policy.asPlatform(() -> {
            organisations.create(a, "Commune A", null, null);
            organisations.create(c, "Commune C", null, null);
            organisations.putMember(a, anne, MembershipRole.EDITOR);
            organisations.putMember(c, celine, MembershipRole.MEMBER);
            projects.create(plan, "Plan intercommunal");
            projects.putOrganisation(plan, a, MembershipRole.MEMBER);
            projects.putOrganisation(plan, c, MembershipRole.MEMBER);
            projects.putPerson(plan, paul, MembershipRole.ADMIN);
            projects.create(big, "Grand plan");
            projects.putProject(big, plan, MembershipRole.MEMBER);
            return null;
        });
        assertThat(as(anne, policy::currentViewer).projects()).containsOnlyKeys(plan, big);
        assertThat(as(celine, policy::currentViewer).projects()).containsEntry(plan, MembershipRole.MEMBER);
        assertThat(as(paul, policy::currentViewer).projects()).containsEntry(plan, MembershipRole.ADMIN)
                .containsEntry(big, MembershipRole.MEMBER);
        // the project's admin manages it; a member does not
        long dora = person("dora");
        as(paul, () -> projects.putPerson(plan, dora, MembershipRole.MEMBER));
        assertThatThrownBy(() -> as(anne, () -> projects.putPerson(plan, dora, MembershipRole.ADMIN)))
                .isInstanceOf(AccessDenied.class);
        // a project never contains itself
        assertThat(detail(() -> policy.asPlatform(() -> {
            projects.putProject(plan, big, MembershipRole.MEMBER);
            return null;
        }))).contains("il se contiendrait lui-même");
        assertThat(detail(() -> policy.asPlatform(() -> {
            projects.putProject(plan, plan, MembershipRole.MEMBER);
            return null;
        }))).contains("il se contiendrait lui-même");
        assertThat(policy.asPlatform(() -> projects.members(plan))).extracting(ProjectMember::name)
                .containsExactly(a, c, Long.toString(paul), Long.toString(dora));
        policy.asPlatform(() -> {
            projects.removeMember(plan, ProjectMember.Kind.ORGANISATION, c);
            return null;
        });
        assertThat(as(celine, policy::currentViewer).projects()).isEmpty();
    }

    @Test
    void grantsDecideWhoReadsAndTheSqlFilterAgrees() {
        String a = slug("ga");
        String b = slug("gb");
        String plan = slug("gplan");
        long member = person("membre");
        long editor = person("redacteur");
        long citizen = person("citoyen");
        long partner = person("partenaire");
        policy.asPlatform(() -> {
            organisations.create(a, "A", null, null);
            organisations.create(b, "B", null, null);
            organisations.putMember(a, member, MembershipRole.MEMBER);
            organisations.putMember(b, editor, MembershipRole.EDITOR);
            projects.create(plan, "Plan");
            projects.putPerson(plan, partner, MembershipRole.MEMBER);
            return null;
        });
        String toA = "fiche-a-" + run;
        String toPlan = "fiche-plan-" + run;
        String draftB = "brouillon-b-" + run;
        String open = "ouverte-" + run;
        String loggedIn = "connectes-" + run;
        Protected restrictedA = new Protected(toA, a, Visibility.RESTRICTED);
        Protected restrictedPlan = new Protected(toPlan, b, Visibility.RESTRICTED);
        Protected draft = new Protected(draftB, b, Visibility.DRAFT);
        Protected publicOne = new Protected(open, b, Visibility.PUBLIC);
        Protected forLoggedIn = new Protected(loggedIn, null, Visibility.RESTRICTED);
        as(editor, () -> grants.put(restrictedPlan, GrantPrincipal.project(plan), AccessRight.READ));
        policy.asPlatform(() -> grants.put(forLoggedIn, GrantPrincipal.LOGGED_IN, AccessRight.READ));
        assertThatThrownBy(() -> as(member, () -> grants.put(restrictedA, GrantPrincipal.LOGGED_IN, AccessRight.READ)))
                .as("a member does not share").isInstanceOf(AccessDenied.class);
        assertThat(detail(() -> policy.asPlatform(() -> grants.put(restrictedA, GrantPrincipal.project("inconnu"),
                AccessRight.READ)))).contains("Bénéficiaire inconnu : project:inconnu");
        assertThat(detail(() -> GrantPrincipal.parse("groupe:x"))).contains("Bénéficiaire inconnu");

        // a table like the catalog's, to check the SQL filter against the in-memory decision
        String table = "essai_ressource_" + run.replace('-', '_');
        jdbc.sql("CREATE TABLE " + table + " (id VARCHAR(255) PRIMARY KEY, owner_org VARCHAR(100), "
                + "visibility VARCHAR(20) NOT NULL)").update();
        List<Protected> all = List.of(restrictedA, restrictedPlan, draft, publicOne, forLoggedIn);
        for (Protected p : all) {
            jdbc.sql("INSERT INTO " + table + " VALUES (?, ?, ?)")
                    .params(p.resourceId(), p.ownerOrganisation(), p.visibility().name()).update();
        }
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("anonyme", Set.of(open));
        expected.put("citoyen", Set.of(open, loggedIn));
        expected.put("membre A", Set.of(open, loggedIn, toA));
        expected.put("rédacteur B", Set.of(open, loggedIn, draftB, toPlan));
        expected.put("partenaire", Set.of(open, loggedIn, toPlan));
        expected.put("plateforme", Set.of(open, loggedIn, draftB, toPlan, toA));
        Map<String, Viewer> viewers = new LinkedHashMap<>();
        viewers.put("anonyme", Viewer.ANONYMOUS);
        viewers.put("citoyen", as(citizen, policy::currentViewer));
        viewers.put("membre A", as(member, policy::currentViewer));
        viewers.put("rédacteur B", as(editor, policy::currentViewer));
        viewers.put("partenaire", as(partner, policy::currentViewer));
        viewers.put("plateforme", policy.asPlatform(policy::currentViewer));
        viewers.forEach((who, viewer) -> {
            Set<String> inMemory = new java.util.HashSet<>();
            all.stream().filter(p -> policy.canRead(viewer, p)).forEach(p -> inMemory.add(p.resourceId()));
            assertThat(inMemory).as(who).isEqualTo(expected.get(who));
            ReadFilter.SqlCondition condition = policy.readFilter(viewer).sql("visibility", "owner_org", "id");
            List<String> bySql = jdbc.sql("SELECT id FROM " + table + " WHERE " + condition.sql())
                    .params(condition.params()).query(String.class).list();
            assertThat(Set.copyOf(bySql)).as(who + " (SQL)").isEqualTo(expected.get(who));
            Set<String> byIndex = new java.util.HashSet<>();
            all.stream().filter(p -> policy.readFilter(viewer).admits(policy.readersOf(p)))
                    .forEach(p -> byIndex.add(p.resourceId()));
            assertThat(byIndex).as(who + " (index keys)").isEqualTo(expected.get(who));
        });
        jdbc.sql("DROP TABLE " + table).update();

        // who edits: the owner's editors, write grants (never on drafts), platform admins
        Viewer bEditor = viewers.get("rédacteur B");
        assertThat(policy.canEditCatalog(bEditor, draft)).isTrue();
        assertThat(policy.canEditCatalog(bEditor, restrictedA)).isFalse();
        assertThat(policy.canEditCatalog(viewers.get("membre A"), restrictedA)).as("a member only reads").isFalse();
        assertThat(policy.canEditCatalog(viewers.get("plateforme"), new Protected(null, Visibility.PUBLIC))).isTrue();
        assertThat(policy.canEditCatalog(bEditor, new Protected(null, Visibility.PUBLIC)))
                .as("platform-owned: platform admins only").isFalse();
        policy.asPlatform(() -> grants.put(restrictedA, GrantPrincipal.person(partner), AccessRight.WRITE));
        assertThat(policy.canEditCatalog(as(partner, policy::currentViewer), restrictedA)).isTrue();
        assertThat(policy.canManageAccess(as(partner, policy::currentViewer), restrictedA))
                .as("a write grant edits, does not share").isFalse();
        assertThat(policy.asPlatform(() -> grants.of(restrictedA))).hasSize(1);
        policy.asPlatform(() -> grants.remove(restrictedA, GrantPrincipal.person(partner)));
        assertThat(policy.canRead(as(partner, policy::currentViewer), restrictedA)).isFalse();
    }

    static String detail(Runnable action) {
        try {
            action.run();
        } catch (AccessModelProblem e) {
            return e.getBody().getDetail();
        }
        throw new AssertionError("refus attendu");
    }

    static String detail(Supplier<?> action) {
        return detail((Runnable) action::get);
    }

    /**
     * Refused permission changes are in the audit log — outcome « refusé », the reason, who tried — although the
     * change itself is rolled back and nothing of it is written: an organisation administrator adding a member to
     * another organisation, granting a platform role, removing the last administrator; a project made to contain
     * itself; a grant to an unknown organisation.
     */
    @Test
    void refusedPermissionChangesAreAuditedWithTheirReasonAndNothingApplied() {
        String a = slug("refus-a");
        String b = slug("refus-b");
        String plan = slug("refus-plan");
        long anne = person("anne-refus");
        long bruno = person("bruno-refus");
        policy.asPlatform(() -> {
            organisations.create(a, "Refus A", null, null);
            organisations.create(b, "Refus B", null, null);
            organisations.putMember(a, anne, MembershipRole.ADMIN);
            return null;
        });
        assertThatThrownBy(() -> as(anne, () -> organisations.putMember(b, bruno, MembershipRole.MEMBER)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> as(anne, () -> platformPeople.grant(bruno, PlatformRole.ADMIN, null)))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> as(anne, () -> organisations.removeMember(a, anne)))
                .isInstanceOf(AccessModelProblem.class);
        as(anne, () -> projects.create(plan, "Plan refus"));
        assertThatThrownBy(() -> as(anne, () -> projects.putProject(plan, plan, MembershipRole.MEMBER)))
                .isInstanceOf(AccessModelProblem.class);
        Protected ofA = new Protected("fiche-refus-" + run, a, Visibility.RESTRICTED);
        assertThatThrownBy(() -> as(anne, () -> grants.put(ofA, GrantPrincipal.organisation("nulle-part-" + run),
                AccessRight.READ))).isInstanceOf(AccessModelProblem.class);

        List<String> refused = jdbc.sql("SELECT detail FROM auth_event WHERE kind = 'ACCESS_CHANGE_REFUSED' "
                + "AND actor_id = ? ORDER BY id").param(anne).query(String.class).list();
        assertThat(refused).hasSize(5);
        assertThat(refused.get(0)).startsWith("organisation " + b + " — personne " + bruno + " → member — refusé : ")
                .contains("pas le droit");
        assertThat(refused.get(1)).startsWith("rôles de plateforme — personne " + bruno + " + admin — refusé : ");
        assertThat(refused.get(2)).startsWith("organisation " + a + " — personne " + anne + " retirée — refusé : ")
                .contains("administrat");
        assertThat(refused.get(3)).startsWith("projet " + plan + " — projet " + plan + " → member — refusé : ")
                .contains("il se contiendrait lui-même");
        assertThat(refused.get(4)).startsWith("fiche fiche-refus-" + run + " — + organisation:nulle-part-" + run
                + "=READ — refusé : Bénéficiaire inconnu : organisation:nulle-part-" + run);
        assertThat(jdbc.sql("SELECT person_id FROM auth_event WHERE kind = 'ACCESS_CHANGE_REFUSED' AND actor_id = ? "
                + "ORDER BY id").param(anne).query(Long.class).list().get(0)).isEqualTo(bruno);
        // nothing of the refused changes was applied
        assertThat(policy.asPlatform(() -> organisations.members(b))).isEmpty();
        assertThat(policy.asPlatform(() -> organisations.members(a))).hasSize(1);
        assertThat(policy.asPlatform(() -> projects.members(plan))).hasSize(1);
        assertThat(people.find(bruno).orElseThrow().roles()).doesNotContain(PlatformRole.ADMIN);
    }

    /**
     * The refusal log cannot be filled by one account nor misfiled: a refusal about a person number nobody has is
     * filed under nobody (not in the export of that number's future holder), and beyond a minute's budget an actor's
     * refusals are no longer written.
     */
    @Test
    void refusalsAboutNobodyAreFiledUnderNobodyAndOneActorsRefusalsAreBounded() {
        String b = slug("borne-b");
        long carla = person("carla-borne");
        long nobody = 9_000_000_000L + Math.floorMod(run.hashCode(), 1_000_000);
        policy.asPlatform(() -> {
            organisations.create(b, "Borne B", null, null);
            return null;
        });
        int attempts = AccessRefusals.PER_ACTOR_PER_MINUTE + 10;
        for (int i = 0; i < attempts; i++) {
            assertThatThrownBy(() -> as(carla, () -> organisations.putMember(b, nobody, MembershipRole.MEMBER)))
                    .isInstanceOf(org.springframework.web.ErrorResponseException.class);
        }
        List<Long> filed = jdbc.sql("SELECT COALESCE(person_id, -1) FROM auth_event "
                + "WHERE kind = 'ACCESS_CHANGE_REFUSED' AND actor_id = ?").param(carla).query(Long.class).list();
        assertThat(filed).isNotEmpty().allMatch(person -> person == -1L);
        assertThat(filed.size()).isLessThan(attempts);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM auth_event WHERE person_id = ?").param(nobody)
                .query(Long.class).single()).isZero();
    }
}
