package fr.mel.opale.catalog.dcat;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.GraphicOverview;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.TemporalExtent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.jspecify.annotations.Nullable;

/**
 * Writes one record into a model as a DCAT-AP 3 dataset, data service or resource. Every node that a DCAT-AP range
 * shape constrains gets its class in the graph ({@code foaf:Agent}, {@code vcard:Kind}, {@code dct:LicenseDocument},
 * {@code skos:Concept} with a label...), and every mandatory property a fallback, so that any record — even one
 * without title, description or licence — gives valid DCAT-AP. Not thread-safe: one instance per export.
 */
final class RecordMapping {
    static final String NO_DESCRIPTION_FR = "Pas de description fournie.";
    static final String NO_DESCRIPTION_EN = "No description provided.";
    private static final String INSPIRE_TOPIC_CATEGORY = "http://inspire.ec.europa.eu/metadata-codelist/TopicCategory/";
    private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    private static final Pattern EPSG_CODE = Pattern.compile("(?i)EPSG\\D{0,12}?(\\d{4,6})");
    /** ISO MD_RestrictionCode values that restrict who may access the data (the others restrict its use). */
    private static final Set<String> ACCESS_RESTRICTIONS = Set.of("restricted", "private", "confidential",
            "sensitivebutunclassified", "in-confidence", "statutory", "protected");
    private static final Pattern WGS84 = Pattern.compile("(?i)^\\s*WGS\\s*-?\\s*84\\s*$");

    private final Model model;
    private final String publicUrl;
    /** What each record of the same export becomes, so links between them use the right URI and property. */
    private final Map<String, DcatClass> exported;

    RecordMapping(Model model, String publicUrl, Map<String, DcatClass> exported) {
        this.model = model;
        this.publicUrl = publicUrl;
        this.exported = exported;
    }

    /** The record's page on Opale: its DCAT landing page, and the base of its resource URIs. */
    String recordPage(String id) {
        return publicUrl + "/catalogue/" + IriSanitizer.pathSegment(id);
    }

    String resourceUri(String id, DcatClass dcatClass) {
        return recordPage(id) + "#" + dcatClass.fragment();
    }

    /** Adds the record and everything it points to; returns its node (typed by {@link DcatClass#of}). */
    Resource add(CatalogRecord record) {
        DcatClass dcatClass = DcatClass.of(record);
        Resource resource = model.createResource(resourceUri(record.id(), dcatClass), dcatClass.type());
        resource.addProperty(DCTerms.identifier, record.id());
        addTitleAndDescription(resource, record);
        addKeywordsAndThemes(resource, record);
        addPublisherAndContacts(resource, record);
        addDates(resource, record);
        addCoverage(resource, record);
        addLanguages(resource, record);
        resource.addProperty(DCAT.landingPage, document(recordPage(record.id()), null));
        for (OnlineResource link : record.onlineResources()) {
            String url = IriSanitizer.webIri(link.url());
            if (url != null && link.kind() == ResourceKind.LANDING_PAGE) {
                resource.addProperty(DCAT.landingPage, document(url, link.name()));
            } else if (url != null && link.kind() == ResourceKind.DOCUMENTATION) {
                resource.addProperty(FOAF.page, document(url, link.name()));
            }
        }
        for (GraphicOverview overview : record.overviews()) {
            String url = IriSanitizer.webIri(overview.url());
            if (url != null) {
                // Not a DCAT-AP property (GeoDCAT-AP has none either); harmless for validators, useful to portals.
                resource.addProperty(FOAF.depiction, model.createResource(url, FOAF.Image));
            }
        }
        addRelations(resource, record, dcatClass);
        switch (dcatClass) {
            case DATASET -> addDatasetDetails(resource, record);
            case DATA_SERVICE -> addServiceDetails(resource, record);
            case RESOURCE -> {
                // Reuses and applications: their own URL is a page about them, not a distribution of data.
                record.onlineResources().stream()
                        .filter(r -> r.kind() != ResourceKind.DOCUMENTATION && r.kind() != ResourceKind.LANDING_PAGE)
                        .map(r -> IriSanitizer.webIri(r.url())).filter(Objects::nonNull).distinct()
                        .forEach(url -> resource.addProperty(FOAF.page, document(url, null)));
            }
        }
        return resource;
    }

