package fr.mel.opale.catalog.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.TemporalExtent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ISO 19139 export of hand-built records: schema-valid, and each field where ISO puts it. */
class Iso19139WriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:15:30Z"), ZoneOffset.UTC);
    private final Iso19139Writer writer = new Iso19139Writer(CLOCK);

    @Test
    void fullDatasetIsValidAndCarriesEveryField() {
        byte[] xml = writer.write(SampleRecords.fullDataset());
        Iso19139SchemaValidation.assertValid(xml, "la fiche complète");
        IsoDocument doc = new IsoDocument(xml);

        assertThat(doc.text("/gmd:MD_Metadata/gmd:fileIdentifier/gco:CharacterString")).isEqualTo("mel-arbres-2026");
        assertThat(doc.text("/gmd:MD_Metadata/gmd:language/gmd:LanguageCode/@codeListValue")).isEqualTo("fre");
        assertThat(doc.text("/gmd:MD_Metadata/gmd:parentIdentifier/gco:CharacterString")).isEqualTo("mel-nature");
        assertThat(doc.text("/gmd:MD_Metadata/gmd:hierarchyLevel/gmd:MD_ScopeCode/@codeListValue")).isEqualTo("dataset");
        assertThat(doc.texts("/gmd:MD_Metadata/gmd:contact//gmd:organisationName")).containsExactly("MEL - Service SIG");
        assertThat(doc.text("/gmd:MD_Metadata/gmd:dateStamp/gco:DateTime")).isEqualTo("2026-01-16T09:30:12");
        assertThat(doc.texts("//gmd:PT_Locale/@id")).containsExactly("EN", "NL");
        assertThat(doc.texts("//gmd:PT_Locale/gmd:languageCode/gmd:LanguageCode/@codeListValue"))
                .containsExactly("eng", "dut");
        assertThat(doc.texts("//gmd:referenceSystemInfo//gmd:code/gmx:Anchor/@xlink:href")).containsExactly(
                "http://www.opengis.net/def/crs/EPSG/0/2154", "http://www.opengis.net/def/crs/EPSG/0/4326",
                "http://www.opengis.net/def/crs/EPSG/0/3950");
        assertThat(doc.texts("//gmd:referenceSystemInfo//gmd:code/gco:CharacterString"))
                .containsExactly("Lambert 93 local");

        String citation = "//gmd:MD_DataIdentification/gmd:citation/gmd:CI_Citation";
        assertThat(doc.text(citation + "/gmd:title/gco:CharacterString")).isEqualTo("Arbres d'alignement & <espaces verts>");
        assertThat(doc.text(citation + "/gmd:title/@xsi:type")).isEqualTo("gmd:PT_FreeText_PropertyType");
        assertThat(doc.text(citation + "/gmd:title//gmd:LocalisedCharacterString[@locale='#EN']")).isEqualTo("Street trees");
        assertThat(doc.texts(citation + "/gmd:date/gmd:CI_Date/gmd:dateType/*/@codeListValue"))
                .containsExactly("creation", "publication", "revision");
        assertThat(doc.texts(citation + "/gmd:identifier//gmd:code")).hasSize(2);
        assertThat(doc.text("//gmd:abstract/gco:CharacterString")).doesNotContain("\u0007").contains("**arbres**");

        assertThat(doc.count("//gmd:descriptiveKeywords")).as("un bloc par (thésaurus, type)").isEqualTo(5);
        assertThat(doc.texts("//gmd:MD_Keywords[gmd:thesaurusName//gmx:Anchor/@xlink:href='http://inspire.ec.europa.eu/theme']"
                + "/gmd:keyword/gmx:Anchor/@xlink:href"))
                .containsExactly("http://inspire.ec.europa.eu/theme/sd", "http://inspire.ec.europa.eu/theme/hb");
        assertThat(doc.text("//gmd:thesaurusName//gmd:CI_Date/gmd:date/gco:Date")).isEqualTo("2008-06-01");
        assertThat(doc.count("//gmd:thesaurusName/gmd:CI_Citation/gmd:date[@gco:nilReason='unknown']")).isEqualTo(2);

        assertThat(doc.texts("//gmd:topicCategory/gmd:MD_TopicCategoryCode")).containsExactly("environment", "biota");
        assertThat(doc.texts("//gmd:otherConstraints/gmx:Anchor/@xlink:href")).containsExactly(
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
                "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations");
        assertThat(doc.text("//gmd:useConstraints/gmd:MD_RestrictionCode/@codeListValue")).isEqualTo("otherRestrictions");
        assertThat(doc.count("//gmd:EX_GeographicBoundingBox")).as("une emprise par polygone").isEqualTo(2);
        assertThat(doc.texts("//gmd:EX_GeographicDescription//gmd:code/gco:CharacterString"))
                .containsExactly("Métropole Européenne de Lille", "59350");
        assertThat(doc.text("//gml:TimePeriod/gml:beginPosition")).isEqualTo("2019-01-01");
        assertThat(doc.text("//gml:TimePeriod/gml:endPosition/@indeterminatePosition")).isEqualTo("now");
        assertThat(doc.texts("//gmd:denominator/gco:Integer")).containsExactly("5000");
        assertThat(doc.texts("//gmd:MD_DataIdentification/gmd:language/gmd:LanguageCode")).containsExactly("fre", "eng");

        assertThat(doc.texts("//gmd:transferOptions//gmd:linkage/gmd:URL")).containsExactly(
                "https://data.lillemetropole.fr/arbres.csv",
                "https://data.lillemetropole.fr/geoserver/wms?SERVICE=WMS&REQUEST=GetCapabilities",
                "https://data.lillemetropole.fr/docs/arbres%20donn%C3%A9es.pdf",
                "https://www.lillemetropole.fr/arbres");
        assertThat(doc.texts("//gmd:transferOptions//gmd:function/*/@codeListValue"))
                .containsExactly("download", "information", "browsing");
        assertThat(doc.text("//gmd:distributionFormat/gmd:MD_Format[gmd:name/gco:CharacterString='CSV']/gmd:version/@gco:nilReason"))
                .isEqualTo("unknown");
        assertThat(doc.text("//gmd:distributorContact//gmd:organisationName")).isEqualTo("MEL - Diffusion");
        assertThat(doc.text("//gmd:pointOfContact[.//gmd:individualName/gco:CharacterString='Sans rôle']//gmd:role/@gco:nilReason"))
                .isEqualTo("unknown");
        assertThat(doc.text("//gmd:pointOfContact//gmd:onlineResource//gmd:URL")).isEqualTo("https://www.lillemetropole.fr");
        assertThat(doc.text("//gmd:featureCatalogueCitation/@uuidref")).isEqualTo("mel-arbres-fc");
        assertThat(doc.texts("//gmd:aggregationInfo//gmd:associationType/*/@codeListValue"))
                .containsExactly("crossReference", "largerWorkCitation");
        assertThat(doc.text("//gmd:DQ_Scope/gmd:level/*/@codeListValue")).isEqualTo("dataset");
        assertThat(doc.text("//gmd:LI_Lineage/gmd:statement//gmd:LocalisedCharacterString[@locale='#EN']"))
                .isEqualTo("Field surveys.");
    }

    @Test
    void serviceIsAServiceIdentificationWithItsMandatoryElements() {
        byte[] xml = writer.write(SampleRecords.viewService());
        Iso19139SchemaValidation.assertValid(xml, "le service");
        IsoDocument doc = new IsoDocument(xml);
        String service = "//gmd:identificationInfo/srv:SV_ServiceIdentification";
        assertThat(doc.text("//gmd:hierarchyLevel/*/@codeListValue")).isEqualTo("service");
        assertThat(doc.text(service + "/srv:serviceType/gco:LocalName")).isEqualTo("view");
        assertThat(doc.texts(service + "/srv:serviceTypeVersion/gco:CharacterString")).hasSize(2);
        assertThat(doc.text(service + "/srv:couplingType/srv:SV_CouplingType/@codeListValue")).isEqualTo("tight");
        assertThat(doc.text(service + "/srv:containsOperations//srv:operationName/gco:CharacterString"))
                .isEqualTo("GetCapabilities");
        assertThat(doc.text(service + "/srv:containsOperations//srv:connectPoint//gmd:URL"))
                .isEqualTo("https://data.lillemetropole.fr/geoserver/wms");
        assertThat(doc.texts(service + "/srv:operatesOn/@uuidref")).containsExactly("mel-arbres-2026", "mel-parcs");
        assertThat(doc.text(service + "/srv:operatesOn[1]/@xlink:href"))
                .isEqualTo("https://data.lillemetropole.fr/csw?id=mel-arbres-2026");
        assertThat(doc.text(service + "/srv:extent//gml:beginPosition/@indeterminatePosition")).isEqualTo("unknown");
        assertThat(doc.text(service + "/srv:extent//gml:endPosition")).isEqualTo("2025-12-31");
        assertThat(doc.count("//gmd:topicCategory")).as("pas de thème ISO pour un service").isZero();
    }

    @Test
    void serviceWithoutDetailsStillValidates() {
        CatalogRecord bare = SampleRecords.minimal("service-nu", RecordKind.SERVICE);
        byte[] xml = writer.write(bare);
        Iso19139SchemaValidation.assertValid(xml, "le service sans détail");
        IsoDocument doc = new IsoDocument(xml);
        assertThat(doc.text("//srv:serviceType/@gco:nilReason")).isEqualTo("missing");
        assertThat(doc.text("//srv:couplingType/@gco:nilReason")).isEqualTo("missing");
        assertThat(doc.text("//srv:containsOperations/@gco:nilReason")).isEqualTo("missing");
    }

    @ParameterizedTest
    @EnumSource(RecordKind.class)
    void minimalRecordOfEveryKindValidates(RecordKind kind) {
        byte[] xml = writer.write(SampleRecords.minimal("minimal-" + kind, kind));
        Iso19139SchemaValidation.assertValid(xml, "une fiche minimale " + kind);
        IsoDocument doc = new IsoDocument(xml);
        assertThat(doc.text("//gmd:hierarchyLevel/*/@codeListValue")).isEqualTo(kind.isoScope());
        assertThat(doc.text("//gmd:citation/gmd:CI_Citation/gmd:title/@gco:nilReason")).isEqualTo("missing");
        assertThat(doc.text("//gmd:abstract/@gco:nilReason")).isEqualTo("missing");
        assertThat(doc.text("/gmd:MD_Metadata/gmd:contact//gmd:organisationName")).isEqualTo("Opale");
        assertThat(doc.text("/gmd:MD_Metadata/gmd:dateStamp/gco:DateTime")).isEqualTo("2026-11-30T10:15:30");
    }

    @Test
    void metadataContactFallsBackToThePublisher() {
        CatalogRecord record = SampleRecords.minimal("publie", RecordKind.DATASET).toBuilder()
                .publisher(new Organisation("Ville de Roubaix", null, "sig@ville-roubaix.fr")).build();
        IsoDocument doc = new IsoDocument(writer.write(record));
        assertThat(doc.text("/gmd:MD_Metadata/gmd:contact//gmd:organisationName")).isEqualTo("Ville de Roubaix");
        assertThat(doc.text("/gmd:MD_Metadata/gmd:contact//gmd:electronicMailAddress")).isEqualTo("sig@ville-roubaix.fr");
        assertThat(doc.text("/gmd:MD_Metadata/gmd:contact//gmd:role/*/@codeListValue")).isEqualTo("pointOfContact");
    }

    @Test
    void titleOnlyInAnotherLanguageIsATranslationWithoutMainText() {
        CatalogRecord record = SampleRecords.minimal("en-seul", RecordKind.DATASET).toBuilder()
                .title(SampleRecords.text("en", "Only in English")).build();
        byte[] xml = writer.write(record);
        Iso19139SchemaValidation.assertValid(xml, "un titre sans français");
        IsoDocument doc = new IsoDocument(xml);
        assertThat(doc.count("//gmd:citation//gmd:title/gco:CharacterString")).isZero();
        assertThat(doc.text("//gmd:citation//gmd:title//gmd:LocalisedCharacterString[@locale='#EN']"))
                .isEqualTo("Only in English");
    }

    @Test
    void openOrOutOfRangeTemporalExtentsStayValid() {
        for (TemporalExtent period : List.of(new TemporalExtent(null, LocalDate.of(2020, 1, 1)),
                new TemporalExtent(LocalDate.of(2020, 1, 1), null),
                new TemporalExtent(LocalDate.of(-5, 1, 1), LocalDate.of(12000, 1, 1)),
                new TemporalExtent(null, null))) {
            CatalogRecord record = SampleRecords.minimal("periode", RecordKind.DATASET).toBuilder()
                    .temporalExtent(period)
                    .dates(new fr.mel.opale.catalog.model.ResourceDates(LocalDate.of(10000, 1, 1), null, null))
                    .build();
            Iso19139SchemaValidation.assertValid(writer.write(record), "la période " + period);
        }
    }

    @Test
    void urlsAreEncodedOrLeftOut() {
        assertThat(SchemaValues.uri("http://exemple.fr/a b.csv")).isEqualTo("http://exemple.fr/a%20b.csv");
        assertThat(SchemaValues.uri("https://exemple.fr/données?q=été")).isEqualTo("https://exemple.fr/donn%C3%A9es?q=%C3%A9t%C3%A9");
        assertThat(SchemaValues.uri("https://exemple.fr/100%25-ok")).isEqualTo("https://exemple.fr/100%25-ok");
        assertThat(SchemaValues.uri("https://exemple.fr/100%-faux")).isEqualTo("https://exemple.fr/100%25-faux");
        assertThat(SchemaValues.uri("http://[mal formée")).isNull();
        assertThat(SchemaValues.uri("a#b#c")).isNull();
        assertThat(SchemaValues.uri("  ")).isNull();
    }

    @Test
    void epsgCodesAreRecognisedInTheirUsualSpellings() {
        assertThat(IsoCodes.epsgCode("EPSG:2154")).isEqualTo("2154");
        assertThat(IsoCodes.epsgCode("urn:ogc:def:crs:EPSG::2154")).isEqualTo("2154");
        assertThat(IsoCodes.epsgCode("http://www.opengis.net/def/crs/EPSG/0/3857")).isEqualTo("3857");
        assertThat(IsoCodes.epsgCode("RGF93 / Lambert-93 (EPSG:2154)")).isEqualTo("2154");
        assertThat(IsoCodes.epsgCode("2154")).isEqualTo("2154");
        assertThat(IsoCodes.epsgCode("Lambert 93")).isNull();
        assertThat(IsoCodes.epsgCode("WGS 84")).isNull();
    }

    @Test
    void isThreadSafe() throws Exception {
        CatalogRecord record = SampleRecords.fullDataset();
        byte[] expected = writer.write(record);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = pool.invokeAll(java.util.Collections.nCopies(40, () -> writer.write(record)));
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesUtf8AndReportsStreamFailures() {
        String xml = new String(writer.write(SampleRecords.fullDataset()), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("Métropole Européenne");
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disque plein");
            }
        };
        assertThatThrownBy(() -> writer.write(SampleRecords.fullDataset(), broken))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void offlineValidationRefusesRemoteSchemas(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Iso19139SchemaValidation.entryPoint();
        Path remote = dir.resolve("remote.xsd");
        Files.writeString(remote, """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:import namespace="http://www.isotc211.org/2005/gmd"
                             schemaLocation="http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd"/>
                </xs:schema>""");
        assertThatThrownBy(() -> Iso19139SchemaValidation.compile(remote)).hasStackTraceContaining("refus");
    }
}
