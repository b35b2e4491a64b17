package fr.mel.opale.catalog.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.mel.opale.testing.SharedTestData;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.ResourceDates;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The reader on the 32 real records of {@code ../shared/data/iso-metadata} (GeoNetwork dumps, geonetwork-ui fixtures,
 * CNIG records). Every file must read; a few fields are checked against values computed independently with XPath
 * on the same bytes; notable files get hand-written assertions. Skipped when the shared data is absent.
 */
class IsoReaderRealFilesTest {
    private static final IsoReader READER = new IsoReader();
    private static final String MD = "/*[local-name()='MD_Metadata' or local-name()='MI_Metadata']";
    private static final String IDENT = "(" + MD + "/" + e("identificationInfo") + "/*)[1]";
    private static final String CITATION = IDENT + "/" + e("citation") + "/*";

    static Stream<Arguments> records() {
        Path root = SharedTestData.file("iso-metadata");
        return SharedTestData.isoRecords().stream()
                .map(path -> Arguments.of(Named.of(root.relativize(path).toString(), path)));
    }

    /** {@code *[local-name()='name']}: a step matching any prefix and namespace; {@code *} stays itself. */
    private static String e(String name) {
        return "*".equals(name) ? name : "*[local-name()='" + name + "']";
    }

    private static String path(String... names) {
        return Stream.of(names).map(IsoReaderRealFilesTest::e).collect(Collectors.joining("/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyRealRecordReadsAndAgreesWithXPath(Path file) throws Exception {
        byte[] xml = Files.readAllBytes(file);
        CatalogRecord record = READER.read(xml, file.getFileName().toString());
        Independent doc = new Independent(xml);

        String fileIdentifier = doc.text(MD + "/" + path("fileIdentifier", "*"));
        String expectedId = !fileIdentifier.isEmpty() ? fileIdentifier
                : doc.text(MD + "/" + path("metadataIdentifier", "*", "code", "*"));
        if (expectedId.isEmpty()) {
            assertThat(record.id()).startsWith(RecordMapping.DERIVED_ID_PREFIX);
        } else {
            assertThat(record.id()).isEqualTo(expectedId);
        }

        String title = doc.normalized("(" + CITATION + "/" + e("title")
                + "/*[local-name()='CharacterString' or local-name()='Anchor'])[1]");
        if (title.isEmpty()) {
            assertThat(record.title().isEmpty()).isTrue();
        } else {
            assertThat(record.title().text()).isEqualTo(title);
        }

        assertThat(record.keywords()).hasSize(doc.count(IDENT + "/" + path("descriptiveKeywords", "*", "keyword")
                + "[normalize-space(.)!='' or */@*[local-name()='href']]"));

        assertThat(record.spatialExtent().bbox()).satisfies(bbox -> assertSameBox(bbox, doc.unionOfValidBoxes()));

        List<String> linkages = doc.texts(MD + "/" + e("distributionInfo") + "//" + e("onLine") + "/"
                + e("CI_OnlineResource") + "/" + e("linkage") + "/*[1]");
        assertThat(record.onlineResources()).extracting(OnlineResource::url)
                .containsExactlyElementsOf(linkages.stream().filter(s -> !s.isEmpty()).toList());

        Set<String> emails = record.contacts().stream().map(Contact::email).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (Node party : doc.nodes(MD + "/" + path("contact", "*") + " | " + IDENT + "/" + path("pointOfContact", "*")
                + " | " + MD + "/" + path("distributionInfo", "*", "distributor", "*", "distributorContact", "*"))) {
            List<String> partyEmails = doc.texts(party, ".//" + e("electronicMailAddress") + "/*");
            partyEmails.removeIf(String::isEmpty);
            if (!partyEmails.isEmpty()) {
                assertThat(emails).as("adresses d'un contact").containsAnyElementsOf(partyEmails);
            }
        }

        ResourceDates dates = doc.citationDates();
        assertThat(record.dates().created()).isEqualTo(dates.created() != null ? dates.created()
                : record.dates().created());
        assertThat(record.dates().published()).isEqualTo(dates.published() != null ? dates.published()
                : record.dates().published());
        assertThat(record.dates().revised()).isEqualTo(dates.revised() != null ? dates.revised()
                : record.dates().revised());
        LocalDate stamp = Independent.isoDate(doc.text(MD + "/" + path("dateStamp", "*")));
        if (stamp != null) {
            assertThat(record.metadataDate().toLocalDate()).isEqualTo(stamp);
        }

        boolean service = doc.count(MD + "/" + path("identificationInfo", "SV_ServiceIdentification")) > 0;
        assertThat(record.kind() == RecordKind.SERVICE).isEqualTo(service);
        assertThat(record.service() != null).isEqualTo(service);
        assertThat(record.source().standard())
                .isEqualTo(doc.text("namespace-uri(" + MD + ")").contains("isotc211.org/2005") ? "ISO 19139"
                        : "ISO 19115-3");
        assertThat(record.language()).matches("[a-z]{2,3}");
        assertThat(record.source().fileName()).isEqualTo(file.getFileName().toString());
    }

    private static void assertSameBox(BoundingBox actual, double[] expected) {
        if (expected == null) {
            assertThat(actual).isNull();
            return;
        }
        assertThat(actual).isNotNull();
        assertThat(actual.west()).isCloseTo(expected[0], within(1e-9));
        assertThat(actual.south()).isCloseTo(expected[1], within(1e-9));
        assertThat(actual.east()).isCloseTo(expected[2], within(1e-9));
        assertThat(actual.north()).isCloseTo(expected[3], within(1e-9));
    }

    private static CatalogRecord read(String relative) throws IOException {
        Path file = SharedTestData.file("iso-metadata/" + relative);
        return READER.read(Files.readAllBytes(file), file.getFileName().toString());
    }

    @Test
    void melWasteCollectionZonesWithMelThesauri() throws IOException {
        CatalogRecord record = read("geonetwork-db-dump/mel-zones-collecte-dechets.iso19139.xml");
        assertThat(record.id()).isEqualTo("ed34db28-5dd4-480f-bf29-dc08f0086131");
        assertThat(record.title().text()).isEqualTo(
                "Zones de collecte de déchets en porte à porte - par flux de collecte, jour et horaire de tournée");
        assertThat(record.keywords()).hasSize(11);
        ThesaurusCitation categories = new ThesaurusCitation("Catégories", "https://data.lillemetropole.fr/geonetwork"
                + "/srv/api/registries/vocabularies/external.theme.thesaurus_mot_cle_thematique_categories",
                LocalDate.of(2024, 5, 14));
        assertThat(record.keywords()).filteredOn(k -> categories.equals(k.thesaurus()))
                .containsExactly(new Keyword(fr("Environnement, énergie"), null, categories, "theme"));
        ThesaurusCitation territories = new ThesaurusCitation("Territoires MEL",
                "https://data.lillemetropole.fr/place/melTerritories", LocalDate.of(2024, 5, 14));
        assertThat(record.keywords()).contains(new Keyword(fr("Métropole Européenne de Lille"),
                "https://data.lillemetropole.fr/place/melTerritories#1", territories, "place"));
        // A GEMET concept as a gmx:Anchor: its label and its concept URI.
        assertThat(record.keywords()).filteredOn(k -> "verre".equals(k.label().text())).singleElement()
                .satisfies(k -> {
                    assertThat(k.uri()).isEqualTo("http://www.eionet.europa.eu/gemet/concept/3678");
                    assertThat(k.thesaurus().title()).isEqualTo("GEMET");
                    assertThat(k.thesaurus().uri()).isEqualTo("http://geonetwork-opensource.org/gemet");
                });
        // The first licence-like text is an empty anchor whose xlink:title names the licence.
        assertThat(record.licence()).isEqualTo(new LinkedText("Licence ouverte ETALAB 2.0",
                "https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf"));
        assertThat(record.publisher())
                .isEqualTo(new Organisation("Métropole Européenne de Lille", null, "opendata@lillemetropole.fr"));
        assertThat(record.onlineResources()).extracting(OnlineResource::kind).containsExactly(ResourceKind.SERVICE,
                ResourceKind.SERVICE, ResourceKind.API, ResourceKind.DOWNLOAD, ResourceKind.DOWNLOAD);
        assertThat(record.dates()).isEqualTo(
                new ResourceDates(LocalDate.of(2023, 10, 20), null, LocalDate.of(2024, 4, 26)));
        assertThat(record.metadataDate()).isEqualTo(LocalDateTime.of(2026, 3, 31, 15, 1, 0, 860_000_000));
        assertThat(record.updateFrequency()).isEqualTo("continual");
        assertThat(record.status()).isEqualTo("onGoing");
        assertThat(record.referenceSystems()).containsExactly("http://www.opengis.net/def/crs/EPSG/0/2154");
        assertThat(record.formats()).containsExactly(new Format("Oracle Spatial", "12.1"));
        assertThat(record.spatialExtent().places()).containsExactly("Métropole Européenne de Lille");
        assertThat(record.description().text()).startsWith("La collecte des déchets ménagers")
                .contains("\n* les zones correspondant à chaque tournée de collecte,\n");
    }

    @Test
    void defaultNamespaceRecordWithATrailingNewlineInItsIdentifier() throws IOException {
        CatalogRecord record = read("ignf-cnig/default-namespace-01.xml");
        assertThat(record.id()).isEqualTo("urn:isogeo:metadata:uuid:66484d70-3f8c-44cf-b0e5-98ac84426a2c");
        assertThat(record.title().text()).isEqualTo("Plan local d'urbanisme de La Baconnière en Mayenne");
        assertThat(record.source().standard()).isEqualTo("ISO 19139");
        assertThat(record.referenceSystems()).containsExactly("urn:ogc:def:crs:EPSG:2154");
        assertThat(record.metadataDate()).isEqualTo(LocalDateTime.of(2015, 8, 28, 12, 48, 6, 716_329_700));
        // "2014-09-08Z": a date with a time zone.
        assertThat(record.dates().revised()).isEqualTo(LocalDate.of(2014, 9, 8));
        assertThat(record.keywords()).hasSize(10);
    }

    @Test
    void multilingualRecordsWithPtFreeText() throws IOException {
        CatalogRecord geocat = read("geonetwork-db-dump/geocat-aew-fernwaerme.iso19139.xml");
        assertThat(geocat.language()).isEqualTo("de");
        assertThat(geocat.title().values())
                .containsExactly(Map.entry("de", "Leitungskataster Fernwärme AEW Energie AG"));
        // Several boxes: a union plus a MULTIPOLYGON of them.
        assertThat(geocat.spatialExtent().geometry()).startsWith("MULTIPOLYGON (((");

        CatalogRecord e2e = read("geonetwork-db-dump/e2e-too-long-title.iso19139.xml");
        assertThat(e2e.title().values().keySet()).containsExactly("fr", "it", "en", "de");
        assertThat(e2e.contacts()).extracting(Contact::organisationName)
                .contains("Coordination, Services et Informations Géographiques (COSIG), swisstopo");
        assertThat(e2e.relatedRecords())
                .contains(new RelatedRecord("ee50905d-7c35-48f3-980a-d0c603da3555", null, null, "parent"));

        CatalogRecord sextant = read("geonetwork-ui-fixtures/sextant.iso19115-3.dataset.xml");
        assertThat(sextant.title().values()).containsExactly(
                Map.entry("fr", "Position des fronts du Courant Circumpolaire Antarctique"),
                Map.entry("en", "Position of the Antarctic Circumpolar Current fronts"));
        // "1993-01" to an end "before 2023-12".
        assertThat(sextant.temporalExtent())
                .isEqualTo(new TemporalExtent(LocalDate.of(1993, 1, 1), LocalDate.of(2023, 12, 1)));
    }

    @Test
    void serviceRecords() throws IOException {
        CatalogRecord geo2france = read("geonetwork-ui-fixtures/geo2france.iso19139.service.xml");
        assertThat(geo2france.kind()).isEqualTo(RecordKind.SERVICE);
        assertThat(geo2france.service().serviceType()).isEqualTo("OGC:WMS, WFS");
        assertThat(geo2france.service().couplingType()).isEqualTo("tight");
        assertThat(geo2france.temporalExtent()).isEqualTo(new TemporalExtent(LocalDate.of(2010, 1, 1), null));
        assertThat(geo2france.spatialExtent().places()).containsExactly("Métropole européenne de Lille (MEL)");
        assertThat(geo2france.relatedRecords()).noneMatch(r -> r.association().equals(RelatedRecord.OPERATES_ON));

        // The only real record with srv:operatesOn.
        CatalogRecord bdes = read("geonetwork-db-dump/spw-bdes.iso19139.xml");
        assertThat(bdes.kind()).isEqualTo(RecordKind.SERVICE);
        assertThat(bdes.service().serviceType()).isEqualTo("view");
        assertThat(bdes.relatedRecords()).containsExactly(new RelatedRecord("88f5f3ce-98f5-4ab3-b226-ad8a9692a339",
                "https://metawal.wallonie.be/geonetwork/srv/api/records/88f5f3ce-98f5-4ab3-b226-ad8a9692a339", null,
                RelatedRecord.OPERATES_ON));
        assertThat(bdes.onlineResources()).extracting(OnlineResource::kind).containsExactly(ResourceKind.SERVICE);
    }

    @Test
    void metawalIso19115Part3() throws IOException {
        CatalogRecord record = read("geonetwork-ui-fixtures/metawal.iso19115-3.dataset.xml");
        assertThat(record.id()).isEqualTo("2d974612-70b1-4662-a9f4-c43cbe453773");
        assertThat(record.source().standard()).isEqualTo("ISO 19115-3");
        assertThat(record.language()).isEqualTo("fr");
        assertThat(record.title().text()).isEqualTo("Passages pour piéton");
        assertThat(record.contacts()).filteredOn(c -> c.scope() == Contact.Scope.METADATA).singleElement()
                .satisfies(c -> {
                    assertThat(c.individualName()).isEqualTo("Frédéric Plumier");
                    assertThat(c.positionName()).isEqualTo("Attaché");
                    assertThat(c.organisationName()).startsWith("Direction Asset Management");
                    assertThat(c.email()).isEqualTo("frederic.plumier@spw.wallonie.be");
                    assertThat(c.address()).isEqualTo("Boulevard du Nord, 8, 5000 Namur");
                });
        assertThat(record.metadataDate()).isEqualTo(LocalDateTime.of(2022, 6, 16, 5, 1, 21));
        assertThat(record.dates()).isEqualTo(new ResourceDates(LocalDate.of(2002, 1, 1), LocalDate.of(2022, 6, 16),
                LocalDate.of(2022, 6, 16)));
        assertThat(record.relatedRecords()).first()
                .isEqualTo(new RelatedRecord("7451e2bd-22e8-4a74-a999-01c58b630369", null, null, "parent"));
        assertThat(record.relatedRecords()).extracting(RelatedRecord::association)
                .containsExactly("parent", "crossReference", "crossReference", "crossReference",
                        "partOfSeamlessDatabase", "largerWorkCitation");
        assertThat(record.scaleDenominators()).containsExactly(10000);
        assertThat(record.referenceSystems()).containsExactly("http://www.opengis.net/def/crs/EPSG/0/31370");
        assertThat(record.overviews()).singleElement().satisfies(o -> {
            assertThat(o.url()).endsWith("/attachments/PASSAGES_PIETONS.png");
            assertThat(o.description()).isEqualTo("PASSAGES_PIETONS");
        });
        assertThat(record.onlineResources()).extracting(OnlineResource::kind)
                .containsExactly(ResourceKind.LANDING_PAGE, ResourceKind.DOCUMENTATION, ResourceKind.DOCUMENTATION);
        assertThat(record.lineage().text()).startsWith("En 2002, la Direction de le Sécurité");
        assertThat(record.keywords()).filteredOn(k -> "Routes".equals(k.label().text())).singleElement()
                .satisfies(k -> assertThat(k.uri()).isEqualTo("https://metawal.wallonie.be/thesaurus/"
                        + "theme-geoportail-wallon#SubThemesGeoportailWallon/3010"));
        assertThat(record.licence()).isNull();
        assertThat(record.otherConstraints()).hasSize(2);
    }

    @Test
    void melIso19115Part3WithALicenceAsACitedReference() throws IOException {
        CatalogRecord record = read("geonetwork-db-dump/mel-accroche-velos.iso19115-3.xml");
        assertThat(record.id()).isEqualTo("accroche_velos");
        assertThat(record.licence()).isEqualTo(new LinkedText("Licence Ouverte v2.0 (Etalab)",
                "https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf"));
        assertThat(record.formats()).extracting(Format::name).containsExactly("csv", "json", "geojson", "shapefile");
        assertThat(record.onlineResources()).extracting(OnlineResource::format)
                .startsWith("CSV", "JSON", "GeoJSON", "ESRI Shapefile");
    }

    @Test
    void cnigRecordWithoutCharacterSetAndSeveralBoxes() throws IOException {
        CatalogRecord record = read("ignf-cnig/plu-balaives-missing-charset.xml");
        assertThat(record.id()).isEqualTo("fr-210800405-41158plu20130225");
        // The title spans several indented lines in the XML.
        assertThat(record.title().text())
                .isEqualTo("Plan local d'urbanisme (PLU) - Balaives-et-Butz - approbation du 13/02/2014");
        assertThat(record.spatialExtent().geometry()).startsWith("MULTIPOLYGON (((4.5 49.5, 4.8 49.5");
        assertThat(record.spatialExtent().bbox()).isEqualTo(
                new BoundingBox(3.37135982440879, 47.6112466818518, 6.05229292942111, 50.150576343463));
        assertThat(record.publisher().name()).isEqualTo("mairie de Balaives et Butz");
    }

    @Test
    void cnigRecordsWithAnEmptyIdentifierOrAProjectedBox() throws IOException {
        // An empty fileIdentifier and an empty resource identifier: the id is derived from the title.
        CatalogRecord loire = read("ignf-cnig/sup-a9-loire-02.xml");
        assertThat(loire.id()).startsWith(RecordMapping.DERIVED_ID_PREFIX);
        assertThat(loire.licence()).isEqualTo(
                new LinkedText("Licence Ouverte 1.0", "http://www.data.gouv.fr/Licence-Ouverte-Open-Licence"));

        // Lambert-93 metres written as longitudes and latitudes: the box is skipped, the record still reads.
        CatalogRecord pezou = read("ignf-cnig/fr-000041175-plu20140603.xml");
        assertThat(pezou.spatialExtent().bbox()).isNull();
        assertThat(pezou.title().text()).isEqualTo("Plan Local d'Urbanisme de Pezou");
    }

    @Test
    void anIso19115Part3RecordEmbeddingAFeatureCatalogueIsStillARecord() throws IOException {
        CatalogRecord record = read("geonetwork-db-dump/iso19110-no-title.iso19115-3.xml");
        assertThat(record.id()).isEqualTo("50aa3037-ac17-4c0d-ad15-b43a5a0929ae");
        assertThat(record.kind()).isEqualTo(RecordKind.FEATURE_CATALOGUE);
        assertThat(record.title().isEmpty()).isTrue();
        assertThat(record.language()).isEqualTo("en");
        assertThat(record.contacts()).isEmpty();
        assertThat(record.metadataDate()).isEqualTo(LocalDateTime.of(2025, 3, 7, 9, 35, 48, 337_468_000));
    }

    @Test
    void featureCatalogueCitationsParentsAndPlaces() throws IOException {
        CatalogRecord geoide = read("geonetwork-ui-fixtures/geoide.iso19139.dataset.xml");
        assertThat(geoide.relatedRecords()).containsExactly(
                new RelatedRecord("fr-120066022-sjdd-24e685db-9820-4ed9-b7ea-4e21c5ee5834", null, null, "parent"),
                new RelatedRecord("fr-120066022-ca-jdd-763296bf-fc8d-46a2-ab4f-e2d607adf4fa", null, null,
                        RelatedRecord.FEATURE_CATALOGUE));
        assertThat(geoide.spatialExtent().places()).contains("http://id.insee.fr/geo/departement/87");

        CatalogRecord eolien = read("geonetwork-db-dump/dreal-hdf-eolien.iso19139.xml");
        assertThat(eolien.title().text()).isEqualTo("Mat éolien construit ou en projet dans les Hauts de France");

        CatalogRecord insee = read("geonetwork-db-dump/geo2france-insee-menages.iso19139.xml");
        // Two periods, one with a nested gml:relatedTime: their union.
        assertThat(insee.temporalExtent())
                .isEqualTo(new TemporalExtent(LocalDate.of(2021, 6, 15), LocalDate.of(2024, 3, 12)));
    }

    private static LocalizedText fr(String text) {
        return LocalizedText.of("fr", text);
    }

    /** The same bytes read with plain JAXP + XPath, independently of the reader. */
    private static final class Independent {
        private final Document document;
        private final XPath xpath = XPathFactory.newInstance().newXPath();

        Independent(byte[] xml) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        }

        String text(String expression) throws XPathExpressionException {
            return ((String) xpath.evaluate("string(" + expression + ")", document, XPathConstants.STRING)).strip();
        }

        String normalized(String expression) throws XPathExpressionException {
            return (String) xpath.evaluate("normalize-space(" + expression + ")", document, XPathConstants.STRING);
        }

        int count(String expression) throws XPathExpressionException {
            return ((Double) xpath.evaluate("count(" + expression + ")", document, XPathConstants.NUMBER)).intValue();
        }

        List<Node> nodes(String expression) throws XPathExpressionException {
            return nodes(document, expression);
        }

        private List<Node> nodes(Node context, String expression) throws XPathExpressionException {
            NodeList list = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return nodes;
        }

        List<String> texts(String expression) throws XPathExpressionException {
            return texts(document, expression);
        }

        List<String> texts(Node context, String expression) throws XPathExpressionException {
            List<String> texts = new ArrayList<>();
            for (Node node : nodes(context, expression)) {
                texts.add(((String) xpath.evaluate("normalize-space(.)", node, XPathConstants.STRING)));
            }
            return texts;
        }

        /** West, south, east, north of the union of the boxes within WGS84 limits; null when none. */
        double[] unionOfValidBoxes() throws XPathExpressionException {
            double[] union = null;
            for (Node box : nodes(IDENT + "/" + path("extent", "*", "geographicElement", "EX_GeographicBoundingBox"))) {
                double west = number(box, "westBoundLongitude");
                double east = number(box, "eastBoundLongitude");
                double south = Math.min(number(box, "southBoundLatitude"), number(box, "northBoundLatitude"));
                double north = Math.max(number(box, "southBoundLatitude"), number(box, "northBoundLatitude"));
                boolean valid = Math.abs(west) <= 180 && Math.abs(east) <= 180 && south >= -90 && north <= 90;
                if (!valid) {
                    continue;
                }
                union = union == null ? new double[] {west, south, east, north} : new double[] {
                        Math.min(union[0], west), Math.min(union[1], south), Math.max(union[2], east),
                        Math.max(union[3], north)};
            }
            return union;
        }

        private double number(Node box, String bound) throws XPathExpressionException {
            return (Double) xpath.evaluate("number(" + e(bound) + "/*)", box, XPathConstants.NUMBER);
        }

        /** Earliest creation, earliest publication, latest revision among full yyyy-MM-dd citation dates. */
        ResourceDates citationDates() throws XPathExpressionException {
            LocalDate created = null;
            LocalDate published = null;
            LocalDate revised = null;
            for (Node date : nodes(CITATION + "/" + path("date", "CI_Date"))) {
                LocalDate value = isoDate((String) xpath.evaluate("normalize-space(" + e("date") + "/*)", date,
                        XPathConstants.STRING));
                String type = (String) xpath.evaluate("string(" + e("dateType") + "/*/@codeListValue)", date,
                        XPathConstants.STRING);
                if (value == null) {
                    continue;
                }
                switch (type) {
                    case "creation" -> created = created == null || value.isBefore(created) ? value : created;
                    case "publication" -> published =
                            published == null || value.isBefore(published) ? value : published;
                    case "revision" -> revised = revised == null || value.isAfter(revised) ? value : revised;
                    default -> { }
                }
            }
            return new ResourceDates(created, published, revised);
        }

        static LocalDate isoDate(String text) {
            return text.matches("\\d{4}-\\d{2}-\\d{2}.*") ? LocalDate.parse(text.substring(0, 10)) : null;
        }
    }
}
