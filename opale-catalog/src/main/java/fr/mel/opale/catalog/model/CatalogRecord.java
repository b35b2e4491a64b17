package fr.mel.opale.catalog.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One catalog record: the description of a dataset, series, service, map or reuse. Covers the ISO 19115 core and
 * the DCAT-AP 3 mandatory and recommended properties. Immutable; change it through {@link #toBuilder()}.
 *
 * <p>Language codes are two-letter (BCP 47: {@code fr}, {@code en}); code-list values (roles, frequencies, status,
 * topic categories) keep their ISO 19115 spelling ({@code pointOfContact}, {@code asNeeded}, {@code onGoing}...).
 *
 * @param id                 stable identifier (ISO {@code fileIdentifier}); never changes once stored
 * @param language           the main language of the metadata texts
 * @param description        the abstract, in Markdown
 * @param publisher          the organisation publishing the resource; null when unknown
 * @param updateFrequency    ISO MD_MaintenanceFrequencyCode value, null when not declared
 * @param status             ISO MD_ProgressCode value, null when not declared
 * @param licence            the licence (label and URL), null when none is stated
 * @param accessConstraints  ISO MD_RestrictionCode values restricting access
 * @param otherConstraints   legal texts and anchors (INSPIRE "no limitations on public access", CGU, ...)
 * @param metadataDate       when the metadata was last changed at its source
 */
public record CatalogRecord(
        String id,
        RecordKind kind,
        String language,
        LocalizedText title,
        LocalizedText description,
        List<String> resourceIdentifiers,
        List<Keyword> keywords,
        List<String> topicCategories,
        @Nullable Organisation publisher,
        List<Contact> contacts,
        @Nullable LinkedText licence,
        List<String> accessConstraints,
        List<String> useLimitations,
        List<LinkedText> otherConstraints,
        @Nullable String updateFrequency,
        @Nullable String status,
        List<String> resourceLanguages,
        ResourceDates dates,
        @Nullable TemporalExtent temporalExtent,
        SpatialExtent spatialExtent,
        List<String> referenceSystems,
        List<Integer> scaleDenominators,
        LocalizedText lineage,
        List<OnlineResource> onlineResources,
        List<Format> formats,
        List<GraphicOverview> overviews,
        List<RelatedRecord> relatedRecords,
        @Nullable ServiceInfo service,
        @Nullable LocalDateTime metadataDate,
        @Nullable SourceInfo source) {

    public CatalogRecord {
        id = Strings.trimToNull(id);
        if (id == null) {
            throw new IllegalArgumentException("Un enregistrement doit avoir un identifiant");
        }
        kind = kind == null ? RecordKind.DATASET : kind;
        language = Strings.trimToNull(language) == null ? "fr" : language.strip();
        title = title == null ? LocalizedText.empty() : title;
        description = description == null ? LocalizedText.empty() : description;
        resourceIdentifiers = Strings.texts(resourceIdentifiers);
        keywords = Strings.list(keywords);
        topicCategories = Strings.texts(topicCategories);
        contacts = Strings.list(contacts);
        licence = licence == null || licence.isEmpty() ? null : licence;
        accessConstraints = Strings.texts(accessConstraints);
        useLimitations = Strings.texts(useLimitations);
        otherConstraints = Strings.list(otherConstraints).stream().filter(c -> !c.isEmpty()).toList();
        updateFrequency = Strings.trimToNull(updateFrequency);
        status = Strings.trimToNull(status);
        resourceLanguages = Strings.texts(resourceLanguages);
        dates = dates == null ? ResourceDates.NONE : dates;
        spatialExtent = spatialExtent == null ? SpatialExtent.NONE : spatialExtent;
        referenceSystems = Strings.texts(referenceSystems);
        scaleDenominators = Strings.list(scaleDenominators);
        lineage = lineage == null ? LocalizedText.empty() : lineage;
        onlineResources = Strings.list(onlineResources);
        formats = Strings.list(formats);
        overviews = Strings.list(overviews);
        relatedRecords = Strings.list(relatedRecords);
    }

    /** Whether the resource has a place on a map (a box or a geometry), as opposed to a purely tabular dataset. */
    public boolean isGeographic() {
        return spatialExtent.bbox() != null || spatialExtent.geometry() != null;
    }

    /** Contacts for the resource itself (not for its metadata). */
    public List<Contact> resourceContacts() {
        return contacts.stream().filter(c -> c.scope() == Contact.Scope.RESOURCE).toList();
    }

    /** Keywords bound to a thesaurus. */
    public List<Keyword> thesaurusKeywords() {
        return keywords.stream().filter(k -> k.thesaurus() != null).toList();
    }

    public static Builder builder(String id) {
        return new Builder().id(id);
    }

    public Builder toBuilder() {
        return new Builder().id(id).kind(kind).language(language).title(title).description(description)
                .resourceIdentifiers(resourceIdentifiers).keywords(keywords).topicCategories(topicCategories)
                .publisher(publisher).contacts(contacts).licence(licence).accessConstraints(accessConstraints)
                .useLimitations(useLimitations).otherConstraints(otherConstraints).updateFrequency(updateFrequency)
                .status(status).resourceLanguages(resourceLanguages).dates(dates).temporalExtent(temporalExtent)
                .spatialExtent(spatialExtent).referenceSystems(referenceSystems)
                .scaleDenominators(scaleDenominators).lineage(lineage).onlineResources(onlineResources)
                .formats(formats).overviews(overviews).relatedRecords(relatedRecords).service(service)
                .metadataDate(metadataDate).source(source);
    }

    /** Mutable assembly of a record, for readers that discover fields in document order. Not thread-safe. */
    public static final class Builder {
        private String id;
        private RecordKind kind = RecordKind.DATASET;
        private String language = "fr";
        private LocalizedText title = LocalizedText.empty();
        private LocalizedText description = LocalizedText.empty();
        private List<String> resourceIdentifiers = new ArrayList<>();
        private List<Keyword> keywords = new ArrayList<>();
        private List<String> topicCategories = new ArrayList<>();
        private Organisation publisher;
        private List<Contact> contacts = new ArrayList<>();
        private LinkedText licence;
        private List<String> accessConstraints = new ArrayList<>();
        private List<String> useLimitations = new ArrayList<>();
        private List<LinkedText> otherConstraints = new ArrayList<>();
        private String updateFrequency;
        private String status;
        private List<String> resourceLanguages = new ArrayList<>();
        private ResourceDates dates = ResourceDates.NONE;
        private TemporalExtent temporalExtent;
        private SpatialExtent spatialExtent = SpatialExtent.NONE;
        private List<String> referenceSystems = new ArrayList<>();
        private List<Integer> scaleDenominators = new ArrayList<>();
        private LocalizedText lineage = LocalizedText.empty();
        private List<OnlineResource> onlineResources = new ArrayList<>();
        private List<Format> formats = new ArrayList<>();
        private List<GraphicOverview> overviews = new ArrayList<>();
        private List<RelatedRecord> relatedRecords = new ArrayList<>();
        private ServiceInfo service;
        private LocalDateTime metadataDate;
        private SourceInfo source;

        private Builder() {
        }

        public Builder id(String v) { this.id = v; return this; }
        public Builder kind(RecordKind v) { this.kind = v; return this; }
        public Builder language(String v) { this.language = v; return this; }
        public Builder title(LocalizedText v) { this.title = v; return this; }
        public Builder description(LocalizedText v) { this.description = v; return this; }
        public Builder resourceIdentifiers(List<String> v) { this.resourceIdentifiers = new ArrayList<>(v); return this; }
        public Builder keywords(List<Keyword> v) { this.keywords = new ArrayList<>(v); return this; }
        public Builder topicCategories(List<String> v) { this.topicCategories = new ArrayList<>(v); return this; }
        public Builder publisher(Organisation v) { this.publisher = v; return this; }
        public Builder contacts(List<Contact> v) { this.contacts = new ArrayList<>(v); return this; }
        public Builder licence(LinkedText v) { this.licence = v; return this; }
        public Builder accessConstraints(List<String> v) { this.accessConstraints = new ArrayList<>(v); return this; }
        public Builder useLimitations(List<String> v) { this.useLimitations = new ArrayList<>(v); return this; }
        public Builder otherConstraints(List<LinkedText> v) { this.otherConstraints = new ArrayList<>(v); return this; }
        public Builder updateFrequency(String v) { this.updateFrequency = v; return this; }
        public Builder status(String v) { this.status = v; return this; }
        public Builder resourceLanguages(List<String> v) { this.resourceLanguages = new ArrayList<>(v); return this; }
        public Builder dates(ResourceDates v) { this.dates = v; return this; }
        public Builder temporalExtent(TemporalExtent v) { this.temporalExtent = v; return this; }
        public Builder spatialExtent(SpatialExtent v) { this.spatialExtent = v; return this; }
        public Builder referenceSystems(List<String> v) { this.referenceSystems = new ArrayList<>(v); return this; }
        public Builder scaleDenominators(List<Integer> v) { this.scaleDenominators = new ArrayList<>(v); return this; }
        public Builder lineage(LocalizedText v) { this.lineage = v; return this; }
        public Builder onlineResources(List<OnlineResource> v) { this.onlineResources = new ArrayList<>(v); return this; }
        public Builder formats(List<Format> v) { this.formats = new ArrayList<>(v); return this; }
        public Builder overviews(List<GraphicOverview> v) { this.overviews = new ArrayList<>(v); return this; }
        public Builder relatedRecords(List<RelatedRecord> v) { this.relatedRecords = new ArrayList<>(v); return this; }
        public Builder service(ServiceInfo v) { this.service = v; return this; }
        public Builder metadataDate(LocalDateTime v) { this.metadataDate = v; return this; }
        public Builder source(SourceInfo v) { this.source = v; return this; }

        public Builder addResourceIdentifier(String v) { resourceIdentifiers.add(v); return this; }
        public Builder addKeyword(Keyword v) { keywords.add(v); return this; }
        public Builder addTopicCategory(String v) { topicCategories.add(v); return this; }
        public Builder addContact(Contact v) { contacts.add(v); return this; }
        public Builder addAccessConstraint(String v) { accessConstraints.add(v); return this; }
        public Builder addUseLimitation(String v) { useLimitations.add(v); return this; }
        public Builder addOtherConstraint(LinkedText v) { otherConstraints.add(v); return this; }
        public Builder addResourceLanguage(String v) { resourceLanguages.add(v); return this; }
        public Builder addReferenceSystem(String v) { referenceSystems.add(v); return this; }
        public Builder addScaleDenominator(int v) { scaleDenominators.add(v); return this; }
        public Builder addOnlineResource(OnlineResource v) { onlineResources.add(v); return this; }
        public Builder addFormat(Format v) { formats.add(v); return this; }
        public Builder addOverview(GraphicOverview v) { overviews.add(v); return this; }
        public Builder addRelatedRecord(RelatedRecord v) { relatedRecords.add(v); return this; }

        public CatalogRecord build() {
            return new CatalogRecord(id, kind, language, title, description, resourceIdentifiers, keywords,
                    topicCategories, publisher, contacts, licence, accessConstraints, useLimitations,
                    otherConstraints, updateFrequency, status, resourceLanguages, dates, temporalExtent,
                    spatialExtent, referenceSystems, scaleDenominators, lineage, onlineResources, formats,
                    overviews, relatedRecords, service, metadataDate, source);
        }
    }
}