    private void addTitleAndDescription(Resource resource, CatalogRecord record) {
        if (record.title().isEmpty()) {
            resource.addProperty(DCTerms.title, record.id());
        } else {
            addTexts(resource, DCTerms.title, record.title(), record.language());
        }
        if (record.description().isEmpty()) {
            resource.addProperty(DCTerms.description, NO_DESCRIPTION_FR, "fr");
            resource.addProperty(DCTerms.description, NO_DESCRIPTION_EN, "en");
        } else {
            addTexts(resource, DCTerms.description, record.description(), record.language());
        }
    }

    private void addKeywordsAndThemes(Resource resource, CatalogRecord record) {
        for (Keyword keyword : record.keywords()) {
            addTexts(resource, DCAT.keyword, keyword.label(), record.language());
            String conceptUri = IriSanitizer.webIri(keyword.uri());
            if (conceptUri != null && keyword.thesaurus() != null && !keyword.label().isEmpty()) {
                resource.addProperty(DCAT.theme, concept(conceptUri, keyword, record.language()));
            }
        }
        for (String category : record.topicCategories()) {
            if (category.matches("[A-Za-z]+")) {
                Resource concept = model.createResource(INSPIRE_TOPIC_CATEGORY + category, SKOS.Concept);
                concept.addProperty(SKOS.prefLabel, category, "en");
                resource.addProperty(DCAT.theme, concept);
            }
        }
    }

    /** A thesaurus concept: typed, labelled (the Category shape), and in its scheme when the scheme has a URI. */
    private Resource concept(String uri, Keyword keyword, String recordLanguage) {
        Resource concept = model.createResource(uri, SKOS.Concept);
        if (!concept.hasProperty(SKOS.prefLabel)) {
            keyword.label().values().forEach((lang, text) -> concept.addProperty(SKOS.prefLabel,
                    literal(text, lang, recordLanguage)));
        }
        var thesaurus = keyword.thesaurus();
        String schemeUri = thesaurus == null ? null : IriSanitizer.webIri(thesaurus.uri());
        if (schemeUri != null) {
            Resource scheme = model.createResource(schemeUri, SKOS.ConceptScheme);
            if (!scheme.hasProperty(DCTerms.title)) {
                scheme.addProperty(DCTerms.title, thesaurus.title() != null ? thesaurus.title() : schemeUri);
            }
            concept.addProperty(SKOS.inScheme, scheme);
        }
        return concept;
    }

    private void addPublisherAndContacts(Resource resource, CatalogRecord record) {
        Organisation publisher = record.publisher();
        if (publisher != null && publisher.name() != null) {
            resource.addProperty(DCTerms.publisher, agent(publisher.name(), publisher.uri(), publisher.email()));
        } else {
            record.resourceContacts().stream()
                    .filter(c -> "publisher".equalsIgnoreCase(c.role()) && c.displayName() != null)
                    .findFirst()
                    .ifPresent(c -> resource.addProperty(DCTerms.publisher,
                            agent(c.displayName(), c.url(), c.email())));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Contact contact : record.resourceContacts()) {
            String name = contact.displayName();
            if (name != null && seen.add(name + "|" + contact.email())) {
                resource.addProperty(DCAT.contactPoint, contactPoint(contact, name));
            }
        }
    }

    /** An agent: an organisation for DCAT-AP's {@code dct:publisher}, named, with its own URI when valid. */
    private Resource agent(String name, @Nullable String uri, @Nullable String email) {
        String iri = IriSanitizer.webIri(uri);
        Resource agent = iri == null ? model.createResource() : model.createResource(iri);
        agent.addProperty(RDF.type, FOAF.Agent).addProperty(RDF.type, FOAF.Organization);
        if (!agent.hasProperty(FOAF.name)) {
            agent.addProperty(FOAF.name, name);
        }
        String mailbox = IriSanitizer.mailto(email);
        if (mailbox != null) {
            agent.addProperty(FOAF.mbox, model.createResource(mailbox));
        }
        return agent;
    }

