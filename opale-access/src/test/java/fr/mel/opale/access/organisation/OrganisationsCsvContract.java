package fr.mel.opale.access.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.Timestamps;
import fr.mel.opale.testing.HttpTestClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The CSV import and export of organisations and members over real HTTP and a real database (H2 and PostGIS
 * subclasses): round trip, all or nothing (a bad line is named in a French problem and nothing is applied), rights
 * (platform administrators; organisation administrators for their own members only), bounds.
 */
@SpringBootTest(classes = OrganisationsCsvContract.CsvTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.locations=classpath:db/migration/{vendor}", "spring.main.banner-mode=off",
                "opale.admin.password=test-admin-secret", "logging.level.root=warn"})
abstract class OrganisationsCsvContract {
    /** The access module alone (nested: see ApiTokensContract). */
    @SpringBootApplication(scanBasePackages = "fr.mel.opale.access")
    static class CsvTestApplication {
    }

    static final String ADMIN = HttpTestClient.ADMIN;

    @LocalServerPort int port;
    @Autowired Organisations organisations;
    @Autowired AccessPolicy policy;
    @Autowired PersonStore people;
    @Autowired PasswordEncoder encoder;
    HttpTestClient http;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    HttpResponse<String> post(String path, String csv, String authorization) {
        return http.send("POST", path, "text/csv", csv.getBytes(StandardCharsets.UTF_8), authorization);
    }

    /** A person with an address and a password; returns its Basic credentials. */
    String person(String name) {
        people.insert(name + "-" + run, "Personne " + name, name + "-" + run + "@example.org", PersonStatus.ACTIVE,
                encoder.encode("secret-" + name + run), "fr", Timestamps.now());
        return HttpTestClient.basic(name + "-" + run, "secret-" + name + run);
    }

    long id(String name) {
        return people.findByUsername(name + "-" + run).orElseThrow().id();
    }

    @Test
    void organisationsRoundTripWithParentsFurtherDownTheFile() {
        String csv = "slug;name;insee;parent\n"
                + "ville-" + run + ";\"Ville; avec point-virgule\";;dir-" + run + "\n"
                + "dir-" + run + ";Direction " + run + ";;mel\n";
        HttpResponse<String> imported = post("/api/organisations.csv", csv, ADMIN);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(organisations.find("ville-" + run).orElseThrow().parent()).isEqualTo("dir-" + run);
        assertThat(organisations.find("ville-" + run).orElseThrow().name()).isEqualTo("Ville; avec point-virgule");

        HttpResponse<String> exported = http.get("/api/organisations.csv", ADMIN);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(exported.body()).startsWith("slug;name;insee;parent\n")
                .contains("ville-" + run + ";\"Ville; avec point-virgule\";;dir-" + run + "\n")
                .contains("lambersart;Lambersart;59328;mel\n");

        // the same file again changes nothing
        assertThat(post("/api/organisations.csv", csv, ADMIN).body()).contains("\"modifiees\":0");
    }

    @Test
    void aBadLineIsNamedAndNothingIsApplied() {
        String csv = "slug;name;insee;parent\n"
                + "bonne-" + run + ";Bonne;;\n"
                + "mauvaise-" + run + ";Mauvaise;5935X;\n";
        HttpResponse<String> refused = post("/api/organisations.csv", csv, ADMIN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).contains("Ligne 3").contains("Code INSEE invalide").contains("Rien n'a été importé");
        assertThat(organisations.find("bonne-" + run)).isEmpty();

        HttpResponse<String> taken = post("/api/organisations.csv", "slug;name;insee;parent\n"
                + "autre-" + run + ";Autre;;\n" + "copie-" + run + ";Copie de Lille;59350;\n", ADMIN);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("Ligne 3").contains("59350").contains("Lille");
        assertThat(organisations.find("autre-" + run)).isEmpty();

        HttpResponse<String> unknownParent = post("/api/organisations.csv", "slug;name;insee;parent\n"
                + "orph-" + run + ";Orpheline;;nulle-part-" + run + "\n", ADMIN);
        assertThat(unknownParent.statusCode()).isEqualTo(404);
        assertThat(unknownParent.body()).contains("Ligne 2").contains("nulle-part-" + run);
        assertThat(organisations.find("orph-" + run)).isEmpty();

        assertThat(post("/api/organisations.csv", "nom;slug\nx;y\n", ADMIN).body())
                .contains("Ligne 1 : en-tête attendu « slug;name;insee;parent »");
        assertThat(post("/api/organisations.csv", "slug;name;insee;parent\na;b\n", ADMIN).body())
                .contains("Ligne 2 : 2 colonne(s) au lieu de 4");
        assertThat(post("/api/organisations.csv", "slug;name;insee;parent\nCeci N'est Pas;x;;\n", ADMIN).body())
                .contains("Ligne 2").contains("Identifiant de l'organisation invalide");
    }

