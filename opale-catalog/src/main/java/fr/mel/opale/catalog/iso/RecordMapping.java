package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.GraphicOverview;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.ResourceDates;
import fr.mel.opale.catalog.model.ServiceInfo;
import fr.mel.opale.catalog.model.SourceInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Maps one {@code MD_Metadata} element, ISO 19139 or ISO 19115-3, onto a {@link CatalogRecord}. Both standards
 * share most local names; where they differ, both paths are tried (19139 first), so one mapping serves both and a
 * hybrid record still reads. Every field is optional except the identifier.
 */
final class RecordMapping {
    /** Prefix of identifiers derived from the title of a record that has none. */
    static final String DERIVED_ID_PREFIX = "sans-identifiant-";
    private static final String SERVICE_IDENTIFICATION = "SV_ServiceIdentification";
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n\\t]+\\s*");

    private final Element metadata;
    private final @Nullable Element identification;
    private final @Nullable Element citation;
    private final FreeText freeText;

    RecordMapping(Element metadata) {
        this.metadata = metadata;
        this.identification = Dom.first(metadata, "identificationInfo", "*");
        this.citation = Dom.first(identification, "citation", "CI_Citation");
        this.freeText = FreeText.of(metadata, metadataLanguage());
    }

    /**
     * The record's identifier: 19139 {@code fileIdentifier}, 19115-3 {@code metadataIdentifier} code, else a
     * {@code uuid} attribute or GeoNetwork's {@code geonet:info/uuid}; line breaks and tabs that editors leave
     * inside are removed. A record with none of these (some CNIG records ship an empty {@code fileIdentifier}) falls
     * back to its resource identifier, then to an id derived from its title ({@value #DERIVED_ID_PREFIX} + the
     * start of the title's SHA-256), so that importing the same record twice updates it instead of duplicating it,
     * while the visible prefix tells the producer to fix the record. Null only when there is no title either.
     */
    @Nullable String id() {
        String id = identifier(Dom.first(metadata, "fileIdentifier"));
        if (id == null) {
            id = identifier(Dom.first(metadata, "metadataIdentifier", "*", "code"));
        }
        if (id == null) {
            id = Dom.attr(metadata, "uuid");
        }
        if (id == null) {
            id = identifier(Dom.first(metadata, "info", "uuid"));
        }
        for (Element code : Dom.all(citation, "identifier", "*", "code")) {
            id = id == null ? identifier(code) : id;
        }
        if (id != null) {
            return id;
        }
        String title = freeText.read(Dom.first(citation, "title")).text();
        return title == null ? null : DERIVED_ID_PREFIX + sha256(title.toLowerCase(Locale.ROOT));
    }

    /** An identifier without the line breaks and tabs (and the spaces around them) that editors leave inside. */
    private static @Nullable String identifier(@Nullable Element property) {
        String raw = Dom.rawPlainText(property);
        return raw == null ? null : Dom.oneLine(LINE_BREAKS.matcher(raw.strip()).replaceAll(""));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 est toujours disponible dans le JDK", e);
        }
    }

    CatalogRecord record(String id, SourceInfo source) {
        List<Element> extents = Dom.all(identification, "extent", "EX_Extent");
        List<Element> distributions = Dom.all(metadata, "distributionInfo", "*");
        List<Contact> resourceContacts =
                ContactMapping.read(Dom.children(identification, "pointOfContact"), Contact.Scope.RESOURCE);
        List<Contact> contacts = new ArrayList<>(
                ContactMapping.read(Dom.children(metadata, "contact"), Contact.Scope.METADATA));
        contacts.addAll(resourceContacts);
        contacts.addAll(ContactMapping.read(distributorContacts(distributions), Contact.Scope.DISTRIBUTION));
        ConstraintMapping constraints = ConstraintMapping.read(identification);
        boolean service = identification != null
                && SERVICE_IDENTIFICATION.equals(Dom.localName(identification));

        return CatalogRecord.builder(id)
                .kind(service ? RecordKind.SERVICE : RecordKind.fromIsoScope(scope()))
                .language(freeText.mainLanguage())
                .title(freeText.read(Dom.first(citation, "title")))
                .description(freeText.readParagraphs(Dom.first(identification, "abstract")))
                .resourceIdentifiers(texts(Dom.all(citation, "identifier", "*", "code")))
                .keywords(KeywordMapping.read(identification, freeText))
                .topicCategories(texts(Dom.children(identification, "topicCategory")))
                .publisher(ContactMapping.publisher(resourceContacts))
                .contacts(contacts)
                .licence(constraints.licence())
                .accessConstraints(constraints.accessConstraints())
                .useLimitations(constraints.useLimitations())
                .otherConstraints(constraints.otherConstraints())
                .updateFrequency(Dom.code(identification, "resourceMaintenance", "MD_MaintenanceInformation",
                        "maintenanceAndUpdateFrequency"))
                .status(Dom.code(identification, "status"))
                .resourceLanguages(resourceLanguages())
                .dates(resourceDates())
                .temporalExtent(ExtentMapping.temporal(extents))
                .spatialExtent(ExtentMapping.spatial(extents))
                .referenceSystems(referenceSystems())
                .scaleDenominators(scaleDenominators())
                .lineage(lineage())
                .onlineResources(LinkMapping.read(distributions))
                .formats(formats(distributions))
                .overviews(overviews())
                .relatedRecords(relatedRecords())
                .service(service ? serviceInfo(identification) : null)
                .metadataDate(metadataDate())
                .source(source)
                .build();
    }

    /** Which standard the record follows, from its namespace, else from 19115-3-only elements. */
    String standard() {
        String namespace = Objects.requireNonNullElse(metadata.getNamespaceURI(), "");
        if (namespace.contains("isotc211.org/2005")) {
            return IsoReader.ISO_19139;
        }
        if (namespace.contains("standards.iso.org/iso/19115/-3")) {
            return IsoReader.ISO_19115_3;
        }
        boolean newStyle = Dom.first(metadata, "metadataIdentifier") != null
                || Dom.first(metadata, "metadataScope") != null || Dom.first(metadata, "defaultLocale") != null;
        return newStyle ? IsoReader.ISO_19115_3 : IsoReader.ISO_19139;
    }

    private String metadataLanguage() {
        String code = Dom.code(metadata, "language");
        if (code == null) {
            code = Dom.code(metadata, "defaultLocale", "PT_Locale", "language");
        }
        String language = Languages.twoLetter(code);
        return language == null ? "fr" : language;
    }

    private @Nullable String scope() {
        String scope = Dom.code(metadata, "hierarchyLevel");
        return scope != null ? scope : Dom.code(metadata, "metadataScope", "MD_MetadataScope", "resourceScope");
    }

    private List<String> resourceLanguages() {
        List<Element> languages = new ArrayList<>(Dom.children(identification, "language"));
        languages.addAll(Dom.all(identification, "defaultLocale", "PT_Locale", "language"));
        languages.addAll(Dom.all(identification, "otherLocale", "PT_Locale", "language"));
        return languages.stream().map(Dom::code).map(Languages::twoLetter).filter(Objects::nonNull).toList();
    }

    /** Earliest creation, earliest publication, latest revision among the citation's dates. */
    private ResourceDates resourceDates() {
        LocalDate created = null;
        LocalDate published = null;
        LocalDate revised = null;
        for (Element date : Dom.all(citation, "date", "CI_Date")) {
            LocalDate value = IsoDates.date(Dom.text(date, "date"));
            String type = Dom.code(date, "dateType");
            if (value == null || type == null) {
                continue;
            }
            switch (type.toLowerCase(Locale.ROOT)) {
                case "creation" -> created = created == null || value.isBefore(created) ? value : created;
                case "publication" -> published = published == null || value.isBefore(published) ? value : published;
                case "revision" -> revised = revised == null || value.isAfter(revised) ? value : revised;
                default -> { }
            }
        }
        return new ResourceDates(created, published, revised);
    }

    /** 19139 {@code dateStamp}; 19115-3 {@code dateInfo} of type revision, else creation, else the first one. */
    private @Nullable LocalDateTime metadataDate() {
        LocalDateTime stamp = IsoDates.dateTime(Dom.text(metadata, "dateStamp"));
        if (stamp != null) {
            return stamp;
        }
        LocalDateTime creation = null;
        LocalDateTime any = null;
        for (Element date : Dom.all(metadata, "dateInfo", "CI_Date")) {
            LocalDateTime value = IsoDates.dateTime(Dom.text(date, "date"));
            String type = Objects.requireNonNullElse(Dom.code(date, "dateType"), "");
            if (value == null) {
                continue;
            }
            if (type.equalsIgnoreCase("revision")) {
                return value;
            }
            if (type.equalsIgnoreCase("creation") && creation == null) {
                creation = value;
            }
            any = any == null ? value : any;
        }
        return creation != null ? creation : any;
    }

    /** Codes of the reference systems, an EPSG URI when the code is an anchor to one, else the written code. */
    private List<String> referenceSystems() {
        List<String> systems = new ArrayList<>();
        for (Element code : Dom.all(metadata, "referenceSystemInfo", "MD_ReferenceSystem",
                "referenceSystemIdentifier", "*", "code")) {
            String href = Dom.href(code);
            String text = Dom.text(code);
            if (href != null && href.toLowerCase(Locale.ROOT).contains("epsg")) {
                systems.add(href);
            } else if (text != null || href != null) {
                systems.add(text != null ? text : href);
            }
        }
        return systems;
    }

    private List<Integer> scaleDenominators() {
        List<Integer> scales = new ArrayList<>();
        for (Element denominator : Dom.all(identification, "spatialResolution", "MD_Resolution", "equivalentScale",
                "MD_RepresentativeFraction", "denominator")) {
            String text = Dom.text(denominator);
            if (text == null) {
                continue;
            }
            try {
                BigDecimal value = new BigDecimal(text.replaceAll("[\\s\\u00a0]", "").replace(',', '.'));
                if (value.signum() > 0) {
                    scales.add(value.intValueExact());
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // A scale like "1/25000" or "environ 25 000" is not a denominator; skip it.
            }
        }
        return scales;
    }

    private LocalizedText lineage() {
        List<Element> statements = new ArrayList<>(Dom.all(metadata, "dataQualityInfo", "DQ_DataQuality", "lineage",
                "LI_Lineage", "statement"));
        statements.addAll(Dom.all(metadata, "resourceLineage", "LI_Lineage", "statement"));
        for (Element statement : statements) {
            LocalizedText text = freeText.readParagraphs(statement);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return LocalizedText.empty();
    }

    private static List<Element> distributorContacts(List<Element> distributions) {
        List<Element> contacts = new ArrayList<>();
        for (Element distribution : distributions) {
            contacts.addAll(Dom.all(distribution, "distributor", "MD_Distributor", "distributorContact"));
        }
        return contacts;
    }

    /** 19139 {@code name}/{@code version}; 19115-3 {@code formatSpecificationCitation} title/edition. */
    private static List<Format> formats(List<Element> distributions) {
        Set<Format> formats = new LinkedHashSet<>();
        for (Element distribution : distributions) {
            List<Element> declared = new ArrayList<>(Dom.all(distribution, "distributionFormat", "MD_Format"));
            declared.addAll(Dom.all(distribution, "distributor", "MD_Distributor", "distributorFormat", "MD_Format"));
            for (Element format : declared) {
                Element specification = Dom.first(format, "formatSpecificationCitation", "CI_Citation");
                String name = firstNonNull(Dom.text(format, "name"), Dom.text(specification, "title"));
                String version = firstNonNull(Dom.text(format, "version"), Dom.text(specification, "edition"));
                if (name != null) {
                    formats.add(new Format(name, version));
                }
            }
        }
        return new ArrayList<>(formats);
    }

    private List<GraphicOverview> overviews() {
        List<GraphicOverview> overviews = new ArrayList<>();
        for (Element graphic : Dom.all(identification, "graphicOverview", "MD_BrowseGraphic")) {
            String url = firstNonNull(Dom.text(graphic, "fileName"),
                    Dom.text(graphic, "linkage", "CI_OnlineResource", "linkage"));
            if (url != null) {
                overviews.add(new GraphicOverview(url, freeText.read(Dom.first(graphic, "fileDescription")).text(),
                        Dom.text(graphic, "fileType")));
            }
        }
        return overviews;
    }

    private List<RelatedRecord> relatedRecords() {
        List<RelatedRecord> related = new ArrayList<>();
        String parent = Dom.text(metadata, "parentIdentifier");
        if (parent != null) {
            related.add(new RelatedRecord(parent, null, null, RelatedRecord.PARENT));
        }
        addReference(related, Dom.first(metadata, "parentMetadata"), RelatedRecord.PARENT);
        for (Element aggregate : Dom.all(identification, "aggregationInfo", "MD_AggregateInformation")) {
            Element code = Dom.first(aggregate, "aggregateDataSetIdentifier", "*", "code");
            Element name = Dom.first(aggregate, "aggregateDataSetName", "CI_Citation");
            addIfAny(related, new RelatedRecord(
                    firstNonNull(Dom.text(code), Dom.text(name, "identifier", "*", "code")),
                    firstNonNull(Dom.href(code), Dom.attr(Dom.first(aggregate, "aggregateDataSetIdentifier"), "href")),
                    Dom.text(name, "title"), Dom.code(aggregate, "associationType")));
        }
        for (Element associated : Dom.all(identification, "associatedResource", "MD_AssociatedResource")) {
            Element reference = Dom.first(associated, "metadataReference");
            Element name = Dom.first(associated, "name", "CI_Citation");
            addIfAny(related, new RelatedRecord(
                    firstNonNull(Dom.attr(reference, "uuidref"),
                            firstNonNull(Dom.text(reference, "CI_Citation", "identifier", "*", "code"),
                                    Dom.text(name, "identifier", "*", "code"))),
                    firstNonNull(Dom.attr(reference, "href"), Dom.attr(Dom.first(associated, "name"), "href")),
                    firstNonNull(Dom.text(name, "title"), Dom.text(reference, "CI_Citation", "title")),
                    Dom.code(associated, "associationType")));
        }
        for (Element operatesOn : Dom.children(identification, "operatesOn")) {
            addReference(related, operatesOn, RelatedRecord.OPERATES_ON);
        }
        for (Element catalogue : Dom.descendants(metadata, "featureCatalogueCitation")) {
            addReference(related, catalogue, RelatedRecord.FEATURE_CATALOGUE);
        }
        return related;
    }

    /**
     * A reference by attributes ({@code uuidref}, {@code xlink:href}) or by an inline citation, directly or inside
     * an inline identification ({@code srv:operatesOn/MD_DataIdentification/citation}).
     */
    private static void addReference(List<RelatedRecord> related, @Nullable Element reference, String association) {
        if (reference == null) {
            return;
        }
        Element cited = Dom.first(reference, "CI_Citation");
        if (cited == null) {
            cited = Dom.first(reference, "*", "citation", "CI_Citation");
        }
        addIfAny(related, new RelatedRecord(
                firstNonNull(Dom.attr(reference, "uuidref"), Dom.text(cited, "identifier", "*", "code")),
                Dom.attr(reference, "href"), Dom.text(cited, "title"), association));
    }

    private static void addIfAny(List<RelatedRecord> related, RelatedRecord record) {
        if (record.identifier() != null || record.uri() != null || record.title() != null) {
            related.add(record);
        }
    }

    private static ServiceInfo serviceInfo(Element service) {
        return new ServiceInfo(Dom.text(service, "serviceType"), texts(Dom.children(service, "serviceTypeVersion")),
                Dom.code(service, "couplingType"));
    }

    private static List<String> texts(List<Element> properties) {
        return properties.stream().map(Dom::text).filter(Objects::nonNull).toList();
    }

    private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second) {
        return first != null ? first : second;
    }
}
