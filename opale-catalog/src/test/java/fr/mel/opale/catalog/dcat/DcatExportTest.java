package fr.mel.opale.catalog.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.GraphicOverview;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.ResourceDates;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.ServiceInfo;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DcatExport on hand-built records covering every kind and the edge cases real catalogs have. */
class DcatExportTest {
    static final String PUBLIC_URL = "https://opale.example.fr";
    private final DcatExport export = new DcatExport(PUBLIC_URL + "/");

    @Test
    void everyKindAndEdgeCaseIsValidDcatAp() {
        Model model = export.catalog(edgeCases(), new DcatPaging(1, 100, 14, null), Instant.parse("2026-11-28T10:15:30Z"));

        assertThat(DcatShapes.violations(model, false)).as(() -> turtle(model)).isEmpty();
        assertThat(DcatShapes.violations(model, true)).isEmpty();
    }

    @Test
    void theShapesDoCatchAnInvalidExport() {
        Model model = export.record(fullDataset());
        Resource dataset = model.getResource(PUBLIC_URL + "/catalogue/vlille#dataset");
        model.removeAll(dataset, DCTerms.title, null);
        model.removeAll(null, RDF.type, FOAF.Agent);

        assertThat(DcatShapes.violations(model, false)).hasSize(2)
                .anyMatch(v -> v.contains("dct:title") || v.contains("purl.org/dc/terms/title"))
                .anyMatch(v -> v.contains("publisher"));
    }

    @Test
    void eachRecordAloneIsValidDcatAp() {
        for (CatalogRecord record : edgeCases()) {
            Model model = export.record(record);
            assertThat(DcatShapes.violations(model, false)).as(record.id()).isEmpty();
        }
    }