    @Test
    void onlyPlatformAdministratorsImportOrganisationsAndTheFileIsBounded() {
        String reader = person("lecteur");
        assertThat(http.get("/api/organisations.csv", reader).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/organisations.csv").statusCode()).isEqualTo(401);
        assertThat(post("/api/organisations.csv", "slug;name;insee;parent\nx-" + run + ";X;;\n", reader).statusCode())
                .isEqualTo(403);
        assertThat(organisations.find("x-" + run)).isEmpty();

        StringBuilder big = new StringBuilder("slug;name;insee;parent\n");
        while (big.length() <= OrganisationsCsv.MAX_BYTES) {
            big.append("a;").append("b".repeat(300)).append(";;\n");
        }
        HttpResponse<String> tooBig = post("/api/organisations.csv", big.toString(), ADMIN);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("Fichier trop gros");
    }

    @Test
    void membersAreImportedAllOrNothingAndOrganisationAdministratorsOnlyTouchTheirOwn() {
        String org = "club-" + run;
        String other = "autre-club-" + run;
        policy.asPlatform(() -> organisations.create(org, "Club", null, null));
        policy.asPlatform(() -> organisations.create(other, "Autre club", null, null));
        String chef = person("chef");
        person("alice");
        person("bob");
        policy.asPlatform(() -> {
            organisations.putMember(org, id("chef"), MembershipRole.ADMIN);
            return null;
        });

        HttpResponse<String> ok = post("/api/organisations/members.csv", "organisation;email;role\n"
                + org + ";ALICE-" + run + "@example.org;editor\n" + org + ";bob-" + run + "@example.org;member\n", chef);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(policy.asPlatform(() -> organisations.members(org))).extracting(Member::role)
                .containsExactlyInAnyOrder(MembershipRole.ADMIN, MembershipRole.EDITOR, MembershipRole.MEMBER);

        HttpResponse<String> unknown = post("/api/organisations/members.csv", "organisation;email;role\n"
                + org + ";bob-" + run + "@example.org;editor\n" + org + ";personne-" + run + "@example.org;member\n",
                chef);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Ligne 3").contains("aucune personne n'a l'adresse");
        assertThat(role(org, "bob")).isEqualTo(MembershipRole.MEMBER);

        HttpResponse<String> elsewhere = post("/api/organisations/members.csv", "organisation;email;role\n"
                + org + ";bob-" + run + "@example.org;editor\n" + other + ";bob-" + run + "@example.org;member\n", chef);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("Ligne 3");
        assertThat(role(org, "bob")).isEqualTo(MembershipRole.MEMBER);
        assertThat(policy.asPlatform(() -> organisations.members(other))).isEmpty();

        HttpResponse<String> badRole = post("/api/organisations/members.csv", "organisation;email;role\n"
                + org + ";bob-" + run + "@example.org;superadmin\n", chef);
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("Ligne 2 : rôle « superadmin » inconnu");

        HttpResponse<String> lastAdmin = post("/api/organisations/members.csv", "organisation;email;role\n"
                + org + ";bob-" + run + "@example.org;admin\n" + org + ";chef-" + run + "@example.org;member\n"
                + org + ";bob-" + run + "@example.org;member\n", chef);
        assertThat(lastAdmin.statusCode()).isEqualTo(400);
        assertThat(lastAdmin.body()).contains("Ligne 4").contains("figure déjà plus haut");

        HttpResponse<String> exported = http.get("/api/organisations/members.csv", chef);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.body()).startsWith("organisation;email;role\n")
                .contains(org + ";alice-" + run + "@example.org;editor\n")
                .doesNotContain(other + ";");
        String outsider = person("personne");
        assertThat(http.get("/api/organisations/members.csv", outsider).statusCode()).isEqualTo(403);
        // whoever manages no member learns nothing about addresses: a known and an unknown one answer alike
        HttpResponse<String> known = post("/api/organisations/members.csv", "organisation;email;role\n"
                + org + ";bob-" + run + "@example.org;member\n", outsider);
        HttpResponse<String> unheardOf = post("/api/organisations/members.csv", "organisation;email;role\n"
                + org + ";inconnu-" + run + "@example.org;member\n", outsider);
        assertThat(known.statusCode()).isEqualTo(403);
        assertThat(unheardOf.statusCode()).isEqualTo(403);
        assertThat(unheardOf.body()).doesNotContain("aucune personne");
        // only text/csv: the type a cross-site form cannot send without asking first
        HttpResponse<String> plain = http.send("POST", "/api/organisations/members.csv", "text/plain",
                ("organisation;email;role\n" + org + ";bob-" + run + "@example.org;admin\n")
                        .getBytes(StandardCharsets.UTF_8), chef);
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(role(org, "bob")).isEqualTo(MembershipRole.MEMBER);
    }

    @Test
    void theLastAdministratorCannotBeDemotedByAFile() {
        String org = "seul-" + run;
        policy.asPlatform(() -> organisations.create(org, "Seul", null, null));
        person("unique");
        policy.asPlatform(() -> {
            organisations.putMember(org, id("unique"), MembershipRole.ADMIN);
            return null;
        });
        HttpResponse<String> refused = post("/api/organisations/members.csv", "organisation;email;role\n"
                + org + ";unique-" + run + "@example.org;member\n", ADMIN);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Ligne 2").contains("doit garder au moins un administrateur");
        assertThat(role(org, "unique")).isEqualTo(MembershipRole.ADMIN);
    }

    private MembershipRole role(String org, String name) {
        long id = id(name);
        return policy.asPlatform(() -> organisations.members(org)).stream().filter(m -> m.personId() == id)
                .findFirst().orElseThrow().role();
    }
}