    /** A vCard: DCAT-AP's range is {@code vcard:Kind}, so the subclass is stated next to it. */
    private Resource contactPoint(Contact contact, String name) {
        Resource card = model.createResource()
                .addProperty(RDF.type, VCARD4.Kind)
                .addProperty(RDF.type, contact.organisationName() != null ? VCARD4.Organization : VCARD4.Individual)
                .addProperty(VCARD4.fn, name);
        String mailbox = IriSanitizer.mailto(contact.email());
        if (mailbox != null) {
            card.addProperty(VCARD4.hasEmail, model.createResource(mailbox));
        }
        String phone = contact.phone() == null ? null : contact.phone().replaceAll("[^+0-9]", "");
        if (phone != null && phone.length() >= 4) {
            card.addProperty(VCARD4.hasTelephone, model.createResource("tel:" + phone));
        }
        String url = IriSanitizer.webIri(contact.url());
        if (url != null) {
            card.addProperty(VCARD4.hasURL, model.createResource(url));
        }
        return card;
    }

    private void addDates(Resource resource, CatalogRecord record) {
        LocalDate issued = record.dates().published() != null ? record.dates().published() : record.dates().created();
        if (issued != null) {
            resource.addProperty(DCTerms.issued, date(issued));
        }
        if (record.dates().revised() != null) {
            resource.addProperty(DCTerms.modified, date(record.dates().revised()));
        }
    }

    private void addCoverage(Resource resource, CatalogRecord record) {
        TemporalExtent period = record.temporalExtent();
        if (period != null && (period.start() != null || period.end() != null)) {
            Resource node = model.createResource(DCTerms.PeriodOfTime);
            if (period.start() != null) {
                node.addProperty(DCAT.startDate, date(period.start()));
            }
            if (period.end() != null) {
                node.addProperty(DCAT.endDate, date(period.end()));
            }
            resource.addProperty(DCTerms.temporal, node);
        }
        BoundingBox box = record.spatialExtent().bbox();
        String geometry = record.spatialExtent().geometry();
        if (box != null || geometry != null) {
            Resource location = model.createResource(DCTerms.Location);
            if (box != null) {
                location.addProperty(DCAT.bbox, wkt(polygon(box)));
            }
            location.addProperty(DcatApTerms.LOCN_GEOMETRY, wkt(geometry != null ? geometry : polygon(box)));
            resource.addProperty(DCTerms.spatial, location);
        }
        for (String place : record.spatialExtent().places()) {
            resource.addProperty(DCTerms.spatial, model.createResource(DCTerms.Location)
                    .addProperty(DcatApTerms.LOCN_GEOGRAPHIC_NAME, place));
        }
    }

    private void addLanguages(Resource resource, CatalogRecord record) {
        List<String> languages = record.resourceLanguages().isEmpty() && record.kind().isData()
                ? List.of(record.language()) : record.resourceLanguages();
        languages.stream().map(EuAuthorities::language).filter(Objects::nonNull).distinct()
                .forEach(uri -> resource.addProperty(DCTerms.language,
                        model.createResource(uri, DCTerms.LinguisticSystem)));
    }

    private void addRelations(Resource resource, CatalogRecord record, DcatClass dcatClass) {
        for (RelatedRecord related : record.relatedRecords()) {
            Resource target = relatedResource(related);
            if (target == null) {
                continue;
            }
            DcatClass targetClass = related.identifier() == null ? null : exported.get(related.identifier());
            if (RelatedRecord.PARENT.equals(related.association()) && dcatClass != DcatClass.DATA_SERVICE) {
                resource.addProperty(DCTerms.isPartOf, target);
            } else if (RelatedRecord.OPERATES_ON.equals(related.association())
                    && dcatClass == DcatClass.DATA_SERVICE && targetClass == DcatClass.DATASET) {
                // dcat:servesDataset's range is dcat:Dataset, so only for datasets typed in this same graph.
                resource.addProperty(DCAT.servesDataset, target);
            } else {
                resource.addProperty(DCTerms.relation, target);
            }
        }
    }