    @Test
    void aFullDatasetCarriesEveryDcatApProperty() {
        Model model = export.catalog(List.of(fullDataset()), null, null);
        Resource dataset = model.getResource(PUBLIC_URL + "/catalogue/vlille#dataset");

        assertThat(dataset.hasProperty(RDF.type, DCAT.Dataset)).isTrue();
        assertThat(texts(dataset, DCTerms.title)).containsExactlyInAnyOrder("Stations V'Lille@fr", "V'Lille stations@en");
        assertThat(dataset.getProperty(DCTerms.identifier).getString()).isEqualTo("vlille");
        assertThat(texts(dataset, DCAT.keyword)).contains("vélo@fr", "Mobilité@fr", "Mobility@en");
        assertThat(objects(dataset, DCAT.theme)).contains(
                "https://data.lillemetropole.fr/thematique/categories/mobilite",
                "http://inspire.ec.europa.eu/metadata-codelist/TopicCategory/transportation");
        Resource theme = model.getResource("https://data.lillemetropole.fr/thematique/categories/mobilite");
        assertThat(theme.hasProperty(RDF.type, SKOS.Concept)).isTrue();
        assertThat(theme.getPropertyResourceValue(SKOS.inScheme).getProperty(DCTerms.title).getString())
                .isEqualTo("Catégories d'usage");
        Resource publisher = dataset.getPropertyResourceValue(DCTerms.publisher);
        assertThat(publisher.hasProperty(RDF.type, FOAF.Agent)).isTrue();
        assertThat(publisher.getProperty(FOAF.name).getString()).isEqualTo("Métropole Européenne de Lille");
        List<Resource> contacts = dataset.listProperties(DCAT.contactPoint).mapWith(Statement::getResource).toList();
        assertThat(contacts).hasSize(2).allMatch(c -> c.hasProperty(RDF.type, VCARD4.Kind));
        Resource contact = contacts.stream().filter(c -> c.hasProperty(RDF.type, VCARD4.Organization)).findFirst()
                .orElseThrow();
        assertThat(contact.getProperty(VCARD4.fn).getString()).isEqualTo("Métropole Européenne de Lille");
        assertThat(contact.getPropertyResourceValue(VCARD4.hasEmail).getURI()).isEqualTo("mailto:opendata@lillemetropole.fr");
        Resource period = dataset.getPropertyResourceValue(DCTerms.temporal);
        assertThat(period.getProperty(DCAT.startDate).getLiteral().getDatatype()).isEqualTo(XSDDatatype.XSDdate);
        assertThat(period.getProperty(DCAT.startDate).getLiteral().getLexicalForm()).isEqualTo("2016-05-10");
        Resource location = dataset.listProperties(DCTerms.spatial).mapWith(Statement::getResource)
                .filterKeep(l -> l.hasProperty(DCAT.bbox)).next();
        assertThat(location.getProperty(DCAT.bbox).getLiteral().getLexicalForm())
                .isEqualTo("POLYGON((2.79 50.5, 3.3 50.5, 3.3 50.8, 2.79 50.8, 2.79 50.5))");
        assertThat(location.getProperty(DCAT.bbox).getLiteral().getDatatypeURI())
                .isEqualTo("http://www.opengis.net/ont/geosparql#wktLiteral");
        assertThat(dataset.getProperty(DCTerms.issued).getLiteral().getLexicalForm()).isEqualTo("2016-05-10");
        assertThat(dataset.getProperty(DCTerms.modified).getLiteral().getLexicalForm()).isEqualTo("2026-11-28");
        assertThat(objects(dataset, DCTerms.accrualPeriodicity))
                .containsExactly("http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT");
        assertThat(objects(dataset, DCTerms.language))
                .containsExactly("http://publications.europa.eu/resource/authority/language/FRA");
        assertThat(objects(dataset, DCAT.landingPage)).contains(PUBLIC_URL + "/catalogue/vlille");
        assertThat(objects(dataset, DCTerms.conformsTo)).containsExactlyInAnyOrder(
                "http://www.opengis.net/def/crs/EPSG/0/2154", "http://www.opengis.net/def/crs/EPSG/0/4326");
        assertThat(dataset.getPropertyResourceValue(DCTerms.provenance).hasProperty(RDF.type, DCTerms.ProvenanceStatement))
                .isTrue();
        assertThat(objects(dataset, FOAF.page)).containsExactly("https://data.lillemetropole.fr/doc/vlille.pdf");
        assertThat(objects(dataset, DCTerms.accessRights))
                .containsExactly("http://publications.europa.eu/resource/authority/access-right/PUBLIC");
        assertThat(dataset.getPropertyResourceValue(DcatApTerms.ADMS_IDENTIFIER).getProperty(SKOS.notation).getString())
                .isEqualTo("FR-200093201-vlille");
        assertThat(objects(dataset, DCTerms.isPartOf)).containsExactly(PUBLIC_URL + "/catalogue/mobilite#dataset");

        List<Resource> distributions = dataset.listProperties(DCAT.distribution).mapWith(Statement::getResource).toList();
        assertThat(distributions).hasSize(3);
        Resource csv = model.getResource(PUBLIC_URL + "/catalogue/vlille#distribution-1");
        assertThat(objects(csv, DCAT.downloadURL)).containsExactly("https://data.lillemetropole.fr/vlille/stations.csv");
        assertThat(objects(csv, DCTerms.format))
                .containsExactly("http://publications.europa.eu/resource/authority/file-type/CSV");
        assertThat(objects(csv, DCAT.mediaType)).containsExactly("https://www.iana.org/assignments/media-types/text/csv");
        assertThat(objects(csv, DCTerms.license)).containsExactly(KnownLicences.ODBL);
        Resource wms = model.getResource(PUBLIC_URL + "/catalogue/vlille#distribution-2");
        assertThat(wms.hasProperty(DCAT.downloadURL)).isFalse();
        assertThat(objects(wms, DCTerms.format))
                .containsExactly("http://publications.europa.eu/resource/authority/file-type/WMS_SRVC");
        assertThat(wms.getPropertyResourceValue(DCAT.accessService).hasProperty(RDF.type, DCAT.DataService)).isTrue();
    }

