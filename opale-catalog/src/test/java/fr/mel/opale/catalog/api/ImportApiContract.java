package fr.mel.opale.catalog.api;

import static fr.mel.opale.testing.HttpTestClient.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogTestApplication;
import fr.mel.opale.testing.SharedTestData;
import fr.mel.opale.testing.HttpTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/records/import} over HTTP: the real shared records in one ZIP, re-import without duplicates, and
 * every kind of bad input answered by a 4xx problem that names the problem, with nothing half-imported.
 */
@SpringBootTest(classes = CatalogTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ImportApiContract {
    private static final String MINIMAL = """
            <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">
              <gmd:fileIdentifier><gco:CharacterString>%s</gco:CharacterString></gmd:fileIdentifier>
              <gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>
                <gmd:title><gco:CharacterString>%s</gco:CharacterString></gmd:title>
              </gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>
            </gmd:MD_Metadata>""";
    /** A record whose resource has a publisher (a contact of role "publisher"). */
    private static final String PUBLISHED = """
            <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">
              <gmd:fileIdentifier><gco:CharacterString>%s</gco:CharacterString></gmd:fileIdentifier>
              <gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>
                <gmd:title><gco:CharacterString>Fiche publiée</gco:CharacterString></gmd:title>
              </gmd:CI_Citation></gmd:citation>
              <gmd:pointOfContact><gmd:CI_ResponsibleParty>
                <gmd:organisationName><gco:CharacterString>%s</gco:CharacterString></gmd:organisationName>
                <gmd:role><gmd:CI_RoleCode codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#CI_RoleCode"
                    codeListValue="publisher"/></gmd:role>
              </gmd:CI_ResponsibleParty></gmd:pointOfContact>
              </gmd:MD_DataIdentification></gmd:identificationInfo>
            </gmd:MD_Metadata>""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    AccessPolicy policy;
    @Autowired
    Catalog catalog;

    HttpTestClient client;

    @BeforeEach
    void emptyCatalog() {
        jdbc.update("DELETE FROM catalog_record");
        client = new HttpTestClient(port);
    }

    @Test
    void importsEverySharedRecordAndReimportUpdatesWithoutDuplicates() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path file : SharedTestData.isoRecords()) {
            files.put(SharedTestData.data().getParent().relativize(file).toString(), Files.readAllBytes(file));
        }
        HttpResponse<String> first = post("/api/records/import", "application/zip", zip(files), ADMIN);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode report = client.json(first);
        int imported = report.path("created").size();
        // Two shared files are the same Geo2France record (same fileIdentifier): one record, the duplicate reported.
        long duplicates = 0;
        for (JsonNode skipped : report.path("skipped")) {
            assertThat(skipped.path("message").asString()).contains("plusieurs fichiers");
            duplicates++;
        }
        assertThat(imported + duplicates).as("every shared file imported: %s", first.body()).isEqualTo(files.size());
        assertThat(duplicates).isLessThanOrEqualTo(1);
        assertThat(report.path("errors")).isEmpty();

        HttpResponse<String> again = post("/api/records/import", "application/zip", zip(files), ADMIN);
        JsonNode second = client.json(again);
        assertThat(second.path("created")).isEmpty();
        assertThat(second.path("updated").size()).isEqualTo(imported);
        assertThat(total()).isEqualTo(imported);

        String someId = report.path("created").get(0).asString();
        assertThat(get("/api/records/" + someId).statusCode()).isEqualTo(200);
    }

    @Test
    void importsOneXmlDocumentAndUpdatesItOnReimport() throws IOException {
        HttpResponse<String> created = post("/api/records/import", "application/xml",
                MINIMAL.formatted("  fiche-xml-1\n ", "Première version").getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(client.json(created).path("created").get(0).asString()).isEqualTo("fiche-xml-1");

        post("/api/records/import", "text/xml; charset=UTF-8",
                MINIMAL.formatted("fiche-xml-1", "Seconde version").getBytes(StandardCharsets.UTF_8), ADMIN);
        JsonNode record = client.json(get("/api/records/fiche-xml-1"));
        assertThat(record.path("title").path("fr").asString()).isEqualTo("Seconde version");
        assertThat(total()).isEqualTo(1);
    }

    /**
     * A new record is owned by the organisation that published it — its name as a town hall writes it ("VILLE DE
     * …", accents and case aside) — and keeps that owner when re-imported under another publisher; a publisher that
     * is no organisation leaves the record to the platform.
     */
    @Test
    void aNewRecordIsOwnedByTheOrganisationThatPublishedIt() throws IOException {
        String run = Long.toString(System.nanoTime(), 36);
        String slug = "temoin-" + run;
        policy.asPlatform(() -> organisations.create(slug, "Témoin-sur-Deûle " + run, null, null));
        String id = "fiche-publiee-" + run;

        HttpResponse<String> imported = post("/api/records/import", "application/xml", PUBLISHED.formatted(id,
                "VILLE DE TEMOIN SUR DEULE " + run.toUpperCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8),
                ADMIN);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(client.json(imported).path("owners").path(id).asString()).isEqualTo(slug);
        assertThat(policy.asPlatform(() -> catalog.find(id)).orElseThrow().ownerOrganisation()).isEqualTo(slug);

        post("/api/records/import", "application/xml", PUBLISHED.formatted(id, "Un autre éditeur")
                .getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(policy.asPlatform(() -> catalog.find(id)).orElseThrow().ownerOrganisation()).isEqualTo(slug);

        String orphan = "fiche-orpheline-" + run;
        HttpResponse<String> unknown = post("/api/records/import", "application/xml", PUBLISHED.formatted(orphan,
                "Bureau d'études sans organisation").getBytes(StandardCharsets.UTF_8), ADMIN);
        assertThat(client.json(unknown).path("owners").has(orphan)).isFalse();
        assertThat(policy.asPlatform(() -> catalog.find(orphan)).orElseThrow().ownerOrganisation()).isNull();
    }

    @Test
    void refusesBadDocumentsWithAProblemNamingIt() throws IOException {
        assertProblem(post("/api/records/import", "application/xml", "<a><b></a>".getBytes(), ADMIN), 400, "ligne");
        assertProblem(post("/api/records/import", "application/xml", new byte[0], ADMIN), 400, "vide");
        assertProblem(post("/api/records/import", "application/xml",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(), ADMIN), 400, "feed");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE gmd:MD_Metadata [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"
                  xmlns:gco="http://www.isotc211.org/2005/gco"><gmd:fileIdentifier>
                  <gco:CharacterString>&xxe;</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>""";
        HttpResponse<String> refused = post("/api/records/import", "application/xml", xxe.getBytes(), ADMIN);
        assertProblem(refused, 400, "DOCTYPE");
        assertThat(refused.body()).doesNotContain("root:");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>";
        assertProblem(post("/api/records/import", "application/xml", laughs.getBytes(), ADMIN), 400, "DOCTYPE");
        assertProblem(post("/api/records/import", "application/json", "{}".getBytes(), ADMIN), 415, "application/xml");
        assertProblem(post("/api/records/import", "application/xml", "<x/>".getBytes(), null), 401, "");
        assertThat(total()).isZero();
        assertThat(get("/api/records").statusCode()).as("server still healthy").isEqualTo(200);
    }

    @Test
    void refusesHostileOrBrokenArchivesWholly() throws IOException {
        byte[] good = MINIMAL.formatted("zip-ok", "Bonne fiche").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> slip = post("/api/records/import", "application/zip",
                zip(Map.of("ok.xml", good, "../../etc/evil.xml", good)), ADMIN);
        assertProblem(slip, 400, "../../etc/evil.xml");

        Map<String, byte[]> mixed = new LinkedHashMap<>();
        mixed.put("ok.xml", good);
        mixed.put("dossier/casse.xml", "<gmd:MD_Metadata".getBytes());
        HttpResponse<String> broken = post("/api/records/import", "application/zip", zip(mixed), ADMIN);
        assertProblem(broken, 400, "rien n'a été importé");
        assertThat(client.json(broken).path("errors").get(0).path("file").asString())
                .isEqualTo("dossier/casse.xml");
        assertThat(total()).as("nothing half-imported").isZero();

        HttpResponse<String> partial = post("/api/records/import?onError=skip", "application/zip", zip(mixed), ADMIN);
        assertThat(partial.statusCode()).isEqualTo(200);
        JsonNode report = client.json(partial);
        assertThat(report.path("created").get(0).asString()).isEqualTo("zip-ok");
        assertThat(report.path("errors").get(0).path("file").asString()).isEqualTo("dossier/casse.xml");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bomb)) {
            out.putNextEntry(new ZipEntry("bombe.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 25; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(100_000);
        assertProblem(post("/api/records/import", "application/zip", bomb.toByteArray(), ADMIN), 413, "bombe.xml");

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= 10_000; i++) {
            many.put("f" + i + ".txt", new byte[0]);
        }
        assertProblem(post("/api/records/import", "application/zip", zip(many), ADMIN), 413, "10000");

        assertProblem(post("/api/records/import", "application/zip", "pas un zip".getBytes(), ADMIN), 400, "ZIP");
        assertThat(get("/api/records").statusCode()).as("server still healthy").isEqualTo(200);
    }

    private void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = client.json(response);
        assertThat(problem.path("detail").asString() + problem.path("errors")).contains(detailPart);
    }

    private long total() {
        return client.json(client.get("/api/records", ADMIN)).path("total").asLong();
    }

    private HttpResponse<String> get(String path) {
        return client.get(path);
    }

    private HttpResponse<String> post(String path, String type, byte[] body, String authorization) {
        return client.send("POST", path, type, body, authorization);
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

}
