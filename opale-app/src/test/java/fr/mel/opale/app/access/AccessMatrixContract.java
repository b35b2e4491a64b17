package fr.mel.opale.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.GrantPrincipal;
import fr.mel.opale.access.grant.Grants;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.access.project.Projects;
import fr.mel.opale.access.testing.TestAccounts;
import fr.mel.opale.app.OpaleApplication;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.testing.HttpTestClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access matrix, on one real server and a real database (H2 and PostGIS subclasses): six principals × every
 * surface × four kinds of records, each with its dataset (imported through {@code /api/ingest}):
 * <ul>
 *   <li>principals: anonymous, a logged-in citizen, a member of commune A, an editor of commune B, a member of a
 *       project grouping A and C, a platform administrator — by HTTP Basic, then again by personal bearer token;</li>
 *   <li>records: public (owned by B), restricted to A (owned by A), restricted to the project (owned by C, granted to
 *       the project), draft of B;</li>
 *   <li>surfaces: the record in {@code /api/records}, its page and its table tab, its quality report, OGC API
 *       Records (item, search), OGC API Features (collection list, collection, items and their count, item,
 *       queryables, CQL2 filter), a tile, downloads (CSV, GeoJSON, items as CSV), the dataset API (description,
 *       schema), the aggregate endpoint, and a {@code PUT} of the record (editors of the owner and administrators);
 *       the lists: {@code /api/records} totals, search hits, totals and facet counts, suggestions, the quality
 *       dashboard's counts, the DCAT catalogue (public only, whoever asks).</li>
 * </ul>
 * Every cell is asserted (seen: 200 or 204 for an empty tile; hidden: 404 — never 403, which would tell it exists),
 * and so are counts. Restricted answers are never publicly cacheable and every answer varies on Authorization and
 * Cookie. All failing cells are reported together.
 */
@SpringBootTest(classes = OpaleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opale.demo=false", "opale.admin.password=test-admin-secret",
            "opale.ingest.upload-dir=target/test-uploads-matrix", "opale.data.dir=target/test-data-matrix",
            // numberMatched is asserted per reader: waited for, whatever the load of the machine
            "opale.data.count-budget=10s"})
abstract class AccessMatrixContract {
    /** The records of the matrix. */
    enum Kind { PUBLIC, RESTRICTED_TO_A, RESTRICTED_TO_PROJECT, DRAFT_OF_B }

    /** The principals of the matrix. */
    enum Who { ANONYMOUS, CITIZEN, MEMBER_OF_A, EDITOR_OF_B, PROJECT_MEMBER, PLATFORM_ADMIN }

    /** Who sees what: the expected answer of every cell. */
    static final Map<Who, Set<Kind>> SEES = new EnumMap<>(Map.of(
            Who.ANONYMOUS, EnumSet.of(Kind.PUBLIC),
            Who.CITIZEN, EnumSet.of(Kind.PUBLIC),
            Who.MEMBER_OF_A, EnumSet.of(Kind.PUBLIC, Kind.RESTRICTED_TO_A, Kind.RESTRICTED_TO_PROJECT),
            Who.EDITOR_OF_B, EnumSet.of(Kind.PUBLIC, Kind.DRAFT_OF_B),
            Who.PROJECT_MEMBER, EnumSet.of(Kind.PUBLIC, Kind.RESTRICTED_TO_PROJECT),
            Who.PLATFORM_ADMIN, EnumSet.allOf(Kind.class)));

    /** Who edits what (their records through {@code PUT /api/records/{id}}). */
    static final Map<Who, Set<Kind>> EDITS = new EnumMap<>(Map.of(
            Who.ANONYMOUS, EnumSet.noneOf(Kind.class),
            Who.CITIZEN, EnumSet.noneOf(Kind.class),
            Who.MEMBER_OF_A, EnumSet.noneOf(Kind.class),
            Who.EDITOR_OF_B, EnumSet.of(Kind.PUBLIC, Kind.DRAFT_OF_B),
            Who.PROJECT_MEMBER, EnumSet.noneOf(Kind.class),
            Who.PLATFORM_ADMIN, EnumSet.allOf(Kind.class)));

    /** Rows of each dataset (every one is a point inside the Lille area). */
    static final int ROWS = 3;

    @LocalServerPort
    int port;
    @Autowired
    AccessPolicy policy;
    @Autowired
    Organisations organisations;
    @Autowired
    Projects projects;
    @Autowired
    Grants grants;
    @Autowired
    Catalog catalog;
    @Autowired
    Datasets datasets;
    @Autowired
    PersonStore people;
    @Autowired
    PasswordEncoder encoder;

    /** The quality dashboard's counts per principal before the four records are published. */
    private final Map<Who, Long> qualityBefore = new EnumMap<>(Who.class);

    /** What one record of the matrix is known by. */
    record Published(String recordId, String datasetId, String collectionId, String featureId) {
    }

