package fr.mel.opale.catalog.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile XML: external entities (XXE) must neither be read nor fetched, entity bombs must fail fast. Every DOCTYPE
 * is refused, whatever it declares, with the same French message.
 */
class IsoReaderSecurityTest {
    private static final String DOCTYPE_MESSAGE =
            "Les déclarations DOCTYPE (DTD, entités) sont refusées pour des raisons de sécurité";

    private final IsoReader reader = new IsoReader();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        // A local server standing for an attacker's host: it counts the requests the parser would make.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY % payload \"leak\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
    }

    private static String record(String doctype, String identifier) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n"
                + "<gmd:MD_Metadata xmlns:gmd=\"http://www.isotc211.org/2005/gmd\" "
                + "xmlns:gco=\"http://www.isotc211.org/2005/gco\">"
                + "<gmd:fileIdentifier><gco:CharacterString>" + identifier + "</gco:CharacterString>"
                + "</gmd:fileIdentifier></gmd:MD_Metadata>";
    }

    private void assertRefused(String xml) {
        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8), "hostile.xml"))
                .isInstanceOfSatisfying(InvalidMetadata.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidMetadata.Reason.DOCTYPE);
                    assertThat(e.getMessage()).isEqualTo(DOCTYPE_MESSAGE);
                    assertThat(e.fileName()).isEqualTo("hostile.xml");
                });
    }

    @Test
    void anExternalEntityPointingToALocalFileIsNotRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "mot-de-passe-secret");
        String xml = record("<!DOCTYPE gmd:MD_Metadata [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;");
        assertRefused(xml);
        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8), null))
                .hasMessageNotContaining("mot-de-passe-secret");
    }

    @Test
    void etcPasswdIsNotRead() {
        String xml = record("<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;");
        assertRefused(xml);
        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8), null))
                .hasMessageNotContaining("root:");
    }

    @Test
    void anExternalDtdOrParameterEntityIsNeverFetched() {
        assertRefused(record("<!DOCTYPE foo SYSTEM \"" + serverUrl() + "\">", "x"));
        assertRefused(record("<!DOCTYPE foo [<!ENTITY % remote SYSTEM \"" + serverUrl() + "\"> %remote;]>", "x"));
        assertThat(requests).hasValue(0);
    }

    @Test
    void billionLaughsFailsFast() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = i == 1 ? "lol" : "lol" + (i - 1);
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");
        long start = System.nanoTime();
        assertRefused(record(doctype.toString(), "&lol9;"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aDoctypeAfterCommentsAndAByteOrderMarkIsStillNamed() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = ("<?xml version=\"1.0\"?><!-- un commentaire -->\n<!DOCTYPE html>\n<html/>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] xml = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, xml, 0, bom.length);
        System.arraycopy(body, 0, xml, bom.length, body.length);
        assertThatThrownBy(() -> reader.read(xml, null)).isInstanceOfSatisfying(InvalidMetadata.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidMetadata.Reason.DOCTYPE));
    }

    @Test
    void theFactoryIsHardened() throws Exception {
        var builder = SecureXml.newDocumentBuilder();
        assertThat(builder.isNamespaceAware()).isTrue();
        assertThat(builder.isXIncludeAware()).isFalse();
        // XInclude elements stay plain elements: nothing is included.
        byte[] xml = ("<a xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></a>").getBytes(StandardCharsets.UTF_8);
        var document = builder.parse(new ByteArrayInputStream(xml));
        assertThat(document.getDocumentElement().getTextContent()).isEmpty();
    }
}
