package fr.mel.opale.catalog.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.RelatedRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The reader on document shapes (default namespace, 19115-3 service, CSW wrapper, missing identifier) and its
 * refusals. Complete records: {@link IsoReaderIso19139Test}, {@link IsoReaderIso19115Part3Test}; real records:
 * {@link IsoReaderRealFilesTest}; hostile XML: {@link IsoReaderSecurityTest}.
 */
class IsoReaderTest {
    private final IsoReader reader = new IsoReader();

    static byte[] resource(String name) {
        try (InputStream in = IsoReaderTest.class.getResourceAsStream("/iso/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("Ressource de test absente : " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void defaultNamespaceAndNoPrefixes() {
        CatalogRecord record = reader.read(utf8("""
                <MD_Metadata xmlns="http://www.isotc211.org/2005/gmd"
                             xmlns:gco="http://www.isotc211.org/2005/gco">
                  <fileIdentifier><gco:CharacterString>urn:abc:
                    def
                  </gco:CharacterString></fileIdentifier>
                  <identificationInfo><MD_DataIdentification><citation><CI_Citation>
                    <title><gco:CharacterString>Titre</gco:CharacterString></title>
                  </CI_Citation></citation></MD_DataIdentification></identificationInfo>
                </MD_Metadata>"""), null);
        // A line break inside an identifier is an editor's wrapping: it goes, with its indentation.
        assertThat(record.id()).isEqualTo("urn:abc:def");
        assertThat(record.title().text()).isEqualTo("Titre");
        assertThat(record.source().standard()).isEqualTo("ISO 19139");
    }

    @Test
    void aServiceIdentificationMakesAServiceWithOperatesOn() {
        CatalogRecord record = reader.read(utf8("""
                <mdb:MD_Metadata xmlns:mdb="http://standards.iso.org/iso/19115/-3/mdb/1.0"
                    xmlns:mcc="http://standards.iso.org/iso/19115/-3/mcc/1.0"
                    xmlns:gco="http://standards.iso.org/iso/19115/-3/gco/1.0"
                    xmlns:srv="http://standards.iso.org/iso/19115/-3/srv/2.0"
                    xmlns:xlink="http://www.w3.org/1999/xlink">
                  <mdb:metadataIdentifier><mcc:MD_Identifier><mcc:code>
                    <gco:CharacterString>svc</gco:CharacterString></mcc:code></mcc:MD_Identifier>
                  </mdb:metadataIdentifier>
                  <mdb:identificationInfo><srv:SV_ServiceIdentification>
                    <srv:serviceType><gco:ScopedName>view</gco:ScopedName></srv:serviceType>
                    <srv:serviceTypeVersion><gco:CharacterString>1.3.0</gco:CharacterString></srv:serviceTypeVersion>
                    <srv:couplingType><srv:SV_CouplingType codeListValue="tight"/></srv:couplingType>
                    <srv:operatesOn uuidref="data-1" xlink:href="https://example.org/records/data-1"/>
                  </srv:SV_ServiceIdentification></mdb:identificationInfo>
                </mdb:MD_Metadata>"""), null);
        assertThat(record.kind()).isEqualTo(RecordKind.SERVICE);
        assertThat(record.service().serviceType()).isEqualTo("view");
        assertThat(record.service().serviceTypeVersions()).containsExactly("1.3.0");
        assertThat(record.service().couplingType()).isEqualTo("tight");
        assertThat(record.relatedRecords()).containsExactly(new RelatedRecord("data-1",
                "https://example.org/records/data-1", null, RelatedRecord.OPERATES_ON));
        assertThat(record.source().standard()).isEqualTo("ISO 19115-3");
    }

    @Test
    void aCswResponseHoldingOneRecord() {
        String inner = new String(resource("minimal-19139.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<\\?xml[^>]*\\?>", "");
        CatalogRecord record = reader.read(utf8("<csw:GetRecordByIdResponse "
                + "xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\">" + inner + "</csw:GetRecordByIdResponse>"),
                null);
        assertThat(record.id()).isEqualTo("opale-test-19139");
    }

    @Test
    void aWrapperHoldingSeveralRecordsIsRefused() {
        String inner = new String(resource("minimal-19139.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<\\?xml[^>]*\\?>", "");
        InvalidMetadata refused = catchThrowableOfType(InvalidMetadata.class,
                () -> reader.read(utf8("<results>" + inner + inner + "</results>"), "lot.xml"));
        assertThat(refused.reason()).isEqualTo(InvalidMetadata.Reason.NOT_ISO);
        assertThat(refused.getMessage()).contains("contient 2 fiches");
    }

    @Test
    void aRecordWithoutIdentifierButWithATitleGetsAStableDerivedId() {
        byte[] xml = utf8("""
                <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"
                                 xmlns:gco="http://www.isotc211.org/2005/gco">
                  <gmd:fileIdentifier><gco:CharacterString/></gmd:fileIdentifier>
                  <gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>
                    <gmd:title><gco:CharacterString>Servitudes   A9</gco:CharacterString></gmd:title>
                  </gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>
                </gmd:MD_Metadata>""");
        String id = reader.read(xml, null).id();
        assertThat(id).startsWith(RecordMapping.DERIVED_ID_PREFIX)
                .hasSize(RecordMapping.DERIVED_ID_PREFIX.length() + 16);
        assertThat(reader.read(xml, "autre-nom.xml").id()).isEqualTo(id);
    }

    @Test
    void aRecordWithNeitherIdentifierNorTitleIsRefused() {
        assertThatThrownBy(() -> reader.read(utf8("""
                <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd"
                                 xmlns:gco="http://www.isotc211.org/2005/gco">
                  <gmd:fileIdentifier gco:nilReason="missing"><gco:CharacterString/></gmd:fileIdentifier>
                </gmd:MD_Metadata>"""), "vide.xml"))
                .isInstanceOfSatisfying(InvalidMetadata.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidMetadata.Reason.NO_IDENTIFIER);
                    assertThat(e.getMessage()).contains("sans identifiant");
                    assertThat(e.fileName()).isEqualTo("vide.xml");
                    assertThat(e.messageWithFileName()).startsWith("vide.xml : ");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal-19139.xml", "minimal-19115-3.xml"})
    void removingAnyOneElementOrEmptyingEveryTextNeverBreaksTheReader(String fixture) throws Exception {
        byte[] xml = resource(fixture);
        int elements = SecureXml.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
                .getElementsByTagNameNS("*", "*").getLength();
        for (int i = 1; i < elements; i++) {
            Document document = SecureXml.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            Node removed = document.getElementsByTagNameNS("*", "*").item(i);
            removed.getParentNode().removeChild(removed);
            assertReadsOrRefusesCleanly(serialise(document));
        }
        Document blank = SecureXml.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList all = blank.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            for (Node child = all.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE) {
                    child.setTextContent(" ");
                }
            }
        }
        assertReadsOrRefusesCleanly(serialise(blank));
    }

    private void assertReadsOrRefusesCleanly(byte[] xml) {
        try {
            assertThat(reader.read(xml, null).id()).isNotBlank();
        } catch (InvalidMetadata refused) {
            assertThat(refused.reason()).isEqualTo(InvalidMetadata.Reason.NO_IDENTIFIER);
        }
    }

    private static byte[] serialise(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newDefaultInstance().newTransformer()
                .transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    @Test
    void theReaderIsReusableAcrossThreads() {
        byte[] first = resource("minimal-19139.xml");
        byte[] second = resource("minimal-19115-3.xml");
        List<String> ids = IntStream.range(0, 40).parallel()
                .mapToObj(i -> reader.read(i % 2 == 0 ? first : second, null).id()).toList();
        assertThat(ids).hasSize(40).containsOnly("opale-test-19139", "opale-test-19115-3");
    }

    @Test
    void emptyOrBlankDocuments() {
        byte[] bomOnly = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (byte[] empty : List.of(new byte[0], utf8("  \n\t "), bomOnly)) {
            InvalidMetadata refused =
                    catchThrowableOfType(InvalidMetadata.class, () -> reader.read(empty, "vide.xml"));
            assertThat(refused.reason()).isEqualTo(InvalidMetadata.Reason.EMPTY);
            assertThat(refused.getMessage()).isEqualTo("Le document est vide");
        }
    }

    @Test
    void tooLargeDocumentsAreRefusedBeforeParsing() {
        byte[] huge = new byte[IsoReader.MAX_BYTES + 1];
        InvalidMetadata refused = catchThrowableOfType(InvalidMetadata.class, () -> reader.read(huge, null));
        assertThat(refused.reason()).isEqualTo(InvalidMetadata.Reason.TOO_LARGE);
        assertThat(refused.getMessage()).contains("20 Mo");
    }

    @Test
    void malformedXmlNamesTheLine() {
        InvalidMetadata refused = catchThrowableOfType(InvalidMetadata.class, () -> reader.read(utf8("""
                <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd">
                  <gmd:fileIdentifier>
                </gmd:MD_Metadata>"""), "a/b.xml"));
        assertThat(refused.reason()).isEqualTo(InvalidMetadata.Reason.MALFORMED);
        assertThat(refused.getMessage()).startsWith("XML mal formé ligne 3, colonne");
        assertThat(refused.fileName()).isEqualTo("a/b.xml");
    }

    @Test
    void notAnIsoRecordNamesTheRootElement() {
        InvalidMetadata html = catchThrowableOfType(InvalidMetadata.class,
                () -> reader.read(utf8("<html><body><p>Bonjour</p></body></html>"), null));
        assertThat(html.reason()).isEqualTo(InvalidMetadata.Reason.NOT_ISO);
        assertThat(html.getMessage())
                .isEqualTo("Ce document n'est pas une fiche ISO 19139 ni ISO 19115-3 (élément racine « html »)");

        InvalidMetadata atom = catchThrowableOfType(InvalidMetadata.class, () -> reader.read(utf8("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Flux</title>
                  <entry><title>Un jeu</title><id>urn:x</id></entry></feed>"""), null));
        assertThat(atom.getMessage()).contains("« feed »");
    }

    @Test
    void aStandAloneFeatureCatalogueIsNotARecord() {
        InvalidMetadata refused = catchThrowableOfType(InvalidMetadata.class, () -> reader.read(utf8("""
                <gfc:FC_FeatureCatalogue xmlns:gfc="http://www.isotc211.org/2005/gfc"
                    xmlns:gmx="http://www.isotc211.org/2005/gmx" xmlns:gco="http://www.isotc211.org/2005/gco">
                  <gmx:name><gco:CharacterString>Attributs</gco:CharacterString></gmx:name>
                </gfc:FC_FeatureCatalogue>"""), "catalogue.xml"));
        assertThat(refused.reason()).isEqualTo(InvalidMetadata.Reason.FEATURE_CATALOGUE);
        assertThat(refused.getMessage()).contains("catalogue d'attributs ISO 19110");
    }
}