    @Test
    void everyPrincipalSeesExactlyWhatThePolicyGrantsOnEverySurface() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String token = "matrice" + run; // one word only these records carry: lists count them alone
        String a = "commune-a-" + run;
        String b = "commune-b-" + run;
        String c = "commune-c-" + run;
        String project = "plan-ac-" + run;
        Map<Who, String> basic = new EnumMap<>(Who.class);
        basic.put(Who.ANONYMOUS, null);
        basic.put(Who.PLATFORM_ADMIN, HttpTestClient.ADMIN);
        long citizen = account("citoyen-" + run, basic, Who.CITIZEN);
        long memberA = account("membre-a-" + run, basic, Who.MEMBER_OF_A);
        long editorB = account("redacteur-b-" + run, basic, Who.EDITOR_OF_B);
        long projectMember = account("projet-" + run, basic, Who.PROJECT_MEMBER);
        policy.asPlatform(() -> {
            organisations.create(a, "Commune A " + run, null, null);
            organisations.create(b, "Commune B " + run, null, null);
            organisations.create(c, "Commune C " + run, null, null);
            organisations.putMember(a, memberA, MembershipRole.MEMBER);
            organisations.putMember(b, editorB, MembershipRole.EDITOR);
            projects.create(project, "Plan intercommunal A et C " + run);
            projects.putOrganisation(project, a, MembershipRole.MEMBER);
            projects.putOrganisation(project, c, MembershipRole.MEMBER);
            projects.putPerson(project, projectMember, MembershipRole.MEMBER);
            return null;
        });
        assertThat(citizen).isPositive();

        // what the quality dashboard counts before these records (other tests of this class may have added some)
        HttpTestClient before = new HttpTestClient(port);
        for (Who who : Who.values()) {
            qualityBefore.put(who, scored(before, basic.get(who)));
        }
        Map<Kind, Published> records = new EnumMap<>(Kind.class);
        records.put(Kind.PUBLIC, publish(token + " publique", b, Visibility.PUBLIC));
        records.put(Kind.RESTRICTED_TO_A, publish(token + " réservée à A", a, Visibility.RESTRICTED));
        records.put(Kind.RESTRICTED_TO_PROJECT, publish(token + " du projet", c, Visibility.RESTRICTED));
        records.put(Kind.DRAFT_OF_B, publish(token + " brouillon", b, Visibility.DRAFT));
        StoredRecord shared = policy.asPlatform(() -> catalog.find(records.get(Kind.RESTRICTED_TO_PROJECT).recordId()))
                .orElseThrow();
        policy.asPlatform(() -> grants.put(shared.protection(), GrantPrincipal.project(project), AccessRight.READ));

        HttpTestClient http = new HttpTestClient(port);
        awaitIndexed(http, token, records.size());

        SoftAssertions cells = new SoftAssertions();
        check(cells, http, "Basic", basic, records, token);

