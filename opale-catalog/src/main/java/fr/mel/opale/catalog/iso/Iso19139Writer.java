package fr.mel.opale.catalog.iso;

import static fr.mel.opale.catalog.iso.IsoXmlStream.GCO;
import static fr.mel.opale.catalog.iso.IsoXmlStream.GMD;
import static fr.mel.opale.catalog.iso.IsoXmlStream.GMX;
import static fr.mel.opale.catalog.iso.IsoXmlStream.XLINK;
import static fr.mel.opale.catalog.iso.IsoXmlStream.XSI;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RelatedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link CatalogRecord} as an ISO 19139 {@code gmd:MD_Metadata} document (UTF-8) that validates against the
 * ISO/TS 19139:2007 schemas (gmd, gmx, srv 1.0, GML 3.2.1): elements in the order of each schema sequence, mandatory
 * elements always present (nil with a {@code gco:nilReason} when the record has nothing for them), and values the
 * schema would reject (a URL that cannot be an {@code xs:anyURI}, a date outside {@code xs:date}, a topic category
 * outside the enumeration) left out. Multilingual texts become {@code PT_FreeText} with the languages declared as
 * {@code gmd:locale}; a service is written as {@code srv:SV_ServiceIdentification}.
 *
 * <p>What ISO 19139 cannot hold is not written: a service's topic categories, scales and resource languages (the
 * service identification has no such elements), an online resource's format, the title of a service's operated
 * dataset, the URI of a parent record. {@link fr.mel.opale.catalog.model.RecordKind#MAP} and {@code REUSE} are
 * written as the {@code application} scope.
 *
 * <p>Thread-safe: it holds nothing but its clock; each call writes through a StAX writer of its own.
 */
public final class Iso19139Writer {
    public static final String METADATA_STANDARD = "ISO 19115:2003/19139";
    public static final String METADATA_STANDARD_VERSION = "1.0";
    /** Where clients find the schemas; validators given the schemas themselves do not need it. */
    private static final String SCHEMA_LOCATION = GMD + " http://schemas.opengis.net/iso/19139/20070417/gmd/gmd.xsd "
            + GMX + " http://schemas.opengis.net/iso/19139/20070417/gmx/gmx.xsd "
            + IsoXmlStream.SRV + " http://schemas.opengis.net/iso/19139/20070417/srv/1.0/srv.xsd";
    /** The contact of last resort: the schema wants at least one metadata contact. */
    private static final String PLATFORM = "Opale";

    private final Clock clock;

    /** A writer dating undated metadata with the system clock. */
    public Iso19139Writer() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock gives the {@code dateStamp} of a record without {@link CatalogRecord#metadataDate()} */
    public Iso19139Writer(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /** The document's bytes (UTF-8). */
    public byte[] write(CatalogRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        write(record, out);
        return out.toByteArray();
    }

    /**
     * Writes the document to {@code out}, flushed but left open.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public void write(CatalogRecord record, OutputStream out) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(out, "out");
        try {
            XMLStreamWriter stax = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            IsoXmlStream xml = new IsoXmlStream(stax, record.language(), localeIds(record));
            metadata(xml, record);
            stax.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(e.getNestedException() instanceof IOException io ? io
                    : new IOException("Écriture ISO 19139 impossible : " + e.getMessage(), e));
        }
    }

    private void metadata(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        xml.startRoot(GMD, "MD_Metadata");
        xml.attribute(XSI, "schemaLocation", SCHEMA_LOCATION);
        xml.string(GMD, "fileIdentifier", record.id());
        xml.language(GMD, "language", record.language());
        xml.code(GMD, "characterSet", GMD, "MD_CharacterSetCode", "utf8");
        xml.string(GMD, "parentIdentifier", parentIdentifier(record));
        xml.code(GMD, "hierarchyLevel", GMD, "MD_ScopeCode", record.kind().isoScope());
        for (Contact contact : metadataContacts(record)) {
            ContactWriter.write(xml, "contact", contact);
        }
        xml.start(GMD, "dateStamp");
        String stamp = SchemaValues.dateTime(record.metadataDate());
        xml.simple(GCO, "DateTime", stamp != null ? stamp
                : SchemaValues.dateTime(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
        xml.end();
        xml.string(GMD, "metadataStandardName", METADATA_STANDARD);
        xml.string(GMD, "metadataStandardVersion", METADATA_STANDARD_VERSION);
        locales(xml);
        for (String system : record.referenceSystems()) {
            referenceSystem(xml, system);
        }
        IdentificationWriter.write(xml, record);
        featureCatalogues(xml, record);
        DistributionWriter.write(xml, record);
        lineage(xml, record);
        xml.end();
        xml.endDocument();
    }

    /**
     * A {@code PT_Locale} id for each language, other than the main one, that a written text is translated into.
     */
    private static Map<String, String> localeIds(CatalogRecord record) {
        Map<String, String> ids = new LinkedHashMap<>();
        Stream.concat(Stream.of(record.title(), record.description(), record.lineage()),
                        record.keywords().stream().map(Keyword::label))
                .map(LocalizedText::values).flatMap(values -> values.keySet().stream())
                .filter(language -> !language.equals(record.language()))
                .forEach(language -> {
                    if (!ids.containsKey(language)) {
                        String id = IsoXmlStream.localeId(language);
                        // Two spellings of a language could give one id; ids must be unique in the document.
                        while (ids.containsValue(id)) {
                            id = id + "_";
                        }
                        ids.put(language, id);
                    }
                });
        return ids;
    }

    private static void locales(IsoXmlStream xml) throws XMLStreamException {
        for (Map.Entry<String, String> locale : xml.localeIds().entrySet()) {
            xml.start(GMD, "locale");
            xml.start(GMD, "PT_Locale");
            xml.attribute("id", locale.getValue());
            xml.language(GMD, "languageCode", locale.getKey());
            xml.code(GMD, "characterEncoding", GMD, "MD_CharacterSetCode", "utf8");
            xml.end();
            xml.end();
        }
    }

    private static @Nullable String parentIdentifier(CatalogRecord record) {
        return record.relatedRecords().stream().filter(r -> RelatedRecord.PARENT.equals(r.association()))
                .map(r -> r.identifier() != null ? r.identifier() : r.uri()).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /**
     * The metadata contacts; without any, one made from the publisher, else the platform itself, as the schema
     * requires at least one.
     */
    private static List<Contact> metadataContacts(CatalogRecord record) {
        List<Contact> contacts = record.contacts().stream().filter(c -> c.scope() == Contact.Scope.METADATA)
                .toList();
        if (!contacts.isEmpty()) {
            return contacts;
        }
        Organisation publisher = record.publisher();
        String name = publisher != null && publisher.name() != null ? publisher.name() : PLATFORM;
        String email = publisher != null ? publisher.email() : null;
        String url = publisher != null ? publisher.uri() : null;
        return List.of(new Contact(null, name, null, email, null, null, url, "pointOfContact",
                Contact.Scope.METADATA));
    }

    /** An EPSG code as an anchor to its OGC definition URI; any other system by its written code. */
    private static void referenceSystem(IsoXmlStream xml, String system) throws XMLStreamException {
        xml.start(GMD, "referenceSystemInfo");
        xml.start(GMD, "MD_ReferenceSystem");
        xml.start(GMD, "referenceSystemIdentifier");
        xml.start(GMD, "RS_Identifier");
        String epsg = IsoCodes.epsgCode(system);
        if (epsg == null) {
            xml.string(GMD, "code", system);
        } else {
            boolean isUri = system.contains("://") || system.startsWith("urn:");
            xml.anchored(GMD, "code", isUri ? "EPSG:" + epsg : system, IsoCodes.EPSG_URI + epsg);
            xml.string(GMD, "codeSpace", "EPSG");
        }
        xml.end();
        xml.end();
        xml.end();
        xml.end();
    }

    /** Feature catalogues the record cites, by reference ({@code uuidref}, {@code xlink:href}) and title. */
    private static void featureCatalogues(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        List<RelatedRecord> catalogues = new ArrayList<>();
        for (RelatedRecord related : record.relatedRecords()) {
            if (RelatedRecord.FEATURE_CATALOGUE.equals(related.association())
                    && (related.identifier() != null || related.title() != null
                    || SchemaValues.uri(related.uri()) != null)) {
                catalogues.add(related);
            }
        }
        if (catalogues.isEmpty()) {
            return;
        }
        xml.start(GMD, "contentInfo");
        xml.start(GMD, "MD_FeatureCatalogueDescription");
        xml.start(GMD, "includedWithDataset");
        xml.simple(GCO, "Boolean", "false");
        xml.end();
        for (RelatedRecord catalogue : catalogues) {
            xml.start(GMD, "featureCatalogueCitation");
            if (catalogue.identifier() != null) {
                xml.attribute("uuidref", catalogue.identifier());
            }
            String href = SchemaValues.uri(catalogue.uri());
            if (href != null) {
                xml.attribute(XLINK, "href", href);
            }
            if (catalogue.title() != null) {
                xml.start(GMD, "CI_Citation");
                xml.string(GMD, "title", catalogue.title());
                xml.nil(GMD, "date", "unknown");
                xml.end();
            }
            xml.end();
        }
        xml.end();
        xml.end();
    }

    /** The lineage as a data quality statement whose scope is the record's own level. */
    private static void lineage(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        if (record.lineage().isEmpty()) {
            return;
        }
        xml.start(GMD, "dataQualityInfo");
        xml.start(GMD, "DQ_DataQuality");
        xml.start(GMD, "scope");
        xml.start(GMD, "DQ_Scope");
        xml.code(GMD, "level", GMD, "MD_ScopeCode", record.kind().isoScope());
        xml.end();
        xml.end();
        xml.start(GMD, "lineage");
        xml.start(GMD, "LI_Lineage");
        xml.text(GMD, "statement", record.lineage(), null, false);
        xml.end();
        xml.end();
        xml.end();
        xml.end();
    }
}
