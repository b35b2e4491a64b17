package fr.mel.opale.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.catalog.CatalogTestApplication;
import fr.mel.opale.catalog.dcat.DcatShapes;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /dcat} and {@code /api/records/{id}/dcat} contract over real HTTP and a real database: negotiation,
 * paging, French errors, SHACL validity, and that restricted records never leak. Run on H2 and PostGIS by the
 * subclasses. The database may hold other test classes' records (shared Spring context), so totals are compared
 * with what {@code /api/records} shows an anonymous visitor, never with fixed numbers.
 */
@SpringBootTest(classes = CatalogTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DcatApiContract {
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));
    private static final String PUBLIC_URL = "http://localhost:8080";
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @BeforeEach
    void someRecords() throws Exception {
        create("", """
                {"id":"dcat-velos","kind":"DATASET","title":{"fr":"Stations V'Lille","en":"V'Lille stations"},
                 "description":{"fr":"Les **stations**."},
                 "keywords":[{"label":{"fr":"vélo"}}],
                 "licence":{"text":"Licence Ouverte v2.0"},
                 "updateFrequency":"daily",
                 "spatialExtent":{"bbox":{"west":2.9,"south":50.5,"east":3.2,"north":50.8}},
                 "temporalExtent":{"start":"2020-01-01","end":"2026-12-31"},
                 "dates":{"published":"2020-01-02","revised":"2026-01-02"},
                 "onlineResources":[{"url":"https://data.example.fr/velos.csv","kind":"DOWNLOAD","format":"CSV"},
                                    {"url":"https://data.example.fr/a b/wms","protocol":"OGC:WMS","kind":"SERVICE"}]}""");
        create("", """
                {"id":"dcat-wms","kind":"SERVICE","title":{"fr":"Service WMS"},
                 "onlineResources":[{"url":"https://data.example.fr/wms","protocol":"OGC:WMS","kind":"SERVICE"}],
                 "relatedRecords":[{"identifier":"dcat-velos","association":"operatesOn"}]}""");
        create("", """
                {"id":"dcat-reuse","kind":"REUSE","title":{"fr":"Appli vélo"}}""");
        create("", """
                {"id":"dcat-sans-description","title":{"fr":"Sans description"}}""");
        create("?visibility=RESTRICTED", """
                {"id":"dcat-secret","title":{"fr":"Réseau sensible"},
                 "onlineResources":[{"url":"https://intranet.example.fr/secret.csv","kind":"DOWNLOAD"}]}""");
    }

    @ParameterizedTest
    @CsvSource({"text/turtle, text/turtle", "application/rdf+xml, application/rdf+xml",
            "application/ld+json, application/ld+json", "'text/html,*/*;q=0.8', text/turtle"})
    void negotiatesEachSyntaxAndEachParsesBackAsValidDcatAp(String accept, String expected) throws Exception {
        HttpResponse<byte[]> response = get("/dcat?size=1000", accept, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(expected);
        assertThat(String.join(", ", response.headers().allValues("Vary"))).contains("Accept")
                .contains("Authorization").contains("Cookie");

        Model model = parse(response);
        Resource catalog = model.getResource(PUBLIC_URL + "/dcat/catalogue");
        assertThat(catalog.hasProperty(RDF.type, DCAT.Catalog)).isTrue();
        assertThat(catalog.hasProperty(DCAT.dataset, model.getResource(PUBLIC_URL + "/catalogue/dcat-velos#dataset"))).isTrue();
        assertThat(catalog.hasProperty(DCAT.service, model.getResource(PUBLIC_URL + "/catalogue/dcat-wms#service"))).isTrue();
        assertThat(model.getResource(PUBLIC_URL + "/catalogue/dcat-wms#service")
                .hasProperty(DCAT.servesDataset, model.getResource(PUBLIC_URL + "/catalogue/dcat-velos#dataset"))).isTrue();
        assertThat(identifiers(model)).contains("dcat-velos", "dcat-wms", "dcat-reuse", "dcat-sans-description")
                .doesNotContain("dcat-secret");
        assertThat(DcatShapes.violations(model, false)).isEmpty();
    }

    @Test
    void theFormatParameterWinsOverAccept() throws Exception {
        HttpResponse<byte[]> response = get("/dcat?format=jsonld", "application/rdf+xml", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        assertThat(parse(response).contains(null, RDF.type, DCAT.Catalog)).isTrue();

        HttpResponse<byte[]> rdf = get("/dcat?format=rdf", "image/png", null);
        assertThat(rdf.statusCode()).isEqualTo(200);
        assertThat(rdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/rdf+xml");
    }

    @Test
    void pagesCarryHydraLinksAndExactTotals() throws Exception {
        long publicTotal = json.readTree(new String(get("/api/records?size=1", "application/json", null).body(),
                StandardCharsets.UTF_8)).path("total").asLong();
        int lastPage = (int) ((publicTotal + 1) / 2);

        Model first = parse(get("/dcat?page=1&size=2&format=ttl", null, null));
        Resource page1 = first.getResource(PUBLIC_URL + "/dcat?page=1&size=2&format=ttl");
        assertThat(literal(page1, "totalItems")).isEqualTo(String.valueOf(publicTotal));
        assertThat(literal(page1, "itemsPerPage")).isEqualTo("2");
        assertThat(literal(page1, "firstPage")).isEqualTo(PUBLIC_URL + "/dcat?page=1&size=2&format=ttl");
        assertThat(literal(page1, "lastPage")).isEqualTo(PUBLIC_URL + "/dcat?page=" + lastPage + "&size=2&format=ttl");
        assertThat(literal(page1, "nextPage")).isEqualTo(PUBLIC_URL + "/dcat?page=2&size=2&format=ttl");
        assertThat(literal(page1, "previousPage")).isNull();
        assertThat(first.getResource(PUBLIC_URL + "/dcat/catalogue").hasProperty(DCTerms.modified)).isTrue();

        Model last = parse(get("/dcat?page=" + lastPage + "&size=2", "text/turtle", null));
        Resource pageN = last.getResource(PUBLIC_URL + "/dcat?page=" + lastPage + "&size=2");
        assertThat(literal(pageN, "nextPage")).isNull();
        assertThat(literal(pageN, "previousPage")).isEqualTo(PUBLIC_URL + "/dcat?page=" + (lastPage - 1) + "&size=2");

        List<String> all = new ArrayList<>();
        for (int page = 1; page <= lastPage; page++) {
            Set<String> ids = identifiers(parse(get("/dcat?size=2&page=" + page, null, null)));
            assertThat(ids.size()).isBetween(1, 2);
            all.addAll(ids);
        }
        assertThat(all).hasSize((int) publicTotal).doesNotHaveDuplicates().doesNotContain("dcat-secret");
    }

    @Test
    void restrictedRecordsNeverAppearEvenForAnAdministrator() throws Exception {
        for (String format : List.of("ttl", "rdf", "jsonld")) {
            HttpResponse<byte[]> asAdmin = get("/dcat?size=1000&format=" + format, null, ADMIN);
            String body = new String(asAdmin.body(), StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("dcat-secret").doesNotContain("Réseau sensible")
                    .doesNotContain("intranet.example.fr");
        }
        assertThat(get("/api/records/dcat-secret/dcat", null, null).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> forAdmin = get("/api/records/dcat-secret/dcat", "application/ld+json", ADMIN);
        assertThat(forAdmin.statusCode()).isEqualTo(200);
        assertThat(identifiers(parse(forAdmin))).containsExactly("dcat-secret");
    }

    @Test
    void oneRecordInDcat() throws Exception {
        HttpResponse<byte[]> response = get("/api/records/dcat-velos/dcat", "application/rdf+xml", null);
        assertThat(response.statusCode()).isEqualTo(200);
        Model model = parse(response);
        Resource dataset = model.getResource(PUBLIC_URL + "/catalogue/dcat-velos#dataset");
        assertThat(dataset.hasProperty(RDF.type, DCAT.Dataset)).isTrue();
        assertThat(model.contains(null, RDF.type, DCAT.Catalog)).isFalse();
        assertThat(model.listObjectsOfProperty(DCAT.accessURL).mapWith(n -> n.asResource().getURI()).toList())
                .contains("https://data.example.fr/a%20b/wms");
        assertThat(DcatShapes.violations(model, false)).isEmpty();
        assertThat(get("/api/records/inconnue/dcat", null, null).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({"page=0, numéro de page", "page=abc, numéro de page", "size=0, taille de page",
            "size=1001, taille de page", "format=xml, format", "page=1&size=-5, taille de page"})
    void badParametersAreFrenchProblems(String query, String mentions) throws Exception {
        HttpResponse<byte[]> response = get("/dcat?" + query, null, null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(new String(response.body(), StandardCharsets.UTF_8));
        assertThat(problem.path("detail").asString()).containsIgnoringCase(mentions);
    }

    @Test
    void unacceptableSyntaxIs406() throws Exception {
        HttpResponse<byte[]> response = get("/dcat", "image/png", null);
        assertThat(response.statusCode()).isEqualTo(406);
        HttpResponse<byte[]> single = get("/api/records/dcat-velos/dcat", "text/csv", null);
        assertThat(single.statusCode()).isEqualTo(406);
        assertThat(get("/dcat", "text/turtle;;q=x/", null).statusCode()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- helpers

    private void create(String query, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/records" + query))
                .header("Content-Type", "application/json").header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).as(body).isIn(201, 409);
    }

    private HttpResponse<byte[]> get(String path, String accept, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Model parse(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        Lang lang = RDFLanguages.contentTypeToLang(contentType.replaceAll(";.*$", "").strip());
        Model model = ModelFactory.createDefaultModel();
        RDFDataMgr.read(model, new ByteArrayInputStream(response.body()), PUBLIC_URL, lang);
        return model;
    }

    private static Set<String> identifiers(Model model) {
        return model.listObjectsOfProperty(DCTerms.identifier).mapWith(n -> n.asLiteral().getString()).toSet()
                .stream().collect(Collectors.toSet());
    }

    private static String literal(Resource subject, String hydraTerm) {
        var statement = subject.getProperty(subject.getModel().createProperty("http://www.w3.org/ns/hydra/core#", hydraTerm));
        return statement == null ? null : statement.getLiteral().getLexicalForm();
    }
}