        // the same matrix through personal bearer tokens, one per logged-in principal
        Map<Who, String> bearer = new EnumMap<>(Who.class);
        basic.forEach((who, authorization) -> bearer.put(who, authorization == null ? null : bearer(http, authorization)));
        check(cells, http, "Bearer", bearer, records, token);
        cells.assertAll();
    }

    /**
     * The fifth kind of record: a public metropolitan dataset owned by the metropolis, whose row rule
     * {@code code_insee IN reader.organisations.insee} gives each commune its rows only, and whose column rule hides
     * {@code telephone} from all but the metropolis's members. Rows: 2 of commune A, 3 of B, 1 of C. Each principal,
     * by HTTP Basic: anonymous visitors, citizens and the project member (in no commune themselves) see no row, the
     * member of A A's 2, the editor of B B's 3 (an editor of a commune, not of the owner: the rule applies), the
     * platform administrator all 6 and the hidden column — on items and numberMatched, an item of B by id, a CQL2
     * filter, queryables, a tile (decoded), a CSV download, an aggregate, the quality report and the table tab. The rules are set over HTTP by the administrator;
     * a member may not set them, and bad rules are refused with nothing stored.
     */
    @Test
    void rowRulesGiveEachPrincipalItsRowsAndHideColumnsOnEverySurface() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // codes of this run only, 00100 to 09099: never one of the 95 communes (59xxx) created at start, and
        // unlikely to be one of an earlier run kept by the database
        int base = 100 + Math.floorMod(run.hashCode(), 3_000) * 3;
        String inseeA = String.format("%05d", base);
        String inseeB = String.format("%05d", base + 1);
        String inseeC = String.format("%05d", base + 2);
        String metropole = "metropole-" + run;
        Map<Who, String> basic = new EnumMap<>(Who.class);
        basic.put(Who.ANONYMOUS, null);
        basic.put(Who.PLATFORM_ADMIN, HttpTestClient.ADMIN);
        account("citoyen-r-" + run, basic, Who.CITIZEN);
        long memberA = account("membre-a-r-" + run, basic, Who.MEMBER_OF_A);
        long editorB = account("redacteur-b-r-" + run, basic, Who.EDITOR_OF_B);
        long projectMember = account("projet-r-" + run, basic, Who.PROJECT_MEMBER);
        policy.asPlatform(() -> {
            organisations.create(metropole, "Métropole " + run, null, null);
            organisations.create("commune-a-r-" + run, "Commune A " + run, inseeA, null);
            organisations.create("commune-b-r-" + run, "Commune B " + run, inseeB, null);
            organisations.create("commune-c-r-" + run, "Commune C " + run, inseeC, null);
            organisations.putMember("commune-a-r-" + run, memberA, MembershipRole.MEMBER);
            organisations.putMember("commune-b-r-" + run, editorB, MembershipRole.EDITOR);
            projects.create("plan-ac-r-" + run, "Plan A et C " + run);
            projects.putOrganisation("plan-ac-r-" + run, "commune-a-r-" + run, MembershipRole.MEMBER);
            projects.putOrganisation("plan-ac-r-" + run, "commune-c-r-" + run, MembershipRole.MEMBER);
            projects.putPerson("plan-ac-r-" + run, projectMember, MembershipRole.MEMBER);
            return null;
        });
        String csv = "nom;code_insee;telephone;valeur;latitude;longitude\n"
                + "A1;" + inseeA + ";0320000001;1;50,6292;3,0573\n"
                + "B1;" + inseeB + ";0320000002;2;50,6300;3,0600\n"
                + "A2;" + inseeA + ";0320000003;3;50,6310;3,0610\n"
                + "B2;" + inseeB + ";0320000004;4;50,6320;3,0620\n"
                + "C1;" + inseeC + ";0320000005;5;50,6400;3,0700\n"
                + "B3;" + inseeB + ";0320000006;6;50,6330;3,0630\n";
        Published p = publish("Métropolitain " + run, metropole, Visibility.PUBLIC, csv);
        HttpTestClient http = new HttpTestClient(port);
        String rules = "/api/datasets/" + p.datasetId() + "/rules";
        String rule = "{\"rows\":\"code_insee IN reader.organisations.insee\",\"hiddenColumns\":[\"telephone\"]}";

        // who may set them, and bad rules: a French 400, nothing stored
        assertThat(http.sendJson("PUT", rules, rule, basic.get(Who.MEMBER_OF_A)).statusCode()).isEqualTo(403);
        assertThat(http.sendJson("PUT", rules, rule, basic.get(Who.EDITOR_OF_B)).statusCode()).isEqualTo(403);
        assertThat(http.sendJson("PUT", rules, rule, null).statusCode()).isIn(401, 403);
        HttpResponse<String> set = http.sendJson("PUT", rules, rule, HttpTestClient.ADMIN);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        for (String bad : List.of(
                "{\"rows\":\"commune IN reader.organisations.insee\"}",
                "{\"rows\":\"code_insee IN reader.organisations.siret\"}",
                "{\"rows\":\"code_insee IN (\"}",
                "{\"rows\":\"code_insee LIKE reader.organisations.insee\"}",
                "{\"hiddenColumns\":[\"fax\"]}",
                "{\"lignes\":\"TRUE\"}")) {
            HttpResponse<String> refused = http.sendJson("PUT", rules, bad, HttpTestClient.ADMIN);
            assertThat(refused.statusCode()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(refused.body()).as(bad).containsAnyOf("colonne", "attribut", "CQL2", "Champ", "propriété");
        }
        JsonNode stored = json(http, rules, HttpTestClient.ADMIN);
        assertThat(stored.path("rows").asString()).isEqualTo("code_insee IN reader.organisations.insee");
        assertThat(stored.path("hiddenColumns").get(0).asString()).isEqualTo("telephone");

        Map<Who, Set<String>> rows = new EnumMap<>(Map.of(
                Who.ANONYMOUS, Set.of(), Who.CITIZEN, Set.of(), Who.PROJECT_MEMBER, Set.of(),
                Who.MEMBER_OF_A, Set.of("A1", "A2"), Who.EDITOR_OF_B, Set.of("B1", "B2", "B3"),
                Who.PLATFORM_ADMIN, Set.of("A1", "A2", "B1", "B2", "B3", "C1")));
        String collection = "/ogcapi/collections/" + p.collectionId();
        JsonNode all = json(http, collection + "/items", HttpTestClient.ADMIN);
        String featureOfB = null;
        for (JsonNode feature : all.path("features")) {
            if (feature.path("properties").path("nom").asString().equals("B2")) {
                featureOfB = feature.path("id").asString();
            }
        }
        assertThat(featureOfB).isNotNull();
        SoftAssertions cells = new SoftAssertions();
        // a bare column name: hidden from all but the owner's members (nobody here but the administrator)
        rowRuleCells(cells, http, p, collection, featureOfB, basic, rows, EnumSet.of(Who.PLATFORM_ADMIN));

        // a column rule naming its readers: the project (the member of A through commune A, the project member) and
        // the editor of B by person; unknown or malformed readers refused, nothing stored
        for (String bad : List.of(
                "{\"hiddenColumns\":[{\"column\":\"telephone\",\"seenBy\":[\"project:inconnu-" + run + "\"]}]}",
                "{\"hiddenColumns\":[{\"column\":\"telephone\",\"seenBy\":[\"groupe:x\"]}]}",
                "{\"hiddenColumns\":[{\"column\":\"fax\",\"seenBy\":[\"logged-in\"]}]}",
                "{\"hiddenColumns\":[{\"colonne\":\"telephone\"}]}")) {
            HttpResponse<String> refused = http.sendJson("PUT", rules, bad, HttpTestClient.ADMIN);
            assertThat(refused.statusCode()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(bad).containsAnyOf("inconnu", "colonne", "Bénéficiaire");
        }
        assertThat(json(http, rules, HttpTestClient.ADMIN).path("columnRules").get(0).path("seenBy").size())
                .isZero();
        String perReader = "{\"rows\":\"code_insee IN reader.organisations.insee\",\"hiddenColumns\":[{\"column\":"
                + "\"telephone\",\"seenBy\":[\"project:plan-ac-r-" + run + "\",\"person:" + editorB + "\"]}]}";
        HttpResponse<String> named = http.sendJson("PUT", rules, perReader, HttpTestClient.ADMIN);
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        JsonNode storedNamed = json(http, rules, HttpTestClient.ADMIN);
        assertThat(storedNamed.path("hiddenColumns").get(0).asString()).isEqualTo("telephone");
        assertThat(storedNamed.path("columnRules").get(0).path("seenBy").toString())
                .contains("project:plan-ac-r-" + run, "person:" + editorB);
        rowRuleCells(cells, http, p, collection, featureOfB, basic, rows,
                EnumSet.of(Who.PLATFORM_ADMIN, Who.MEMBER_OF_A, Who.PROJECT_MEMBER, Who.EDITOR_OF_B));
        cells.assertAll();
    }

    /**
     * A row rule written against the served version names a column a kept older version lacks: a commune's member
     * still gets the dataset (its versions, its reports), counting none of their rows in the older version rather
     * than a refusal of the whole dataset.
     */
    @Test
    void aRowRuleOnAColumnAnOlderVersionLacksLeavesTheDatasetReadable() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String insee = String.format("%05d", 100 + Math.floorMod(run.hashCode(), 9_000));
        String owner = "metropole-v-" + run;
        Map<Who, String> basic = new EnumMap<>(Who.class);
        long member = account("membre-v-" + run, basic, Who.MEMBER_OF_A);
        policy.asPlatform(() -> {
            organisations.create(owner, "Métropole " + run, null, null);
            organisations.create("commune-v-" + run, "Commune " + run, insee, null);
            organisations.putMember("commune-v-" + run, member, MembershipRole.MEMBER);
            return null;
        });
        Published first = publish("Versions " + run, owner, Visibility.PUBLIC,
                "nom;valeur;latitude;longitude\nX1;1;50,6292;3,0573\nX2;2;50,6300;3,0600\n", null);
        publish("Versions " + run, owner, Visibility.PUBLIC, "nom;code_insee;valeur;latitude;longitude\n"
                + "A1;" + insee + ";1;50,6292;3,0573\nZ1;99999;2;50,6300;3,0600\nA2;" + insee + ";3;50,63;3,06\n",
                first.datasetId());
        HttpTestClient http = new HttpTestClient(port);
        HttpResponse<String> set = http.sendJson("PUT", "/api/datasets/" + first.datasetId() + "/rules",
                "{\"rows\":\"code_insee IN reader.organisations.insee\"}", HttpTestClient.ADMIN);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        String auth = basic.get(Who.MEMBER_OF_A);
        JsonNode dataset = json(http, "/api/datasets/" + first.datasetId(), auth);
        assertThat(dataset.path("currentVersion").asInt()).isEqualTo(2);
        assertThat(dataset.path("versions").get(0).path("rows").asLong(-1)).isEqualTo(2);
        assertThat(dataset.path("versions").get(1).path("number").asInt()).isEqualTo(1);
        assertThat(dataset.path("versions").get(1).path("rows").asLong(-1)).isZero();
        assertThat(json(http, "/api/datasets/" + first.datasetId() + "/report", auth).path("report").path("rows")
                .asLong(-1)).isEqualTo(2);
        assertThat(json(http, "/api/datasets/" + first.datasetId() + "/report?version=1", auth).path("report")
                .path("rows").asLong(-1)).isZero();
        assertThat(get(http, "/catalogue/" + first.recordId() + "/qualite", auth).statusCode()).isEqualTo(200);
        assertThat(json(http, "/ogcapi/collections/" + first.collectionId() + "/items", auth)
                .path("numberMatched").asLong(-1)).isEqualTo(2);

        // an import under the row rule gives the record no extent of its rows either
        assertThat(http.json(get(http, "/api/records/" + first.recordId(), null)).path("geometry").isObject())
                .isFalse();
        publish("Versions " + run, owner, Visibility.PUBLIC, "nom;code_insee;valeur;latitude;longitude\n"
                + "A1;" + insee + ";1;50,6292;3,0573\nZ1;99999;2;50,7;3,2\n", first.datasetId());
        assertThat(json(http, "/api/datasets/" + first.datasetId(), auth).path("currentVersion").asInt())
                .isEqualTo(3);
        assertThat(http.json(get(http, "/api/records/" + first.recordId(), null)).path("geometry").isObject())
                .isFalse();
    }

    /** Every surface of the row-ruled dataset, for each principal: its rows, and the telephone to {@code seeTelephone}. */
    private void rowRuleCells(SoftAssertions cells, HttpTestClient http, Published p, String collection,
                              String featureOfB, Map<Who, String> basic, Map<Who, Set<String>> rows,
                              Set<Who> seeTelephone) throws Exception {
        for (Who who : Who.values()) {
            String auth = basic.get(who);
            Set<String> expected = rows.get(who);
            boolean seesTelephone = seeTelephone.contains(who);
            String cell = "règle de lignes " + who + " (téléphone vu par " + seeTelephone + ") : ";
            JsonNode items = json(http, collection + "/items", auth);
            cells.assertThat(items.path("numberMatched").asLong(-1)).as(cell + "numberMatched")
                    .isEqualTo(expected.size());
            cells.assertThat(ids(items.path("features"), f -> f.path("properties").path("nom").asString()))
                    .as(cell + "items").isEqualTo(expected);
            for (JsonNode feature : items.path("features")) {
                cells.assertThat(feature.path("properties").has("telephone")).as(cell + "items telephone")
                        .isEqualTo(seesTelephone);
            }
            HttpResponse<String> item = get(http, collection + "/items/" + featureOfB, auth);
            cells.assertThat(item.statusCode()).as(cell + "item of B").isEqualTo(expected.contains("B2") ? 200 : 404);
            String filter = URLEncoder.encode("valeur >= 3", StandardCharsets.UTF_8);
            JsonNode filtered = json(http, collection + "/items?filter-lang=cql2-text&filter=" + filter, auth);
            cells.assertThat(filtered.path("numberMatched").asLong(-1)).as(cell + "CQL2 filter")
                    .isEqualTo(expected.stream().filter(n -> List.of("A2", "B2", "C1", "B3").contains(n)).count());
            HttpResponse<String> onHidden = get(http, collection + "/items?filter-lang=cql2-text&filter="
                    + URLEncoder.encode("telephone = '0320000001'", StandardCharsets.UTF_8), auth);
            cells.assertThat(onHidden.statusCode()).as(cell + "filter on the hidden column")
                    .isEqualTo(seesTelephone ? 200 : 400);
            JsonNode queryables = json(http, collection + "/queryables", auth);
            cells.assertThat(queryables.path("properties").has("telephone")).as(cell + "queryables")
                    .isEqualTo(seesTelephone);
            cells.assertThat(queryables.path("properties").has("code_insee")).as(cell + "queryables").isTrue();
            cells.assertThat(tileNames(p.collectionId(), auth)).as(cell + "tile 0/0/0").isEqualTo(expected);
            HttpResponse<String> download = get(http, collection + "/download?format=csv", auth);
            cells.assertThat(download.statusCode()).as(cell + "download").isEqualTo(200);
            List<String> lines = download.body().lines().filter(l -> !l.isBlank()).toList();
            cells.assertThat(lines.size() - 1).as(cell + "download rows").isEqualTo(expected.size());
            cells.assertThat(lines.get(0).contains("telephone")).as(cell + "download header " + lines.get(0))
                    .isEqualTo(seesTelephone);
            cells.assertThat(download.body().contains("032000000")).as(cell + "download telephone values")
                    .isEqualTo(seesTelephone && !expected.isEmpty());
            JsonNode groups = json(http, "/api/datasets/" + p.datasetId() + "/aggregate?groupBy=code_insee", auth);
            long counted = 0;
            for (JsonNode group : groups.path("groups")) {
                counted += group.path("rows").asLong();
            }
            cells.assertThat(groups.path("rows").asLong(-1)).as(cell + "aggregate rows " + groups)
                    .isEqualTo(expected.size());
            cells.assertThat(counted).as(cell + "aggregate " + groups).isEqualTo(expected.size());
            HttpResponse<String> byTelephone = get(http, "/api/datasets/" + p.datasetId()
                    + "/aggregate?groupBy=telephone", auth);
            cells.assertThat(byTelephone.statusCode()).as(cell + "aggregate by the hidden column")
                    .isEqualTo(seesTelephone ? 200 : 400);
            // the quality report: no hidden column, and no sample of rows the reader may not read
            HttpResponse<String> report = get(http, "/api/datasets/" + p.datasetId() + "/report", auth);
            cells.assertThat(report.statusCode()).as(cell + "report").isEqualTo(200);
            cells.assertThat(report.body().contains("telephone")).as(cell + "report telephone")
                    .isEqualTo(seesTelephone);
            cells.assertThat(report.body().contains("\"C1\"")).as(cell + "report samples of C's row")
                    .isEqualTo(who == Who.PLATFORM_ADMIN);
            // nor any figure taken over rows the reader may not read: their own row count, no other counter
            JsonNode figures = http.json(report).path("report");
            boolean everyRow = who == Who.PLATFORM_ADMIN;
            cells.assertThat(figures.path("rows").asLong(-1)).as(cell + "report rows").isEqualTo(expected.size());
            for (String counter : List.of("duplicateRows", "typeConflicts", "geometries", "missingGeometries",
                    "invalidGeometries", "repairedGeometries")) {
                cells.assertThat(figures.path(counter).isNumber()).as(cell + "report " + counter).isEqualTo(everyRow);
            }
            cells.assertThat(figures.path("geometries").asLong(-1)).as(cell + "report geometries")
                    .isEqualTo(everyRow ? 6 : -1);
            for (JsonNode column : figures.path("columns")) {
                cells.assertThat(column.path("nulls").isNumber() || column.path("distinct").isNumber())
                        .as(cell + "report " + column.path("name").asString() + " nulls and distinct")
                        .isEqualTo(everyRow);
            }
            HttpResponse<String> qualityTab = get(http, "/catalogue/" + p.recordId() + "/qualite", auth);
            cells.assertThat(qualityTab.statusCode()).as(cell + "quality tab").isEqualTo(200);
            cells.assertThat(qualityTab.body().contains("6 lignes")).as(cell + "quality tab total")
                    .isEqualTo(everyRow);
            cells.assertThat(qualityTab.body().contains("Lignes en double")).as(cell + "quality tab duplicates")
                    .isEqualTo(everyRow);
            cells.assertThat(qualityTab.body().contains("6 présentes")).as(cell + "quality tab geometries")
                    .isEqualTo(everyRow);
            // what describes the data to every reader names no hidden column and counts no row they may not see
            HttpResponse<String> described = get(http, "/api/records/" + p.recordId(), auth);
            cells.assertThat(described.statusCode()).as(cell + "record").isEqualTo(200);
            cells.assertThat(described.body()).as(cell + "record structure").contains("Structure des données")
                    .doesNotContain("telephone").doesNotContain("6 lignes");
            // nor draws them: the rows' extent is not the record's under a row rule
            cells.assertThat(http.json(described).path("geometry").isObject()).as(cell + "record extent").isFalse();
            JsonNode dataset = json(http, "/api/datasets/" + p.datasetId(), auth);
            cells.assertThat(dataset.path("versions").get(0).path("rows").asLong(-1)).as(cell + "version rows")
                    .isEqualTo(expected.size());
            cells.assertThat(json(http, collection, auth).has("extent")).as(cell + "collection extent")
                    .isEqualTo(who == Who.PLATFORM_ADMIN);
            HttpResponse<String> table = get(http, "/catalogue/" + p.recordId() + "/tableau", auth);
            cells.assertThat(table.statusCode()).as(cell + "table tab").isEqualTo(200);
            cells.assertThat(table.body().contains("032000000")).as(cell + "table tab telephone")
                    .isEqualTo(seesTelephone && !expected.isEmpty());
        }
    }

    /** The {@code nom} of the features in tile 0/0/0 (decoded), as {@code auth} gets it. */
    private Set<String> tileNames(String collectionId, String auth) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/ogcapi/collections/" + collectionId + "/tiles/WebMercatorQuad/0/0/0"));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        HttpResponse<byte[]> tile = java.net.http.HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (tile.statusCode() == 204) {
            return Set.of();
        }
        assertThat(tile.statusCode()).isEqualTo(200);
        io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt mvt =
                io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader.loadMvt(
                        new java.io.ByteArrayInputStream(tile.body()), new org.locationtech.jts.geom.GeometryFactory(),
                        new io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter());
        Set<String> names = new HashSet<>();
        for (var layer : mvt.getLayers()) {
            for (var geometry : layer.getGeometries()) {
                Object name = ((Map<?, ?>) geometry.getUserData()).get("nom");
                names.add(String.valueOf(name));
            }
        }
        return names;
    }

    private void check(SoftAssertions cells, HttpTestClient http, String how, Map<Who, String> credentials,
                       Map<Kind, Published> records, String token) {
        for (Who who : Who.values()) {
            String auth = credentials.get(who);
            Set<Kind> seen = SEES.get(who);
            Set<String> visibleIds = new HashSet<>();
            seen.forEach(k -> visibleIds.add(records.get(k).recordId()));
            for (Kind kind : Kind.values()) {
                Published p = records.get(kind);
                boolean sees = seen.contains(kind);
                String cell = how + " " + who + " × " + kind + " : ";
                for (String path : itemSurfaces(p)) {
                    HttpResponse<String> response = get(http, path, auth);
                    int status = response.statusCode();
                    if (sees) {
                        // a visible dataset without a TableSchema says so (400); hidden ones are 404 before that
                        cells.assertThat(status).as(cell + path + " " + shorten(response.body()))
                                .isIn(path.endsWith("/schema") ? List.of(400) : List.of(200, 204));
                    } else {
                        cells.assertThat(status).as(cell + path + " (caché : 404, jamais 403)").isEqualTo(404);
                    }
                    if (sees) {
                        String vary = String.join(",", response.headers().allValues("Vary"));
                        cells.assertThat(vary).as(cell + path + " Vary").containsIgnoringCase("Authorization")
                                .containsIgnoringCase("Cookie");
                        if (kind != Kind.PUBLIC) {
                            cells.assertThat(response.headers().firstValue("Cache-Control").orElse(""))
                                    .as(cell + path + " Cache-Control").containsAnyOf("private", "no-store")
                                    .doesNotContain("public");
                        }
                    }
                }
                // writing: editors of the owner and administrators; seen but not editable: 401/403; hidden: 404
                HttpResponse<String> current = http.get("/api/records/" + p.recordId(), HttpTestClient.ADMIN);
                String version = current.headers().firstValue("ETag").orElseThrow();
                HttpResponse<String> put = http.send("PUT", "/api/records/" + p.recordId(), "application/json",
                        current.body().getBytes(StandardCharsets.UTF_8), auth, "If-Match", version);
                int expectedWrite = EDITS.get(who).contains(kind) ? 200 : !sees ? 404
                        : who == Who.ANONYMOUS ? 401 : 403;
                cells.assertThat(put.statusCode()).as(cell + "PUT /api/records " + shorten(put.body()))
                        .isEqualTo(expectedWrite);
                if (sees) {
                    JsonNode items = json(http, "/ogcapi/collections/" + p.collectionId() + "/items", auth);
                    cells.assertThat(items.path("numberMatched").asLong(-1)).as(cell + "numberMatched").isEqualTo(ROWS);
                }
            }
            String cell = how + " " + who + " : ";
            // lists, totals, facets, suggestions
            JsonNode list = json(http, "/api/records?size=100&q=" + token, auth);
            cells.assertThat(list.path("total").asLong()).as(cell + "/api/records total").isEqualTo(seen.size());
            cells.assertThat(ids(list.path("items"), n -> n.path("id").asString())).as(cell + "/api/records")
                    .isEqualTo(visibleIds);
            JsonNode search = json(http, "/api/search?size=50&q=" + token, auth);
            cells.assertThat(search.path("total").asLong()).as(cell + "/api/search total").isEqualTo(seen.size());
            cells.assertThat(ids(search.path("results"), n -> n.path("id").asString())).as(cell + "/api/search")
                    .isEqualTo(visibleIds);
            long kindCounts = 0;
            for (JsonNode value : search.path("facets").path("kind")) {
                kindCounts += value.path("count").asLong();
            }
            cells.assertThat(kindCounts).as(cell + "facet counts (kind)").isEqualTo(seen.size());
            JsonNode suggestions = json(http, "/api/search/suggest?q=" + token, auth);
            Set<String> suggested = new HashSet<>();
            for (JsonNode s : suggestions) {
                if (s.hasNonNull("recordId")) {
                    suggested.add(s.get("recordId").asString());
                }
            }
            cells.assertThat(suggested).as(cell + "suggestions").isEqualTo(visibleIds);
            JsonNode ogcRecords = json(http, "/ogcapi/collections/catalog/items?q=" + token, auth);
            cells.assertThat(ogcRecords.path("numberMatched").asLong(-1)).as(cell + "OGC API Records numberMatched")
                    .isEqualTo(seen.size());
            JsonNode collections = json(http, "/ogcapi/collections", auth);
            Set<String> listed = ids(collections.path("collections"), n -> n.path("id").asString());
            for (Kind kind : Kind.values()) {
                cells.assertThat(listed.contains(records.get(kind).collectionId()))
                        .as(cell + "/ogcapi/collections lists " + kind).isEqualTo(seen.contains(kind));
            }
            // the producers' quality dashboard counts only what the viewer may read: these records more than before
            cells.assertThat(scored(http, auth) - qualityBefore.get(who)).as(cell + "/api/quality/organisations records")
                    .isEqualTo(seen.size());
            HttpResponse<String> dcat = get(http, "/dcat", auth);
            cells.assertThat(dcat.statusCode()).as(cell + "/dcat").isEqualTo(200);
            for (Kind kind : Kind.values()) {
                cells.assertThat(dcat.body().contains(records.get(kind).recordId()))
                        .as(cell + "/dcat (public only) " + kind).isEqualTo(kind == Kind.PUBLIC);
            }
        }
    }

    /** The records the producers' quality dashboard counts for {@code auth}. */
    private static long scored(HttpTestClient http, String auth) {
        long scored = 0;
        for (JsonNode organisation : json(http, "/api/quality/organisations", auth)) {
            scored += organisation.path("records").asLong();
        }
        return scored;
    }

    /** Every per-record surface, seen (200/204) or hidden (404) as the record is. */
    private static List<String> itemSurfaces(Published p) {
        String collection = "/ogcapi/collections/" + p.collectionId();
        String filter = URLEncoder.encode("valeur > 1", StandardCharsets.UTF_8);
        return List.of(
                "/api/records/" + p.recordId(),
                "/api/records/" + p.recordId() + "/quality",
                "/catalogue/" + p.recordId(),
                "/catalogue/" + p.recordId() + "/tableau",
                "/ogcapi/collections/catalog/items/" + p.recordId(),
                collection,
                collection + "/items",
                collection + "/items/" + p.featureId(),
                collection + "/queryables",
                collection + "/items?filter-lang=cql2-text&filter=" + filter,
                collection + "/items?f=csv",
                collection + "/tiles/WebMercatorQuad/0/0/0",
                collection + "/download?format=csv",
                collection + "/download?format=geojson",
                "/api/datasets/" + p.datasetId(),
                "/api/datasets/" + p.datasetId() + "/schema",
                "/api/datasets/" + p.datasetId() + "/aggregate?groupBy=nom");
    }

    private long account(String name, Map<Who, String> credentials, Who who) {
        String password = "mot-de-passe-" + name;
        long id = TestAccounts.ensure(people, encoder, name, password, false);
        credentials.put(who, HttpTestClient.basic(name, password));
        return id;
    }

    private String bearer(HttpTestClient http, String basic) {
        HttpResponse<String> created = http.sendJson("POST", "/api/tokens", "{\"name\":\"matrice\"}", basic);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return "Bearer " + http.json(created).get("token").asString();
    }

    /** Imports a small point CSV as organisation {@code owner}'s, then gives its record {@code visibility}. */
    private Published publish(String title, String owner, Visibility visibility) throws InterruptedException {
        return publish(title, owner, visibility,
                "nom;valeur;latitude;longitude\nA;1;50,6292;3,0573\nB;2;50,6300;3,0600\nC;3;50,6400;3,0700\n");
    }

    /** Imports {@code csv} (points) as organisation {@code owner}'s, then gives its record {@code visibility}. */
    private Published publish(String title, String owner, Visibility visibility, String csv)
            throws InterruptedException {
        return publish(title, owner, visibility, csv, null);
    }

    /** {@link #publish(String, String, Visibility, String)} as a new version of dataset {@code into} when not null. */
    private Published publish(String title, String owner, Visibility visibility, String csv, String into)
            throws InterruptedException {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "points.csv";
            }
        });
        if (into == null) {
            parts.add("options", "{\"title\":\"" + title + "\",\"organisation\":\"" + owner + "\"}");
        } else {
            parts.add("dataset", into);
        }
        HttpTestClient http = new HttpTestClient(port);
        String accepted = RestClient.create("http://127.0.0.1:" + port).post().uri("/api/ingest")
                .header("Authorization", HttpTestClient.ADMIN).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(String.class);
        String jobId = JsonMapper.builder().build().readTree(accepted).get("jobId").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode job;
        while (true) {
            job = http.json(http.get("/api/ingest/jobs/" + jobId, HttpTestClient.ADMIN));
            String status = job.get("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                assertThat(status).as(job.toString()).isEqualTo("succeeded");
                break;
            }
            assertThat(System.nanoTime()).as("import still %s: %s", status, job).isLessThan(deadline);
            Thread.sleep(50);
        }
        String datasetId = job.get("datasetId").asString();
        String collectionId = job.get("collectionId").asString();
        String recordId = policy.asPlatform(() -> datasets.find(datasetId)).orElseThrow().recordId();
        StoredRecord stored = policy.asPlatform(() -> catalog.find(recordId)).orElseThrow();
        assertThat(stored.ownerOrganisation()).as("owner of " + title).isEqualTo(owner);
        if (visibility != Visibility.PUBLIC) {
            policy.asPlatform(() -> catalog.update(stored.record(), stored.version(), visibility));
        }
        JsonNode items = http.json(http.get("/ogcapi/collections/" + collectionId + "/items", HttpTestClient.ADMIN));
        String featureId = items.path("features").get(0).path("id").asString();
        return new Published(recordId, datasetId, collectionId, featureId);
    }

    /** Waits until the search index holds the {@code count} records (it follows the catalog after each commit). */
    private static void awaitIndexed(HttpTestClient http, String token, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (json(http, "/api/search?q=" + token, HttpTestClient.ADMIN).path("total").asLong() < count) {
            assertThat(System.nanoTime()).as("records indexed").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static HttpResponse<String> get(HttpTestClient http, String path, String authorization) {
        return authorization == null ? http.get(path) : http.get(path, authorization);
    }

    private static JsonNode json(HttpTestClient http, String path, String authorization) {
        HttpResponse<String> response = get(http, path, authorization);
        assertThat(response.statusCode()).as(path + " " + shorten(response.body())).isEqualTo(200);
        return http.json(response);
    }

    private static Set<String> ids(JsonNode array, Function<JsonNode, String> id) {
        Set<String> ids = new HashSet<>();
        array.forEach(n -> ids.add(id.apply(n)));
        return ids;
    }

    private static String shorten(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() <= 200 ? b : b.substring(0, 200) + "…";
    }
}
