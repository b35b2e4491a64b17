package fr.mel.opale.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.catalog.CatalogTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

/**
 * The {@code /api/records/{id}/iso19139} contract over a real HTTP server and database; run on H2 and on PostGIS by
 * the two subclasses. Schema validity itself is the writer's tests' business; here: the answer, its headers, and
 * that the access policy applies.
 */
@SpringBootTest(classes = CatalogTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IsoExportApiContract {
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));
    private static final String GMD = "http://www.isotc211.org/2005/gmd";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void servesARecordAsIso19139() throws Exception {
        HttpResponse<String> created = send("POST", "/api/records", """
                {"id":"iso-arbres","title":{"fr":"Arbres d'alignement","en":"Street trees"},
                 "keywords":[{"label":{"fr":"arbre"}}],
                 "spatialExtent":{"bbox":{"west":2.9,"south":50.5,"east":3.2,"north":50.8}}}""", ADMIN, null);
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<byte[]> response = http.send(get("/api/records/iso-arbres/iso19139", null, "application/xml"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"iso-arbres.xml\"");
        Document document = parse(response.body());
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(GMD);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("MD_Metadata");
        assertThat(document.getElementsByTagNameNS(GMD, "fileIdentifier").item(0).getTextContent().strip())
                .isEqualTo("iso-arbres");
        assertThat(document.getElementsByTagNameNS(GMD, "LocalisedCharacterString").item(0).getTextContent())
                .isEqualTo("Street trees");

        HttpResponse<byte[]> anyAccept = http.send(get("/api/records/iso-arbres/iso19139", null, null),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anyAccept.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRecordIsAFrenchProblem() throws Exception {
        HttpResponse<String> missing = http.send(get("/api/records/inconnue/iso19139", null, null),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(missing.body()).contains("Aucune fiche");
    }

    @Test
    void restrictedRecordIsHiddenFromAnonymousVisitors() throws Exception {
        send("POST", "/api/records?visibility=RESTRICTED", "{\"id\":\"iso-secret\",\"title\":{\"fr\":\"Réseau sensible\"}}",
                ADMIN, null);
        assertThat(http.send(get("/api/records/iso-secret/iso19139", null, "application/xml"),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> admin = http.send(get("/api/records/iso-secret/iso19139", ADMIN, "application/xml"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(new String(admin.body(), StandardCharsets.UTF_8)).contains("Réseau sensible");
    }

    private HttpRequest get(String path, String authorization, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return request.build();
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    }
}
