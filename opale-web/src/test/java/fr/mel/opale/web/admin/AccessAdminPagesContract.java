package fr.mel.opale.web.admin;

import static fr.mel.opale.web.PageSession.assertSentToLogin;
import static fr.mel.opale.web.PageSession.csrf;
import static fr.mel.opale.web.PageSession.encode;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.PlatformRole;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.Timestamps;
import fr.mel.opale.access.organisation.Member;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.access.project.Projects;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.internal.RecordStore;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.web.PageSession;
import fr.mel.opale.web.WebTestApplication;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The administration of organisations, projects and grants over real HTTP, as a browser posts its forms (session,
 * CSRF), on H2 and PostGIS: the 95 communes listed and searched, creation, members by email with their roles, the
 * refusals in French with nothing applied (bad INSEE code, unknown address, last administrator, a project containing
 * itself, grants to unknown beneficiaries, an organisation administrator editing another organisation or granting
 * platform roles), the grants and the preview "que voit la personne X", and the journal of these changes.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AccessAdminPagesContract {
    @LocalServerPort int port;
    @Autowired PersonStore people;
    @Autowired PasswordEncoder encoder;
    @Autowired Organisations organisations;
    @Autowired Projects projects;
    @Autowired AccessPolicy policy;
    @Autowired RecordStore records;
    @Autowired JdbcClient jdbc;
    @Autowired Catalog catalog;
    @Autowired Datasets datasets;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A person with a login name, an address and a password; returns their id. */
    long person(String name) {
        return people.insert(name + "-" + run, "Personne " + name + " " + run, name + "-" + run + "@exemple.fr",
                PersonStatus.ACTIVE, encoder.encode("secret-" + name), "fr", Timestamps.now());
    }

    String email(String name) {
        return name + "-" + run + "@exemple.fr";
    }

    PageSession login(String name) throws Exception {
        PageSession session = new PageSession(port);
        String form = session.get("/connexion").body();
        HttpResponse<String> in = session.postForm("/connexion", "username=" + encode(name + "-" + run)
                + "&password=" + encode("secret-" + name) + "&_csrf=" + encode(csrf(form)));
        assertThat(in.statusCode()).isEqualTo(302);
        return session;
    }

    /** Posts a form from page {@code from} (its CSRF token) to {@code action}. */
    static HttpResponse<String> post(PageSession session, String from, String action, String... fields)
            throws Exception {
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrf(session.get(from).body())));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(encode(fields[i + 1]));
        }
        return session.postForm(action, form.toString());
    }

    MembershipRole role(String org, long person) {
        return policy.asPlatform(() -> organisations.members(org)).stream().filter(m -> m.personId() == person)
                .map(Member::role).findFirst().orElse(null);
    }

    @Test
    void theCommunesAreListedSearchedAndOrganisationsCreatedByPlatformAdministrators() throws Exception {
        assertSentToLogin(new PageSession(port).get("/admin/organisations"));
        person("lecteur");
        assertThat(login("lecteur").get("/admin/organisations").statusCode()).isEqualTo(403);

        PageSession admin = PageSession.loggedInAsAdmin(port);
        HttpResponse<String> list = admin.get("/admin/organisations");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<html lang=\"fr\">", "<h1>Organisations</h1>",
                "href=\"/admin/organisations/lambersart\">Lambersart</a>", "59328", "Créer une organisation");
        HttpResponse<String> search = admin.get("/admin/organisations?q=roubaix");
        assertThat(search.body()).contains(">Roubaix</a>", "59512").doesNotContain(">Tourcoing</a>");
        assertThat(admin.get("/admin/organisations?q=59599").body()).contains(">Tourcoing</a>");

        String slug = "quartier-" + run;
        HttpResponse<String> refused = post(admin, "/admin/organisations", "/admin/organisations",
                "slug", slug, "name", "Quartier <b>" + run, "insee", "5935X", "parent", "lille");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "Code INSEE invalide « 5935X »",
                "value=\"Quartier &lt;b");
        assertThat(organisations.find(slug)).isEmpty();

        HttpResponse<String> taken = post(admin, "/admin/organisations", "/admin/organisations",
                "slug", slug, "name", "Quartier", "insee", "59350", "parent", "");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("Le code INSEE 59350 est déjà celui de « Lille »");
        assertThat(organisations.find(slug)).isEmpty();

        HttpResponse<String> created = post(admin, "/admin/organisations", "/admin/organisations",
                "slug", slug, "name", "Quartier <b>" + run, "insee", "", "parent", "lille");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/admin/organisations/" + slug
                + "?fait=1");
        assertThat(organisations.find(slug).orElseThrow().parent()).isEqualTo("lille");
        assertThat(admin.get("/admin/organisations/" + slug).body()).contains("<h1>Quartier &lt;b&gt;" + run + "</h1>");
        assertThat(admin.get("/admin/organisations/nulle-part-" + run).statusCode()).isEqualTo(404);
    }

    @Test
    void membersAreAddedByEmailTheirRoleChangedAndRemovedButNeverTheLastAdministrator() throws Exception {
        String org = "asso-" + run;
        policy.asPlatform(() -> organisations.create(org, "Association " + run, null, null));
        long alice = person("alice");
        long bob = person("bob");
        PageSession admin = PageSession.loggedInAsAdmin(port);
        String page = "/admin/organisations/" + org;

        HttpResponse<String> unknown = post(admin, page, page + "/membres", "email", "personne-" + run + "@exemple.fr",
                "role", "member");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Aucune personne n’a l’adresse".replace('’', '\''));

        assertThat(post(admin, page, page + "/membres", "email", email("alice").toUpperCase(), "role", "admin")
                .statusCode()).isEqualTo(302);
        assertThat(post(admin, page, page + "/membres", "email", email("bob"), "role", "member").statusCode())
                .isEqualTo(302);
        assertThat(role(org, alice)).isEqualTo(MembershipRole.ADMIN);
        HttpResponse<String> members = admin.get(page);
        assertThat(members.body()).contains("Membres (2)", "Personne alice " + run, "Rôle de Personne bob " + run);

        HttpResponse<String> lastAdmin = post(admin, page, page + "/membres/" + alice, "role", "member",
                "action", "changer");
        assertThat(lastAdmin.statusCode()).isEqualTo(409);
        assertThat(lastAdmin.body()).contains("doit garder au moins un administrateur");
        assertThat(role(org, alice)).isEqualTo(MembershipRole.ADMIN);
        HttpResponse<String> removeLast = post(admin, page, page + "/membres/" + alice, "action", "retirer");
        assertThat(removeLast.statusCode()).isEqualTo(409);
        assertThat(role(org, alice)).isEqualTo(MembershipRole.ADMIN);

        assertThat(post(admin, page, page + "/membres/" + bob, "role", "editor", "action", "changer").statusCode())
                .isEqualTo(302);
        assertThat(role(org, bob)).isEqualTo(MembershipRole.EDITOR);
        assertThat(post(admin, page, page + "/membres/" + bob, "action", "retirer").statusCode()).isEqualTo(302);
        assertThat(role(org, bob)).isNull();

        HttpResponse<String> badLogo = post(admin, page, page + "/logo", "logo", "javascript:alert(1)");
        assertThat(badLogo.statusCode()).isEqualTo(400);
        assertThat(badLogo.body()).contains("Adresse de logo invalide").doesNotContain("src=\"javascript");
        assertThat(organisations.logo(org)).isEmpty();
        assertThat(post(admin, page, page + "/logo", "logo", "https://www.exemple.fr/logo.svg").statusCode())
                .isEqualTo(302);
        assertThat(organisations.logo(org)).hasValue("https://www.exemple.fr/logo.svg");
        assertThat(admin.get(page).body()).contains("<img class=\"organisation-logo\" src=\"https://www.exemple.fr/logo.svg\"",
                "alt=\"Logo de Association " + run + "\"");

        // the journal shows who did it and before → after
        HttpResponse<String> journal = admin.get("/admin/journal?personne=" + bob);
        assertThat(journal.body()).contains("Membre d’organisation", "personne " + bob + " : — → member",
                "personne " + bob + " : member → editor", "personne " + bob + " : editor → —", "Administrateur");
    }

    @Test
    void organisationAdministratorsManageTheirOwnOrganisationOnlyAndGrantNoPlatformRole() throws Exception {
        String mine = "mienne-" + run;
        String other = "autre-" + run;
        long chef = person("chef");
        long zoe = person("zoe");
        policy.asPlatform(() -> {
            organisations.create(mine, "Mienne", null, null);
            organisations.create(other, "Autre", null, null);
            organisations.putMember(mine, chef, MembershipRole.ADMIN);
            return null;
        });
        PageSession session = login("chef");
        // their way in: the "Administration" link, an entry page with their organisation and nothing of the platform
        assertThat(session.get("/").body()).contains("<a href=\"/admin\"");
        HttpResponse<String> home = session.get("/admin");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Administration de vos organisations",
                "href=\"/admin/organisations/" + mine + "\"").doesNotContain("href=\"/admin/organisations/" + other
                + "\"", "href=\"/admin/utilisateurs\"", "href=\"/admin/journal\"", "href=\"/admin/thesaurus\"",
                "Importer des données", "Journal des connexions"); // « Publier » stays: they publish for their organisation
        for (String platformPage : List.of("/admin/utilisateurs", "/admin/journal", "/admin/thesaurus")) {
            assertThat(session.get(platformPage).statusCode()).as(platformPage).isEqualTo(403);
        }
        PageSession member = login("zoe");
        assertThat(member.get("/").body()).doesNotContain("<a href=\"/admin\"");
        assertThat(member.get("/admin").statusCode()).isEqualTo(403);
        assertThat(PageSession.loggedInAsAdmin(port).get("/admin").body()).contains("href=\"/admin/utilisateurs\"",
                "Administration de la plateforme");

        HttpResponse<String> list = session.get("/admin/organisations");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/admin/organisations/" + mine + "\"")
                .doesNotContain("href=\"/admin/organisations/" + other + "\"").doesNotContain("Créer une organisation");
        assertThat(session.get("/admin/organisations/" + other).statusCode()).isEqualTo(403);

        String page = "/admin/organisations/" + mine;
        HttpResponse<String> elsewhere = post(session, page, "/admin/organisations/" + other + "/membres",
                "email", email("zoe"), "role", "admin");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(policy.asPlatform(() -> organisations.members(other))).isEmpty();

        HttpResponse<String> placement = post(session, page, page + "/rattachement", "insee", "59350", "parent", "");
        assertThat(placement.statusCode()).isEqualTo(403);

        assertThat(post(session, page, page + "/membres", "email", email("zoe"), "role", "editor").statusCode())
                .isEqualTo(302);
        assertThat(role(mine, zoe)).isEqualTo(MembershipRole.EDITOR);

        HttpResponse<String> platformRole = post(session, page, "/admin/utilisateurs/" + zoe + "/roles",
                "role", "admin", "action", "ajouter");
        assertThat(platformRole.statusCode()).isEqualTo(403);
        assertThat(people.find(zoe).orElseThrow().roles()).doesNotContain(PlatformRole.ADMIN);
    }

    @Test
    void projectsNeverContainThemselves() throws Exception {
        String outer = "plan-" + run;
        String inner = "volet-" + run;
        PageSession admin = PageSession.loggedInAsAdmin(port);
        assertThat(post(admin, "/admin/projets", "/admin/projets", "slug", outer, "name", "Plan " + run).statusCode())
                .isEqualTo(302);
        assertThat(post(admin, "/admin/projets", "/admin/projets", "slug", inner, "name", "Volet").statusCode())
                .isEqualTo(302);
        String page = "/admin/projets/" + outer;
        assertThat(post(admin, page, page + "/membres", "kind", "organisation", "name", "lambersart", "role", "member")
                .statusCode()).isEqualTo(302);
        assertThat(post(admin, page, page + "/membres", "kind", "projet", "name", inner, "role", "member")
                .statusCode()).isEqualTo(302);
        String innerPage = "/admin/projets/" + inner;
        HttpResponse<String> cycle = post(admin, innerPage, innerPage + "/membres", "kind", "projet", "name", outer,
                "role", "member");
        assertThat(cycle.statusCode()).isEqualTo(400);
        assertThat(cycle.body()).contains("il se contiendrait lui-même");
        HttpResponse<String> self = post(admin, page, page + "/membres", "kind", "projet", "name", outer,
                "role", "member");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(policy.asPlatform(() -> projects.members(inner))).extracting(m -> m.name())
                .doesNotContain(outer);
        assertThat(admin.get(page).body()).contains("Lambersart", "Volet", "Organisation", "Projet");
    }

    @Test
    void grantsOnARecordAndThePreviewOfWhatAPersonSees() throws Exception {
        String org = "commune-" + run;
        long membre = person("membre");
        long citoyen = person("citoyen");
        long editeur = person("editeur");
        policy.asPlatform(() -> {
            organisations.create(org, "Commune " + run, null, null);
            organisations.putMember(org, membre, MembershipRole.MEMBER);
            organisations.putMember(org, editeur, MembershipRole.EDITOR);
            return null;
        });
        String id = "fiche-" + run;
        records.save(CatalogRecord.builder(id).title(LocalizedText.of("fr", "Fiche " + run)).build(),
                Visibility.RESTRICTED, org);
        String page = "/admin/acces?record=" + id;

        assertThat(login("membre").get(page).statusCode()).isEqualTo(403);
        assertThat(login("citoyen").get(page).statusCode()).isEqualTo(404);
        PageSession editor = login("editeur");
        // the record's own page leads its managers (only them) to who sees it
        HttpResponse<String> recordPage = editor.get("/catalogue/" + id);
        assertThat(recordPage.statusCode()).isEqualTo(200);
        assertThat(recordPage.body()).contains("<a href=\"/admin/acces?record=" + id + "\">Gérer qui voit cette fiche</a>");
        HttpResponse<String> asMember = login("membre").get("/catalogue/" + id);
        assertThat(asMember.statusCode()).isEqualTo(200);
        assertThat(asMember.body()).doesNotContain("/admin/acces", "Gérer qui voit cette fiche");
        HttpResponse<String> access = editor.get(page);
        assertThat(access.statusCode()).isEqualTo(200);
        assertThat(access.body()).contains("Qui voit « Fiche " + run + " »", "Aucun droit accordé.");

        HttpResponse<String> unknown = post(editor, page, "/admin/acces/droits", "record", id, "kind", "organisation",
                "name", "nulle-part-" + run, "right", "READ");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Bénéficiaire inconnu : organisation:nulle-part-" + run);
        HttpResponse<String> unknownPerson = post(editor, page, "/admin/acces/droits", "record", id, "kind",
                "personne", "name", "personne-" + run + "@exemple.fr", "right", "READ");
        assertThat(unknownPerson.statusCode()).isEqualTo(404);

        HttpResponse<String> before = editor.get(page + "&personne=" + encode(email("citoyen")));
        assertThat(before.body()).contains("Décision pour Personne citoyen " + run,
                "Ne voit pas la fiche", "Fiche restreinte");

        assertThat(post(editor, page, "/admin/acces/droits", "record", id, "kind", "personne", "name",
                email("citoyen"), "right", "READ").statusCode()).isEqualTo(302);
        HttpResponse<String> after = editor.get(page + "&personne=" + encode(email("citoyen")));
        assertThat(after.body()).contains("<code>person:" + citoyen + "</code>", "Voit la fiche et ses données.",
                "Droit donné à la personne elle-même");

        HttpResponse<String> member = editor.get(page + "&personne=" + encode(email("membre")));
        assertThat(member.body()).contains("Voit la fiche et ses données.", "Membre de l'organisation « " + org + " »");

        assertThat(post(editor, page, "/admin/acces/droits/retirer", "record", id, "principal",
                "person:" + citoyen).statusCode()).isEqualTo(302);
        assertThat(editor.get(page).body()).contains("Aucun droit accordé.");

        assertThat(post(editor, page, "/admin/acces/visibilite", "record", id, "visibility", "PUBLIC").statusCode())
                .isEqualTo(302);
        assertThat(records.find(id).orElseThrow().visibility()).isEqualTo(Visibility.PUBLIC);
        long audited = jdbc.sql("SELECT COUNT(*) FROM auth_event WHERE kind IN ('GRANTS_CHANGED', "
                        + "'VISIBILITY_CHANGED') AND actor_id = ? AND detail LIKE ?")
                .params(editeur, "fiche " + id + " %").query(Long.class).single();
        assertThat(audited).isEqualTo(3);
    }

    /**
     * The row and column rules of a record's dataset on the access page: invalid CQL2, an unknown column or reader
     * refused in French on the page with what was typed, nothing saved; saved rules enforced, and the preview of
     * what a person sees (rows counted, columns) as the policy decides for them — a column rule naming the person's
     * organisation showing them the column.
     */
    @Test
    void datasetRulesAndThePreviewOfTheRowsAndColumnsAPersonSees() throws Exception {
        String owner = "annuaire-" + run;
        String commune = "commune-" + run;
        String insee = String.format("%05d", 100 + Math.floorMod(run.hashCode(), 9_000));
        long editeur = person("editeur");
        long lecteur = person("lecteur");
        person("citoyen");
        policy.asPlatform(() -> {
            organisations.create(owner, "Annuaire " + run, null, null);
            organisations.create(commune, "Commune " + run, insee, null);
            organisations.putMember(owner, editeur, MembershipRole.EDITOR);
            organisations.putMember(commune, lecteur, MembershipRole.MEMBER);
            return null;
        });
        RuledDataset data = new RuledDataset(catalog, datasets, policy, run, owner, insee);
        String page = "/admin/acces?record=" + data.record;
        PageSession editor = login("editeur");
        HttpResponse<String> shown = editor.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Règles de lignes et de colonnes des données", "<code id=\"colonne-2\">telephone</code>");

        for (String[] bad : new String[][] {
                {"code_insee IN (", "", "CQL2"},
                {"commune IN reader.organisations.insee", "", "commune"},
                {"", "fax", "La colonne « fax »"},
                {"", "telephone", "inconnu : project:nulle-part-" + run}}) {
            HttpResponse<String> refused = post(editor, page, "/admin/acces/regles", "record", data.record,
                    "lignes", bad[0], "masquee", bad[1], "lecteurs_2", "project:nulle-part-" + run);
            assertThat(refused.statusCode()).as(String.join(" ", bad)).isEqualTo(400);
            assertThat(refused.body()).as(String.join(" ", bad)).contains("role=\"alert\"", bad[2]);
            if (!bad[0].isEmpty()) {
                assertThat(refused.body()).contains(">" + bad[0].replace("(", "(") + "</textarea>");
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dataset_rule WHERE dataset_id = ?").param(data.dataset.id())
                .query(Long.class).single()).isZero();
        // each refusal is in the audit log, with its reason
        List<String> audited = jdbc.sql("SELECT detail FROM auth_event WHERE kind = 'ACCESS_CHANGE_REFUSED' AND "
                + "actor_id = ? ORDER BY id").param(editeur).query(String.class).list();
        assertThat(audited).hasSize(4).allMatch(d -> d.startsWith("jeu de données " + data.dataset.id() + " — "));
        assertThat(audited.get(0)).contains("lignes : code_insee IN ( ;", "— refusé : ", "CQL2");
        assertThat(audited.get(3)).contains("telephone (vue par project:nulle-part-" + run + ")",
                "inconnu : project:nulle-part-" + run);

        HttpResponse<String> saved = post(editor, page, "/admin/acces/regles", "record", data.record,
                "lignes", "code_insee IN reader.organisations.insee", "masquee", "telephone", "lecteurs_2", "");
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> reader = editor.get(page + "&personne=" + encode(email("lecteur")));
        assertThat(reader.body()).contains("Lignes vues : 2 sur 3.", "Colonnes vues : <code>nom</code> <code>code_insee</code>",
                "Colonnes masquées pour elle : <code>telephone</code>");
        HttpResponse<String> citizen = editor.get(page + "&personne=" + encode(email("citoyen")));
        assertThat(citizen.body()).contains("Lignes vues : 0 sur 3.", "Colonnes masquées pour elle : <code>telephone</code>");
        HttpResponse<String> self = editor.get(page + "&personne=" + encode(email("editeur")));
        assertThat(self.body()).contains("Lignes vues : 3 sur 3.").doesNotContain("Colonnes masquées pour elle");

        assertThat(post(editor, page, "/admin/acces/regles", "record", data.record, "lignes",
                "code_insee IN reader.organisations.insee", "masquee", "telephone", "lecteurs_2",
                "organisation:" + commune).statusCode()).isEqualTo(302);
        assertThat(editor.get(page).body()).contains("value=\"organisation:" + commune + "\"");
        HttpResponse<String> named = editor.get(page + "&personne=" + encode(email("lecteur")));
        assertThat(named.body()).contains("Lignes vues : 2 sur 3.",
                "Colonnes vues : <code>nom</code> <code>code_insee</code> <code>telephone</code>")
                .doesNotContain("Colonnes masquées pour elle");
        assertThat(editor.get(page + "&personne=" + encode(email("citoyen"))).body())
                .contains("Colonnes masquées pour elle : <code>telephone</code>");
        assertThat(login("lecteur").get(page).statusCode()).isEqualTo(403);
    }
}