    /** The related record's DCAT URI when we know its identifier, else its link; null when neither is usable. */
    private @Nullable Resource relatedResource(RelatedRecord related) {
        if (related.identifier() != null) {
            DcatClass targetClass = exported.getOrDefault(related.identifier(), DcatClass.DATASET);
            return model.createResource(resourceUri(related.identifier(), targetClass));
        }
        String uri = IriSanitizer.webIri(related.uri());
        return uri == null ? null : model.createResource(uri);
    }

    private void addDatasetDetails(Resource dataset, CatalogRecord record) {
        String frequency = EuAuthorities.frequency(record.updateFrequency());
        if (frequency != null) {
            dataset.addProperty(DCTerms.accrualPeriodicity, model.createResource(frequency, DCTerms.Frequency));
        }
        addReferenceSystems(dataset, record);
        if (!record.lineage().isEmpty()) {
            Resource provenance = model.createResource(DCTerms.ProvenanceStatement);
            addTexts(provenance, RDFS.label, record.lineage(), record.language());
            dataset.addProperty(DCTerms.provenance, provenance);
        }
        for (String identifier : record.resourceIdentifiers()) {
            dataset.addProperty(DcatApTerms.ADMS_IDENTIFIER, model.createResource(DcatApTerms.ADMS_IDENTIFIER_CLASS)
                    .addProperty(SKOS.notation, identifier));
        }
        Resource accessRights = accessRights(record);
        if (accessRights != null) {
            dataset.addProperty(DCTerms.accessRights, accessRights);
        }
        int index = 0;
        for (OnlineResource link : record.onlineResources()) {
            if (link.kind() == ResourceKind.DOCUMENTATION || link.kind() == ResourceKind.LANDING_PAGE) {
                continue;
            }
            String accessUrl = IriSanitizer.webIri(link.url());
            if (accessUrl != null) {
                String uri = recordPage(record.id()) + "#distribution-" + (++index);
                dataset.addProperty(DCAT.distribution, distribution(uri, accessUrl, link, record));
            }
        }
    }

    private void addServiceDetails(Resource service, CatalogRecord record) {
        for (String endpoint : DcatClass.endpoints(record)) {
            service.addProperty(DCAT.endpointURL, model.createResource(endpoint));
        }
        addReferenceSystems(service, record);
        Resource accessRights = accessRights(record);
        if (accessRights != null) {
            service.addProperty(DCTerms.accessRights, accessRights);
        }
        Resource licence = licence(record);
        if (licence != null) {
            service.addProperty(DCTerms.license, licence);
        }
    }

    private Resource distribution(String uri, String accessUrl, OnlineResource link, CatalogRecord record) {
        Resource distribution = model.createResource(uri, DCAT.Distribution);
        distribution.addProperty(DCAT.accessURL, model.createResource(accessUrl));
        if (link.kind() == ResourceKind.DOWNLOAD) {
            distribution.addProperty(DCAT.downloadURL, model.createResource(accessUrl));
        }
        if (link.name() != null) {
            distribution.addProperty(DCTerms.title, literal(link.name(), record.language()));
        }
        if (link.description() != null) {
            distribution.addProperty(DCTerms.description, literal(link.description(), record.language()));
        }
        addFormat(distribution, link, record);
        Resource licence = licence(record);
        if (licence != null) {
            distribution.addProperty(DCTerms.license, licence);
        }
        Resource rights = rights(record);
        if (rights != null) {
            distribution.addProperty(DCTerms.rights, rights);
        }
        if (link.kind() == ResourceKind.SERVICE || link.kind() == ResourceKind.API) {
            // GeoDCAT-AP practice: the service behind a distribution, so clients know it is an endpoint, not a file.
            Resource service = model.createResource(DCAT.DataService)
                    .addProperty(DCTerms.title, link.protocol() != null ? link.protocol()
                            : link.name() != null ? link.name() : accessUrl)
                    .addProperty(DCAT.endpointURL, model.createResource(accessUrl));
            distribution.addProperty(DCAT.accessService, service);
        }
        return distribution;
    }