    @Test
    void kindsBeyondDatasetsBecomeServicesOrPlainResources() {
        Model model = export.catalog(edgeCases(), null, null);
        Resource catalog = model.getResource(export.catalogUri());

        Resource service = model.getResource(PUBLIC_URL + "/catalogue/wms-mel#service");
        assertThat(catalog.hasProperty(DCAT.service, service)).isTrue();
        assertThat(objects(service, DCAT.endpointURL)).containsExactly("https://data.lillemetropole.fr/geoserver/wms");
        assertThat(objects(service, DCAT.servesDataset)).containsExactly(PUBLIC_URL + "/catalogue/vlille#dataset");
        assertThat(catalog.hasProperty(DCAT.dataset, model.getResource(PUBLIC_URL + "/catalogue/service-sans-url#dataset")))
                .as("a service without endpoint stays a (valid) dataset").isTrue();
        for (String reuse : List.of("reuse-appli", "carte-velo", "appli-mobile", "catalogue-attributs")) {
            Resource resource = model.getResource(PUBLIC_URL + "/catalogue/" + reuse + "#resource");
            assertThat(resource.hasProperty(RDF.type, DCAT.Resource)).as(reuse).isTrue();
            assertThat(catalog.hasProperty(DcatApTerms.DCAT_RESOURCE, resource)).as(reuse).isTrue();
            assertThat(resource.hasProperty(RDF.type, DCAT.Dataset)).as(reuse).isFalse();
        }
        assertThat(model.getResource(PUBLIC_URL + "/catalogue/serie-plu#dataset").hasProperty(RDF.type, DCAT.Dataset))
                .isTrue();
    }

    @Test
    void accessRightsSayWhoMayAccessAndRightsSayHowToUse() {
        Model model = export.record(edgeCases().get(13));
        Resource dataset = model.getResource(PUBLIC_URL + "/catalogue/licence-inconnue#dataset");
        Resource access = dataset.getPropertyResourceValue(DCTerms.accessRights);
        assertThat(texts(access, org.apache.jena.vocabulary.RDFS.label)).containsExactly("restricted@fr");
        Resource distribution = model.getResource(PUBLIC_URL + "/catalogue/licence-inconnue#distribution-1");
        assertThat(texts(distribution.getPropertyResourceValue(DCTerms.rights), org.apache.jena.vocabulary.RDFS.label))
                .containsExactlyInAnyOrder("Citer la source@fr", "Diffusion restreinte aux partenaires@fr");
        assertThat(distribution.getPropertyResourceValue(DCTerms.license).hasProperty(RDF.type, DCTerms.LicenseDocument))
                .isTrue();
    }

    @Test
    void missingTitleAndDescriptionFallBack() {
        CatalogRecord bare = CatalogRecord.builder("urn:isogeo:metadata:uuid:1b2c").build();
        Model model = export.record(bare);
        Resource dataset = model.getResource(PUBLIC_URL + "/catalogue/urn%3Aisogeo%3Ametadata%3Auuid%3A1b2c#dataset");

        assertThat(dataset.getProperty(DCTerms.title).getString()).isEqualTo("urn:isogeo:metadata:uuid:1b2c");
        assertThat(texts(dataset, DCTerms.description))
                .containsExactlyInAnyOrder("Pas de description fournie.@fr", "No description provided.@en");
        assertThat(dataset.hasProperty(DCTerms.license)).isFalse();
    }

