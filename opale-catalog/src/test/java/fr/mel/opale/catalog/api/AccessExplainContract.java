package fr.mel.opale.catalog.api;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.GrantPrincipal;
import fr.mel.opale.access.grant.Grants;
import fr.mel.opale.access.internal.PersonPrincipal;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.access.project.Projects;
import fr.mel.opale.access.testing.TestAccounts;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.CatalogTestApplication;
import fr.mel.opale.catalog.internal.RecordStore;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.testing.HttpTestClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/access/explain} over real HTTP and a real database (H2 and PostGIS subclasses): the decision and
 * its chain for a member of the owner organisation, a member of a project the record is shared with, a citizen and a
 * platform administrator; who may ask (platform administrators, the owner organisation's administrators), and the
 * 404 for a record the asker cannot see.
 */
@SpringBootTest(classes = CatalogTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AccessExplainContract {
    @LocalServerPort int port;
    @Autowired RecordStore records;
    @Autowired Organisations organisations;
    @Autowired Projects projects;
    @Autowired Grants grants;
    @Autowired AccessPolicy policy;
    @Autowired PersonStore people;
    @Autowired PasswordEncoder encoder;
    HttpTestClient http;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Autowired Catalog catalog;

    long person(String name) {
        return TestAccounts.ensure(people, encoder, name + "-" + run, "secret-" + name, false);
    }

    String basic(String name) {
        return HttpTestClient.basic(name + "-" + run, "secret-" + name);
    }

    JsonNode explain(long person, String record, String as, int status) {
        HttpResponse<String> response = http.get("/api/access/explain?person=" + person + "&record=" + record, as);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return status == 200 ? http.json(response) : null;
    }

    @Test
    void theDecisionAndTheChainThatLedToIt() {
        String a = "commune-a-" + run;
        String b = "commune-b-" + run;
        String c = "commune-c-" + run;
        String project = "plan-" + run;
        long memberA = person("membre-a");
        long adminA = person("admin-a");
        long adminB = person("admin-b");
        long memberC = person("membre-c");
        long citizen = person("citoyen");
        policy.asPlatform(() -> {
            for (String org : new String[] {a, b, c}) {
                organisations.create(org, "Commune " + org, null, null);
            }
            organisations.putMember(a, memberA, MembershipRole.MEMBER);
            organisations.putMember(a, adminA, MembershipRole.ADMIN);
            organisations.putMember(b, adminB, MembershipRole.ADMIN);
            organisations.putMember(c, memberC, MembershipRole.MEMBER);
            projects.create(project, "Plan intercommunal");
            projects.putOrganisation(project, c, MembershipRole.MEMBER);
            return null;
        });
        String id = "restreinte-" + run;
        records.save(CatalogRecord.builder(id).title(LocalizedText.of("fr", "Fiche restreinte")).build(),
                Visibility.RESTRICTED, a);
        policy.asPlatform(() -> grants.put(new Protected(id, a, Visibility.RESTRICTED),
                GrantPrincipal.project(project), AccessRight.WRITE));

        JsonNode owner = explain(memberA, id, ADMIN, 200);
        assertThat(owner.get("read").asBoolean()).isTrue();
        assertThat(owner.get("edit").asBoolean()).isFalse();
        assertThat(owner.get("visibility").asString()).isEqualTo("RESTRICTED");
        assertThat(owner.get("reasons").get(0).get("key").asString()).isEqualTo("organisation:" + a);
        assertThat(owner.get("reasons").get(0).get("detail").asString())
                .contains("Membre de l'organisation « " + a + " »").contains("organisation propriétaire");

        JsonNode throughProject = explain(memberC, id, ADMIN, 200);
        assertThat(throughProject.get("read").asBoolean()).isTrue();
        assertThat(throughProject.get("edit").asBoolean()).isTrue();
        assertThat(throughProject.get("manageAccess").asBoolean()).isFalse();
        assertThat(throughProject.get("reasons").toString()).contains("project:" + project)
                .contains("write:project:" + project).contains("droit d'écriture accordé");

        JsonNode none = explain(citizen, id, ADMIN, 200);
        assertThat(none.get("read").asBoolean()).isFalse();
        assertThat(none.get("reasons").get(0).get("key").asString()).isEqualTo("none");
        assertThat(none.get("reasons").get(0).get("detail").asString()).contains("Fiche restreinte");

        long admin = people.findByUsername("admin").orElseThrow().id();
        JsonNode platform = explain(admin, id, ADMIN, 200);
        assertThat(platform.get("manageAccess").asBoolean()).isTrue();
        assertThat(platform.get("reasons").get(0).get("key").asString()).isEqualTo("platform-admin");

        // the owner organisation's administrators may ask about its members; another organisation's may not, and do
        // not learn the record exists
        assertThat(explain(memberA, id, basic("admin-a"), 200).get("read").asBoolean()).isTrue();
        explain(citizen, id, basic("admin-b"), 404);
        // nobody else learns about a person by number: not an administrator about someone outside their
        // organisations, nor a member or an editor — the same 404 as for nobody
        explain(citizen, id, basic("admin-a"), 404);
        explain(memberC, id, basic("admin-a"), 404);
        explain(citizen, id, basic("membre-a"), 404);
        explain(adminA, id, basic("membre-a"), 404);
        explain(987654321L, id, basic("admin-a"), 404);
        long editorA = person("redacteur-a");
        policy.asPlatform(() -> {
            organisations.putMember(a, editorA, MembershipRole.EDITOR);
            return null;
        });
        explain(citizen, id, basic("redacteur-a"), 404);
        explain(admin, id, basic("redacteur-a"), 404);
        // anyone about themselves, on a record they see
        JsonNode self = explain(memberA, id, basic("membre-a"), 200);
        assertThat(self.get("read").asBoolean()).isTrue();
        assertThat(self.get("reasons").get(0).get("key").asString()).isEqualTo("organisation:" + a);
        explain(citizen, id, null, 401);
        explain(citizen, "inconnue-" + run, ADMIN, 404);
        explain(987654321L, id, ADMIN, 404);
    }

    @Test
    void aRecordIsRestrictedToACommuneThroughTheApiAllOrNothing() {
        String org = "commune-r-" + run;
        long editor = person("editeur");
        long reader = person("lecteur");
        policy.asPlatform(() -> {
            organisations.create(org, "Commune " + org, null, null);
            organisations.putMember(org, editor, MembershipRole.EDITOR);
            return null;
        });
        String id = "publique-" + run;
        records.save(CatalogRecord.builder(id).title(LocalizedText.of("fr", "Fiche publique")).build(),
                Visibility.PUBLIC, org);
        String path = "/api/access/records/" + id;

        HttpResponse<String> refused = http.sendJson("PUT", path, "{\"visibility\":\"RESTRICTED\",\"grants\":["
                + "{\"principal\":\"organisation:lambersart\",\"right\":\"READ\"},"
                + "{\"principal\":\"project:nulle-part-" + run + "\",\"right\":\"READ\"}]}", basic("editeur"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Bénéficiaire inconnu : project:nulle-part-" + run);
        assertThat(records.find(id).orElseThrow().visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(policy.asPlatform(() -> grants.of(new Protected(id, org, Visibility.PUBLIC)))).isEmpty();

        assertThat(http.sendJson("PUT", path, "{\"visibility\":\"RESTRICTED\"}", basic("lecteur")).statusCode())
                .isEqualTo(403);
        assertThat(http.sendJson("PUT", path, "{\"visibility\":\"SECRET\"}", basic("editeur")).body())
                .contains("Visibilité inconnue");

        HttpResponse<String> restricted = http.sendJson("PUT", path, "{\"visibility\":\"RESTRICTED\",\"grants\":["
                + "{\"principal\":\"organisation:lambersart\",\"right\":\"READ\"}]}", basic("editeur"));
        assertThat(restricted.statusCode()).as(restricted.body()).isEqualTo(200);
        JsonNode state = http.json(restricted);
        assertThat(state.get("visibility").asString()).isEqualTo("RESTRICTED");
        assertThat(state.get("grants").get(0).get("principal").asString()).isEqualTo("organisation:lambersart");
        assertThat(records.find(id).orElseThrow().visibility()).isEqualTo(Visibility.RESTRICTED);
        // the record is now hidden from who is neither of the commune nor granted
        assertThat(http.get(path, basic("lecteur")).statusCode()).isEqualTo(404);
        assertThat(explain(reader, id, ADMIN, 200).get("read").asBoolean()).isFalse();
    }

    /**
     * {@code Catalog.upsert} of an existing record: hidden from the caller, 404 (it does not exist for them), never
     * the 403 that would tell it exists; seen but not editable, 403; nothing written either way.
     */
    @Test
    void upsertingAHiddenRecordAnswersNotFound() {
        String a = "commune-u-" + run;
        String b = "commune-v-" + run;
        long memberA = person("membre-u");
        long memberB = person("membre-v");
        policy.asPlatform(() -> {
            organisations.create(a, "Commune " + a, null, null);
            organisations.create(b, "Commune " + b, null, null);
            organisations.putMember(a, memberA, MembershipRole.MEMBER);
            organisations.putMember(b, memberB, MembershipRole.MEMBER);
            return null;
        });
        String id = "cachee-" + run;
        records.save(CatalogRecord.builder(id).title(LocalizedText.of("fr", "Fiche cachée")).build(),
                Visibility.RESTRICTED, a);
        CatalogRecord changed = CatalogRecord.builder(id).title(LocalizedText.of("fr", "Écrasée")).build();
        assertThatThrownBy(() -> as(memberB, () -> catalog.upsert(changed)))
                .isInstanceOfSatisfying(CatalogProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(404));
        assertThatThrownBy(() -> as(memberA, () -> catalog.upsert(changed)))
                .isInstanceOfSatisfying(AccessDenied.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(403));
        assertThat(records.find(id).orElseThrow().record().title().textOr("")).isEqualTo("Fiche cachée");
    }

    private static <T> T as(long person, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new PersonPrincipal(person, "p" + person, "Personne " + person), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