    /** {@code dct:format} (EU file type) and {@code dcat:mediaType} (IANA), each at most once as DCAT-AP requires. */
    private void addFormat(Resource distribution, OnlineResource link, CatalogRecord record) {
        FileFormats.FileFormat format = FileFormats.byName(link.format());
        if (format == null) {
            format = FileFormats.byProtocol(link.protocol());
        }
        if (format == null && link.kind() == ResourceKind.DOWNLOAD) {
            format = FileFormats.byExtension(link.url());
            if (format == null && link.format() == null && record.formats().size() == 1) {
                format = FileFormats.byName(record.formats().get(0).name());
            }
        }
        if (format != null && format.fileTypeUri() != null) {
            distribution.addProperty(DCTerms.format, model.createResource(format.fileTypeUri())
                    .addProperty(RDF.type, DCTerms.MediaTypeOrExtent));
        } else if (format == null && link.format() != null) {
            // Unknown names stay visible as a labelled node rather than an invented code.
            distribution.addProperty(DCTerms.format, model.createResource(DCTerms.MediaTypeOrExtent)
                    .addProperty(RDFS.label, link.format()));
        }
        if (format != null && format.mediaTypeUri() != null) {
            distribution.addProperty(DCAT.mediaType, model.createResource(format.mediaTypeUri())
                    .addProperty(RDF.type, DCTerms.MediaType)
                    .addProperty(RDF.type, DCTerms.MediaTypeOrExtent));
        }
    }