    @Test
    void badUrlsAreRepairedOrDropped() {
        Model model = export.record(weirdUrls());
        Set<String> iris = model.listStatements().toList().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.getSubject(), s.getObject()))
                .filter(RDFNode::isURIResource).map(n -> n.asResource().getURI()).collect(Collectors.toSet());

        assertThat(iris).contains("https://data.example.fr/mon%20fichier.csv", "https://data.example.fr/a%7Cb.csv");
        assertThat(iris).noneMatch(iri -> iri.contains(" ") || iri.contains("\\") || iri.startsWith("javascript")
                || iri.startsWith("www.") || iri.contains("<"));
        for (Lang lang : List.of(Lang.TURTLE, Lang.RDFXML, Lang.JSONLD11)) {
            assertThat(roundTrip(model, lang).isIsomorphicWith(model)).as(lang.getName()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DcatFormat.class)
    void everyFormatParsesBackToTheSameGraph(DcatFormat format) {
        Model model = export.catalog(edgeCases(), new DcatPaging(2, 5, 14, format.parameter()), Instant.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(model, out);
        Model parsed = ModelFactory.createDefaultModel();
        RDFDataMgr.read(parsed, new ByteArrayInputStream(out.toByteArray()), PUBLIC_URL,
                RDFLanguages.contentTypeToLang(format.mediaType().getType() + "/" + format.mediaType().getSubtype()));
        assertThat(parsed.isIsomorphicWith(model)).isTrue();
    }

    @Test
    void pagingLinksFollowHydra() {
        Model model = export.catalog(List.of(), new DcatPaging(2, 5, 14, "jsonld"), null);
        Resource page = model.getResource(PUBLIC_URL + "/dcat?page=2&size=5&format=jsonld");

        assertThat(page.hasProperty(RDF.type, DcatApTerms.HYDRA_PAGED_COLLECTION)).isTrue();
        assertThat(page.getProperty(DcatApTerms.HYDRA_TOTAL_ITEMS).getLong()).isEqualTo(14);
        assertThat(page.getProperty(DcatApTerms.HYDRA_ITEMS_PER_PAGE).getInt()).isEqualTo(5);
        assertThat(page.getProperty(DcatApTerms.HYDRA_FIRST_PAGE).getString()).isEqualTo(PUBLIC_URL + "/dcat?page=1&size=5&format=jsonld");
        assertThat(page.getProperty(DcatApTerms.HYDRA_LAST_PAGE).getString()).endsWith("page=3&size=5&format=jsonld");
        assertThat(page.getProperty(DcatApTerms.HYDRA_NEXT_PAGE).getString()).endsWith("page=3&size=5&format=jsonld");
        assertThat(page.getProperty(DcatApTerms.HYDRA_PREVIOUS_PAGE).getString()).endsWith("page=1&size=5&format=jsonld");
        Model last = export.catalog(List.of(), new DcatPaging(3, 5, 14, null), null);
        assertThat(last.getResource(PUBLIC_URL + "/dcat?page=3&size=5").hasProperty(DcatApTerms.HYDRA_NEXT_PAGE)).isFalse();
    }

    @Test
    void multilingualTextsKeepTheirLanguages() {
        Map<String, String> title = new LinkedHashMap<>();
        title.put("fr", "Parcs et jardins");
        title.put("en", "Parks and gardens");
        title.put("nl", "Parken en tuinen");
        title.put("ger", "Parks und Gärten");
        CatalogRecord record = CatalogRecord.builder("parcs").language("fre").title(LocalizedText.of(title))
                .description(LocalizedText.of(Map.of("fr", "Les **parcs**.", "en", "The *parks*."))).build();
        Resource dataset = export.record(record).getResource(PUBLIC_URL + "/catalogue/parcs#dataset");

        assertThat(texts(dataset, DCTerms.title)).containsExactlyInAnyOrder("Parcs et jardins@fr",
                "Parks and gardens@en", "Parken en tuinen@nl", "Parks und Gärten@de");
        assertThat(texts(dataset, DCTerms.description)).containsExactlyInAnyOrder("Les **parcs**.@fr", "The *parks*.@en");
        assertThat(objects(dataset, DCTerms.language))
                .containsExactly("http://publications.europa.eu/resource/authority/language/FRA");
    }

    // ---------------------------------------------------------------- fixtures

    static List<CatalogRecord> edgeCases() {
        List<CatalogRecord> records = new ArrayList<>();
        records.add(fullDataset());
        records.add(CatalogRecord.builder("serie-plu").kind(RecordKind.SERIES)
                .title(LocalizedText.of("fr", "Plans locaux d'urbanisme")).build());
        records.add(CatalogRecord.builder("sans-titre").description(LocalizedText.of("fr", "Rien d'autre.")).build());
        records.add(CatalogRecord.builder("sans-description").title(LocalizedText.of("fr", "Juste un titre"))
                .addOnlineResource(new OnlineResource("https://data.example.fr/x.zip", null, null, null, null,
                        ResourceKind.DOWNLOAD, null)).build());
        records.add(CatalogRecord.builder("sans-licence-ni-rien").build());
        records.add(CatalogRecord.builder("wms-mel").kind(RecordKind.SERVICE)
                .title(LocalizedText.of("fr", "Service WMS de la MEL"))
                .service(new ServiceInfo("view", List.of("1.3.0"), "tight"))
                .licence(new LinkedText("Licence Ouverte v2.0", null))
                .addOnlineResource(new OnlineResource("https://data.lillemetropole.fr/geoserver/wms", "OGC:WMS", "wms",
                        null, null, ResourceKind.SERVICE, null))
                .addRelatedRecord(new RelatedRecord("vlille", null, null, RelatedRecord.OPERATES_ON))
                .addRelatedRecord(new RelatedRecord("ailleurs", null, null, RelatedRecord.OPERATES_ON)).build());
        records.add(CatalogRecord.builder("service-sans-url").kind(RecordKind.SERVICE)
                .title(LocalizedText.of("fr", "Service sans adresse")).build());
        records.add(CatalogRecord.builder("reuse-appli").kind(RecordKind.REUSE)
                .title(LocalizedText.of("fr", "Appli V'Lille"))
                .addOnlineResource(new OnlineResource("https://appli.example.fr", null, null, null, null,
                        ResourceKind.OTHER, null))
                .addRelatedRecord(new RelatedRecord("vlille", null, null, "crossReference")).build());
        records.add(CatalogRecord.builder("carte-velo").kind(RecordKind.MAP)
                .title(LocalizedText.of("fr", "Carte vélo")).build());
        records.add(CatalogRecord.builder("appli-mobile").kind(RecordKind.APPLICATION).build());
        records.add(CatalogRecord.builder("catalogue-attributs").kind(RecordKind.FEATURE_CATALOGUE).build());
        records.add(CatalogRecord.builder("autre").kind(RecordKind.OTHER).title(LocalizedText.of("fr", "Autre")).build());
        records.add(weirdUrls());
        records.add(CatalogRecord.builder("licence-inconnue").title(LocalizedText.of("fr", "Licence maison"))
                .licence(new LinkedText("Conditions générales d'utilisation de la ville", "pas une url"))
                .addAccessConstraint("restricted")
                .addOtherConstraint(new LinkedText("Diffusion restreinte aux partenaires", null))
                .addUseLimitation("Citer la source")
                .addOnlineResource(new OnlineResource("https://data.example.fr/a.data", null, null, null,
                        "format-maison", ResourceKind.DOWNLOAD, null))
                .addFormat(new Format("CSV", null)).build());
        return records;
    }

    static CatalogRecord fullDataset() {
        ThesaurusCitation categories = new ThesaurusCitation("Catégories d'usage",
                "https://data.lillemetropole.fr/thematique/categories", LocalDate.of(2024, 1, 1));
        return CatalogRecord.builder("vlille").kind(RecordKind.DATASET)
                .title(LocalizedText.of(Map.of("fr", "Stations V'Lille", "en", "V'Lille stations")))
                .description(LocalizedText.of("fr", "Position des stations **V'Lille**."))
                .addKeyword(Keyword.free("fr", "vélo"))
                .addKeyword(new Keyword(LocalizedText.of(Map.of("fr", "Mobilité", "en", "Mobility")),
                        "https://data.lillemetropole.fr/thematique/categories/mobilite", categories, "theme"))
                .addTopicCategory("transportation")
                .publisher(new Organisation("Métropole Européenne de Lille", null, "opendata@lillemetropole.fr"))
                .addContact(new Contact(null, "Métropole Européenne de Lille", null, "opendata@lillemetropole.fr",
                        "+33 3 20 21 22 23", null, "https://www.lillemetropole.fr", "pointOfContact", Contact.Scope.RESOURCE))
                .addContact(new Contact("Jeanne Martin", null, null, null, null, null, null, "author",
                        Contact.Scope.RESOURCE))
                .licence(new LinkedText("Open Database License (ODbL) 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"))
                .addOtherConstraint(new LinkedText("Pas de restriction d'accès public",
                        "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations"))
                .updateFrequency("continual").status("onGoing")
                .dates(new ResourceDates(LocalDate.of(2011, 9, 16), LocalDate.of(2016, 5, 10), LocalDate.of(2026, 11, 28)))
                .temporalExtent(new TemporalExtent(LocalDate.of(2016, 5, 10), null))
                .spatialExtent(new SpatialExtent(new BoundingBox(2.79, 50.5, 3.3, 50.8), null,
                        List.of("Métropole Européenne de Lille")))
                .addReferenceSystem("RGF93 / Lambert-93 (EPSG:2154)").addReferenceSystem("WGS 84")
                .lineage(LocalizedText.of("fr", "Export de l'API temps réel de l'exploitant."))
                .addResourceIdentifier("FR-200093201-vlille")
                .addOnlineResource(new OnlineResource("https://data.lillemetropole.fr/vlille/stations.csv",
                        "WWW:DOWNLOAD-1.0-http--download", "stations.csv", "Export CSV", "text/csv",
                        ResourceKind.DOWNLOAD, "download"))
                .addOnlineResource(new OnlineResource("https://data.lillemetropole.fr/geoserver/wms?layers=vlille",
                        "OGC:WMS", "vlille", "Carte", null, ResourceKind.SERVICE, null))
                .addOnlineResource(new OnlineResource("https://data.lillemetropole.fr/ogcapi/collections/vlille",
                        "OGC API - Features", "vlille", null, "application/geo+json", ResourceKind.API, null))
                .addOnlineResource(new OnlineResource("https://data.lillemetropole.fr/doc/vlille.pdf", null,
                        "Documentation", null, "PDF", ResourceKind.DOCUMENTATION, null))
                .addOverview(new GraphicOverview("https://data.lillemetropole.fr/vlille.png", null, "image/png"))
                .addRelatedRecord(new RelatedRecord("mobilite", null, null, RelatedRecord.PARENT))
                .build();
    }

    static CatalogRecord weirdUrls() {
        return CatalogRecord.builder("urls bizarres/é").title(LocalizedText.of("fr", "Liens abîmés"))
                .publisher(new Organisation("Commune", "pas une uri", "pas un courriel"))
                .licence(new LinkedText(null, "https://creativecommons.org/licenses/by/4.0/deed.fr"))
                .addContact(new Contact(null, "Commune", null, "contact@commune .fr", "n/a", null, "www.commune.fr",
                        "pointOfContact", Contact.Scope.RESOURCE))
                .addKeyword(new Keyword(LocalizedText.of("fr", "mot"), "urn:x:concept 1",
                        new ThesaurusCitation(null, "javascript:alert(1)", null), null))
                .addOnlineResource(new OnlineResource(" https://data.example.fr/mon fichier.csv ", null, null, null,
                        null, ResourceKind.DOWNLOAD, null))
                .addOnlineResource(new OnlineResource("https://data.example.fr/a|b.csv", null, null, null, null,
                        ResourceKind.DOWNLOAD, null))
                .addOnlineResource(new OnlineResource("www.example.fr/sans-schema.csv", null, null, null, null,
                        ResourceKind.DOWNLOAD, null))
                .addOnlineResource(new OnlineResource("\\\\serveur\\partage\\f.shp", null, null, null, null,
                        ResourceKind.DOWNLOAD, null))
                .addOnlineResource(new OnlineResource("javascript:alert(1)", null, null, null, null,
                        ResourceKind.OTHER, null))
                .addOnlineResource(new OnlineResource("http://[zz/", null, null, null, null, ResourceKind.API, null))
                .addOnlineResource(new OnlineResource("https://data.example.fr/doc <v2>.html", null, null, null, null,
                        ResourceKind.DOCUMENTATION, null))
                .addOverview(new GraphicOverview("file:///C:/images/apercu.png", null, null))
                .addRelatedRecord(new RelatedRecord(null, "pas/une/uri", null, "crossReference"))
                .build();
    }

    private static Model roundTrip(Model model, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, lang);
        Model parsed = ModelFactory.createDefaultModel();
        RDFDataMgr.read(parsed, new ByteArrayInputStream(out.toByteArray()), PUBLIC_URL, lang);
        return parsed;
    }

    private static List<String> texts(Resource subject, Property property) {
        return subject.listProperties(property).mapWith(s -> s.getLiteral().getLexicalForm()
                + (s.getLiteral().getLanguage().isEmpty() ? "" : "@" + s.getLiteral().getLanguage())).toList();
    }

    private static List<String> objects(Resource subject, Property property) {
        return subject.listProperties(property).mapWith(s -> s.getResource().getURI()).toList();
    }

    static String turtle(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, Lang.TURTLE);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
