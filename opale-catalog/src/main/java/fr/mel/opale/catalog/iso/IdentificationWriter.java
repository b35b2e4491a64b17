package fr.mel.opale.catalog.iso;

import static fr.mel.opale.catalog.iso.IsoXmlStream.GCO;
import static fr.mel.opale.catalog.iso.IsoXmlStream.GMD;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.GraphicOverview;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * The record's {@code identificationInfo}: {@code gmd:MD_DataIdentification}, or {@code srv:SV_ServiceIdentification}
 * for a service. Both share the elements of {@code AbstractMD_Identification}, written here in the schema's order
 * (citation, abstract, status, contacts, maintenance, overviews, keywords, constraints, aggregations); each then
 * appends its own tail ({@link ServiceWriter} for services).
 */
final class IdentificationWriter {
    /** Associations written elsewhere than in {@code aggregationInfo}. */
    private static final Set<String> NOT_AGGREGATES =
            Set.of(RelatedRecord.PARENT, RelatedRecord.OPERATES_ON, RelatedRecord.FEATURE_CATALOGUE);

    private IdentificationWriter() {
    }

    static void write(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        xml.start(GMD, "identificationInfo");
        if (record.kind() == RecordKind.SERVICE) {
            xml.start(IsoXmlStream.SRV, "SV_ServiceIdentification");
            common(xml, record);
            ServiceWriter.tail(xml, record);
        } else {
            xml.start(GMD, "MD_DataIdentification");
            common(xml, record);
            dataTail(xml, record);
        }
        xml.end();
        xml.end();
    }

    private static void common(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        citation(xml, record);
        xml.text(GMD, "abstract", record.description(), null, true);
        xml.code(GMD, "status", GMD, "MD_ProgressCode", record.status());
        for (Contact contact : record.resourceContacts()) {
            ContactWriter.write(xml, "pointOfContact", contact);
        }
        if (record.updateFrequency() != null) {
            xml.start(GMD, "resourceMaintenance");
            xml.start(GMD, "MD_MaintenanceInformation");
            xml.code(GMD, "maintenanceAndUpdateFrequency", GMD, "MD_MaintenanceFrequencyCode",
                    record.updateFrequency());
            xml.end();
            xml.end();
        }
        for (GraphicOverview overview : record.overviews()) {
            xml.start(GMD, "graphicOverview");
            xml.start(GMD, "MD_BrowseGraphic");
            xml.string(GMD, "fileName", overview.url());
            xml.string(GMD, "fileDescription", overview.description());
            xml.string(GMD, "fileType", overview.mediaType());
            xml.end();
            xml.end();
        }
        keywords(xml, record.keywords());
        ConstraintsWriter.write(xml, record);
        for (RelatedRecord related : record.relatedRecords()) {
            if (!NOT_AGGREGATES.contains(related.association())) {
                aggregate(xml, related);
            }
        }
    }

    private static void citation(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        xml.start(GMD, "citation");
        xml.start(GMD, "CI_Citation");
        xml.text(GMD, "title", record.title(), null, true);
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        putValid(dates, "creation", record.dates().created());
        putValid(dates, "publication", record.dates().published());
        putValid(dates, "revision", record.dates().revised());
        if (dates.isEmpty()) {
            xml.nil(GMD, "date", "missing");
        }
        for (Map.Entry<String, LocalDate> date : dates.entrySet()) {
            citationDate(xml, date.getValue(), date.getKey());
        }
        for (String identifier : record.resourceIdentifiers()) {
            xml.start(GMD, "identifier");
            xml.start(GMD, "MD_Identifier");
            xml.string(GMD, "code", identifier);
            xml.end();
            xml.end();
        }
        xml.end();
        xml.end();
    }

    private static void putValid(Map<String, LocalDate> dates, String type, @Nullable LocalDate date) {
        if (SchemaValues.date(date) != null) {
            dates.put(type, date);
        }
    }

    /** {@code gmd:date/gmd:CI_Date} with its {@code CI_DateTypeCode}; nil ({@code unknown}) without a valid date. */
    static void citationDate(IsoXmlStream xml, @Nullable LocalDate date, String type) throws XMLStreamException {
        if (SchemaValues.date(date) == null) {
            xml.nil(GMD, "date", "unknown");
            return;
        }
        xml.start(GMD, "date");
        xml.start(GMD, "CI_Date");
        xml.date(GMD, "date", date);
        xml.code(GMD, "dateType", GMD, "CI_DateTypeCode", type);
        xml.end();
        xml.end();
    }

