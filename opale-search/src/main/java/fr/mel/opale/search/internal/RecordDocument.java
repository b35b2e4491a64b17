package fr.mel.opale.search.internal;

import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.search.Facet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;
import org.jspecify.annotations.Nullable;

/**
 * What the index holds of one record: its own document class, built from the catalog's public {@code StoredRecord}
 * (the catalog stores records as plain SQL rows, private to it), mapped with the standalone POJO mapper. Only standard field types
 * and DSL features, so the Elasticsearch/OpenSearch backend takes the same mapping.
 *
 * <p>Change {@link SearchEngine#MAPPING_VERSION} whenever a field changes: the index is then rebuilt at start.
 * Facet fields are named after {@code Facet.field()}.
 */
@SearchEntity(name = "Record")
@Indexed(index = "records")
public final class RecordDocument {
    static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);
    static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    @DocumentId
    final String id;

    @KeywordField(name = "id_sort", sortable = Sortable.YES, searchable = Searchable.NO)
    final String idSort;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    final String kind;

    /** Every translation of the title. */
    @FullTextField(analyzer = FrenchAnalysis.FRENCH)
    @FullTextField(name = "title_suggest", analyzer = FrenchAnalysis.AUTOCOMPLETE,
            searchAnalyzer = FrenchAnalysis.AUTOCOMPLETE_QUERY)
    final List<String> title;

    @GenericField(name = "display_title", projectable = Projectable.YES, searchable = Searchable.NO)
    final String displayTitle;

    @KeywordField(name = "title_sort", normalizer = FrenchAnalysis.SORT, sortable = Sortable.YES,
            searchable = Searchable.NO)
    final String titleSort;

    @FullTextField(analyzer = FrenchAnalysis.FRENCH)
    final List<String> description;

    @GenericField(projectable = Projectable.YES, searchable = Searchable.NO)
    final String excerpt;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    @FullTextField(name = "keyword_text", analyzer = FrenchAnalysis.FRENCH)
    @FullTextField(name = "keyword_suggest", analyzer = FrenchAnalysis.AUTOCOMPLETE,
            searchAnalyzer = FrenchAnalysis.AUTOCOMPLETE_QUERY)
    final List<String> keyword;

    /** {@code thesaurusUri|conceptUri-or-label}. */
    @KeywordField(aggregable = Aggregable.YES)
    final List<String> thesaurus;

    /** Usage categories and all their ancestors. */
    @KeywordField(aggregable = Aggregable.YES)
    final List<String> category;

    @KeywordField(name = "own_category", projectable = Projectable.YES, searchable = Searchable.NO)
    final List<String> ownCategory;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    @FullTextField(name = "organisation_text", analyzer = FrenchAnalysis.FRENCH)
    final @Nullable String organisation;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    final List<String> format;

    @KeywordField(aggregable = Aggregable.YES)
    final @Nullable String licence;

    @KeywordField(aggregable = Aggregable.YES)
    final String geo;

    @KeywordField(aggregable = Aggregable.YES)
    final @Nullable String frequency;

    @GenericField(name = "quality_score", sortable = Sortable.YES, projectable = Projectable.YES)
    final @Nullable Integer qualityScore;

    /** Quality band, lower case. */
    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    final @Nullable String quality;

    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
    final Instant modified;

    @GenericField
    final @Nullable Double west;
    @GenericField
    final @Nullable Double south;
    @GenericField
    final @Nullable Double east;
    @GenericField
    final @Nullable Double north;
    /** Whether the box crosses the antimeridian (west &gt; east); null without a box. */
    @GenericField
    final @Nullable Boolean dateline;

    @GenericField(sortable = Sortable.YES)
    final Instant created;

    /**
     * The resource's temporal extent, an open end stored as {@link #BEGINNING} or {@link #END_OF_TIME}; both null
     * without an extent (such records match no period).
     */
    @GenericField(name = "time_start")
    final @Nullable LocalDate timeStart;
    @GenericField(name = "time_end")
    final @Nullable LocalDate timeEnd;

    /** The resource's identifiers (ISO {@code MD_Identifier} codes), for OGC API – Records' {@code externalIds}. */
    @KeywordField(name = "external_id")
    final List<String> externalId;

    /** The access policy's reader keys of the record: search, totals, facets and suggestions filter on them. */
    @KeywordField
    final List<String> readers;

    /** The owner organisation's slug: the organisation pages filter on it and count per owner. */
    @KeywordField(projectable = Projectable.YES)
    final @Nullable String owner;

    /**
     * The identifiers of the records this one points to (its related records): a dataset's page finds the reuses
     * and services that cite it with one query, under the same access scope as any search.
     */
    @KeywordField
    final List<String> cites;

    RecordDocument(String id, String kind, List<String> title, String displayTitle, List<String> description,
                   String excerpt, List<String> keyword, List<String> thesaurus, List<String> category,
                   List<String> ownCategory, @Nullable String organisation, List<String> format,
                   @Nullable String licence, boolean geo, @Nullable String frequency, @Nullable Integer qualityScore,
                   @Nullable String quality, Instant modified, double @Nullable [] bbox,
                   @Nullable String owner, Instant created, @Nullable TemporalExtent time, List<String> externalId,
                   List<String> readers, List<String> cites) {
        this.readers = readers;
        this.cites = cites;
        this.id = id;
        this.idSort = id;
        this.kind = kind;
        this.title = title;
        this.displayTitle = displayTitle;
        this.titleSort = displayTitle.length() > 200 ? displayTitle.substring(0, 200) : displayTitle;
        this.description = description;
        this.excerpt = excerpt;
        this.keyword = keyword;
        this.thesaurus = thesaurus;
        this.category = category;
        this.ownCategory = ownCategory;
        this.organisation = organisation;
        this.format = format;
        this.licence = licence;
        this.geo = Boolean.toString(geo);
        this.frequency = frequency;
        this.qualityScore = qualityScore;
        this.quality = quality;
        this.modified = modified;
        this.west = bbox == null ? null : bbox[0];
        this.south = bbox == null ? null : bbox[1];
        this.east = bbox == null ? null : bbox[2];
        this.north = bbox == null ? null : bbox[3];
        this.dateline = bbox == null ? null : bbox[0] > bbox[2];
        this.owner = owner;
        this.created = created;
        boolean hasTime = time != null && (time.start() != null || time.end() != null);
        this.timeStart = !hasTime ? null : time.start() != null ? time.start() : BEGINNING;
        this.timeEnd = !hasTime ? null : time.end() != null ? time.end() : END_OF_TIME;
        this.externalId = externalId;
    }

    public String id() {
        return id;
    }

    /**
     * The values this record gives each facet, exactly as indexed (what a link filtering on one of them must send).
     * {@link Facet#CATEGORY} lists the record's own usage categories, not their broader concepts; a facet the record
     * has no value for maps to an empty list.
     */
    public Map<Facet, List<String>> facetValues() {
        Map<Facet, List<String>> values = new EnumMap<>(Facet.class);
        values.put(Facet.CATEGORY, List.copyOf(ownCategory));
        values.put(Facet.KEYWORD, List.copyOf(keyword));
        values.put(Facet.THESAURUS, List.copyOf(thesaurus));
        values.put(Facet.ORGANISATION, organisation == null ? List.of() : List.of(organisation));
        values.put(Facet.KIND, List.of(kind));
        values.put(Facet.FORMAT, List.copyOf(format));
        values.put(Facet.LICENCE, licence == null ? List.of() : List.of(licence));
        values.put(Facet.GEO, List.of(geo));
        values.put(Facet.FREQUENCY, frequency == null ? List.of() : List.of(frequency));
        values.put(Facet.QUALITY, quality == null ? List.of() : List.of(quality));
        return values;
    }
}