    /**
     * The licence: the record's own, recognised to its canonical URI when it is a known one; else a known licence
     * named in the other constraints (French records often state it there); else none.
     */
    private @Nullable Resource licence(CatalogRecord record) {
        LinkedText stated = record.licence();
        KnownLicences.Licence known = stated == null ? null : KnownLicences.recognise(stated.text(), stated.uri());
        if (stated != null && known == null) {
            String uri = IriSanitizer.webIri(stated.uri());
            Resource document = uri == null ? model.createResource() : model.createResource(uri);
            document.addProperty(RDF.type, DCTerms.LicenseDocument);
            if (!document.hasProperty(RDFS.label)) {
                document.addProperty(RDFS.label, stated.label());
            }
            return document;
        }
        if (known == null) {
            known = record.otherConstraints().stream().map(c -> KnownLicences.recognise(c.text(), c.uri()))
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        if (known == null) {
            return null;
        }
        Resource document = model.createResource(known.uri(), DCTerms.LicenseDocument);
        if (!document.hasProperty(RDFS.label)) {
            document.addProperty(RDFS.label, known.label());
        }
        return document;
    }

    /**
     * {@code dct:accessRights} (at most one), which says whether the data is publicly accessible: the EU "public"
     * code when the record says so (INSPIRE {@code noLimitations}, its usual wordings, ISO {@code unrestricted});
     * a statement of the ISO codes that do restrict access ({@code restricted}, {@code confidential}...) or of the
     * INSPIRE limitation anchor; none when the record states neither. Conditions of use go to {@link #rights}.
     */
    private @Nullable Resource accessRights(CatalogRecord record) {
        List<String> restrictions = new ArrayList<>(record.accessConstraints().stream()
                .filter(code -> ACCESS_RESTRICTIONS.contains(code.toLowerCase(Locale.ROOT))).toList());
        boolean unrestricted = record.accessConstraints().stream()
                .anyMatch(code -> code.equalsIgnoreCase("unrestricted") || code.equalsIgnoreCase("licenceUnrestricted"));
        String limitationAnchor = null;
        for (LinkedText constraint : record.otherConstraints()) {
            if (isNoLimitation(constraint)) {
                unrestricted = true;
            } else if (constraint.uri() != null && constraint.uri().contains("LimitationsOnPublicAccess")) {
                limitationAnchor = IriSanitizer.webIri(constraint.uri());
                restrictions.add(constraint.label());
            }
        }
        if (restrictions.isEmpty()) {
            return unrestricted ? model.createResource(EuAuthorities.ACCESS_RIGHT + "PUBLIC", DCTerms.RightsStatement)
                    : null;
        }
        return rightsStatement(limitationAnchor, restrictions, record);
    }

    /**
     * {@code dct:rights} of a distribution (at most one statement): the conditions of use — use limitations and the
     * legal texts that are neither the licence nor a statement about public access.
     */
    private @Nullable Resource rights(CatalogRecord record) {
        List<String> texts = new ArrayList<>(record.useLimitations());
        for (LinkedText constraint : record.otherConstraints()) {
            if (!isNoLimitation(constraint) && KnownLicences.recognise(constraint.text(), constraint.uri()) == null
                    && (constraint.uri() == null || !constraint.uri().contains("LimitationsOnPublicAccess"))) {
                texts.add(constraint.label());
            }
        }
        return texts.isEmpty() ? null : rightsStatement(null, texts, record);
    }

    /** A rights statement labelled with each text once, in the record's language; a blank node unless given a URI. */
    private Resource rightsStatement(@Nullable String uri, List<String> texts, CatalogRecord record) {
        Resource statement = uri == null ? model.createResource() : model.createResource(uri);
        statement.addProperty(RDF.type, DCTerms.RightsStatement);
        texts.stream().distinct().forEach(text -> statement.addProperty(RDFS.label, literal(text, record.language())));
        return statement;
    }

    private static boolean isNoLimitation(LinkedText constraint) {
        String all = ((constraint.text() == null ? "" : constraint.text()) + " "
                + (constraint.uri() == null ? "" : constraint.uri())).toLowerCase(Locale.ROOT);
        return all.contains("nolimitations") || all.contains("no limitations") || all.contains("pas de restriction")
                || all.contains("aucune restriction");
    }

    /** Reference systems as {@code dct:conformsTo}: EPSG codes as OGC URIs, others as labelled standards. */
    private void addReferenceSystems(Resource resource, CatalogRecord record) {
        for (String system : record.referenceSystems()) {
            Matcher epsg = EPSG_CODE.matcher(system);
            String code = epsg.find() ? epsg.group(1) : WGS84.matcher(system).matches() ? "4326" : null;
            Resource standard = code != null ? model.createResource(EPSG + code) : model.createResource();
            standard.addProperty(RDF.type, DCTerms.Standard);
            if (!standard.hasProperty(RDFS.label)) {
                standard.addProperty(RDFS.label, code != null ? "EPSG:" + code : system);
            }
            resource.addProperty(DCTerms.conformsTo, standard);
        }
    }

    private Resource document(String url, @Nullable String title) {
        Resource document = model.createResource(url, FOAF.Document);
        if (title != null && !document.hasProperty(DCTerms.title)) {
            document.addProperty(DCTerms.title, title);
        }
        return document;
    }

    private void addTexts(Resource resource, Property property, LocalizedText text, String recordLanguage) {
        text.values().forEach((lang, value) -> resource.addProperty(property, literal(value, lang, recordLanguage)));
    }

    /** A literal in the record's language (untagged when that is not a valid language code). */
    private Literal literal(String text, String recordLanguage) {
        return literal(text, recordLanguage, recordLanguage);
    }

    /** A literal tagged with {@code lang} when it is a valid tag, else with the record's language, else untagged. */
    private Literal literal(String text, @Nullable String lang, String recordLanguage) {
        String tag = EuAuthorities.literalLanguage(lang);
        if (tag == null) {
            tag = EuAuthorities.literalLanguage(recordLanguage);
        }
        return tag == null ? model.createLiteral(text) : model.createLiteral(text, tag);
    }

    private Literal date(LocalDate date) {
        return model.createTypedLiteral(date.toString(), XSDDatatype.XSDdate);
    }

    private Literal wkt(String wkt) {
        return model.createTypedLiteral(wkt, DcatApTerms.WKT_LITERAL);
    }

    private static String polygon(BoundingBox box) {
        return "POLYGON" + box.wktRing();
    }
}