    /**
     * One {@code MD_Keywords} per (thesaurus, type), in order of first appearance, as ISO wants a block's type and
     * thesaurus to apply to all its keywords. A keyword with a concept URI is an anchor.
     */
    private static void keywords(IsoXmlStream xml, List<Keyword> keywords) throws XMLStreamException {
        record Group(@Nullable ThesaurusCitation thesaurus, @Nullable String type) {
        }
        Map<Group, List<Keyword>> groups = new LinkedHashMap<>();
        for (Keyword keyword : keywords) {
            if (!keyword.label().isEmpty() || SchemaValues.uri(keyword.uri()) != null) {
                groups.computeIfAbsent(new Group(keyword.thesaurus(), keyword.type()), g -> new ArrayList<>())
                        .add(keyword);
            }
        }
        for (Map.Entry<Group, List<Keyword>> group : groups.entrySet()) {
            xml.start(GMD, "descriptiveKeywords");
            xml.start(GMD, "MD_Keywords");
            for (Keyword keyword : group.getValue()) {
                xml.text(GMD, "keyword", keyword.label(), keyword.uri(), false);
            }
            xml.code(GMD, "type", GMD, "MD_KeywordTypeCode", group.getKey().type());
            ThesaurusCitation thesaurus = group.getKey().thesaurus();
            if (thesaurus != null) {
                xml.start(GMD, "thesaurusName");
                xml.start(GMD, "CI_Citation");
                if (thesaurus.title() == null && SchemaValues.uri(thesaurus.uri()) == null) {
                    xml.nil(GMD, "title", "missing");
                } else {
                    xml.anchored(GMD, "title", thesaurus.title(), thesaurus.uri());
                }
                citationDate(xml, thesaurus.date(), "publication");
                xml.end();
                xml.end();
            }
            xml.end();
            xml.end();
        }
    }

    /**
     * A cross reference, larger work, source... as {@code MD_AggregateInformation}: the other record's title as a
     * citation, its identifier (an anchor to its URI when known) and the association type.
     */
    private static void aggregate(IsoXmlStream xml, RelatedRecord related) throws XMLStreamException {
        boolean identified = related.identifier() != null || SchemaValues.uri(related.uri()) != null;
        if (related.title() == null && !identified) {
            return;
        }
        xml.start(GMD, "aggregationInfo");
        xml.start(GMD, "MD_AggregateInformation");
        if (related.title() != null) {
            xml.start(GMD, "aggregateDataSetName");
            xml.start(GMD, "CI_Citation");
            xml.string(GMD, "title", related.title());
            xml.nil(GMD, "date", "unknown");
            xml.end();
            xml.end();
        }
        if (identified) {
            xml.start(GMD, "aggregateDataSetIdentifier");
            xml.start(GMD, "MD_Identifier");
            xml.anchored(GMD, "code", related.identifier(), related.uri());
            xml.end();
            xml.end();
        }
        xml.code(GMD, "associationType", GMD, "DS_AssociationTypeCode", related.association());
        xml.end();
        xml.end();
    }

    /** What only {@code MD_DataIdentification} has: scales, languages, encoding, topics, extent. */
    private static void dataTail(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        for (int denominator : record.scaleDenominators()) {
            if (denominator > 0) {
                xml.start(GMD, "spatialResolution");
                xml.start(GMD, "MD_Resolution");
                xml.start(GMD, "equivalentScale");
                xml.start(GMD, "MD_RepresentativeFraction");
                xml.start(GMD, "denominator");
                xml.simple(GCO, "Integer", Integer.toString(denominator));
                xml.end();
                xml.end();
                xml.end();
                xml.end();
                xml.end();
            }
        }
        // The schema requires a resource language; without one, the metadata's language is the best guess.
        List<String> languages = record.resourceLanguages().isEmpty() ? List.of(record.language())
                : record.resourceLanguages();
        for (String language : languages) {
            xml.language(GMD, "language", language);
        }
        // Opale serves the data it holds (downloads, APIs) in UTF-8 whatever the source's encoding.
        xml.code(GMD, "characterSet", GMD, "MD_CharacterSetCode", "utf8");
        for (String topic : record.topicCategories()) {
            if (IsoCodes.isTopicCategory(topic)) {
                xml.start(GMD, "topicCategory");
                xml.simple(GMD, "MD_TopicCategoryCode", topic);
                xml.end();
            }
        }
        if (ExtentWriter.hasExtent(record)) {
            ExtentWriter.write(xml, GMD, "extent", record);
        }
    }
}
