package fr.mel.opale.search;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.search.internal.ConceptLabels;
import fr.mel.opale.search.internal.IndexFollower;
import fr.mel.opale.search.internal.IndexedRecords;
import fr.mel.opale.search.internal.RecordDocuments;
import fr.mel.opale.search.internal.SearchLabels;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The catalog search for the current viewer: what {@code /api/search} and the pages call.
 *
 * <p>Every answer is limited to what the access policy lets the viewer read — hits, totals, facet counts and
 * suggestions alike — so a hidden record never shows, not even as a number. Labels (usage categories from the
 * thesauri, kinds, frequencies, quality bands) come in the query's language. Thread-safe.
 */
@Service
public class CatalogSearch {
    /** Suggestions returned at most. */
    public static final int MAX_SUGGESTIONS = 10;

    private final SearchEngine engine;
    private final AccessPolicy policy;
    private final SearchLabels labels;
    private final ConceptLabels concepts;
    private final IndexFollower follower;
    private final IndexedRecords indexedRecords;

    CatalogSearch(SearchEngine engine, AccessPolicy policy, SearchLabels labels, ConceptLabels concepts,
                  IndexFollower follower, IndexedRecords indexedRecords) {
        this.engine = engine;
        this.policy = policy;
        this.labels = labels;
        this.concepts = concepts;
        this.follower = follower;
        this.indexedRecords = indexedRecords;
    }

    /**
     * Runs {@code query}: one page of hits in the query's order, the exact total, and every {@link Facet}'s values
     * with exact counts (multi-select: each facet counted without its own filter). Unknown filter values select
     * nothing; text syntax never fails.
     */
    public SearchResult search(SearchQuery query) {
        return search(query, true);
    }

    /**
     * Like {@link #search(SearchQuery)} without counting facets (every facet empty): for result lists that show no
     * facet panel, such as OGC API – Records, where the facet queries would cost more than the hits.
     */
    public SearchResult hits(SearchQuery query) {
        return search(query, false);
    }

    private SearchResult search(SearchQuery query, boolean withFacets) {
        SearchResult raw = engine.search(query, scope(), withFacets);
        Locale language = query.language();
        Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
        raw.facets().forEach((facet, values) -> facets.put(facet, values.stream()
                .map(v -> new FacetValue(v.value(), label(facet, v.value(), language), v.count(), v.selected()))
                .toList()));
        List<SearchHit> hits = raw.hits().stream().map(hit -> labelled(hit, language)).toList();
        return new SearchResult(raw.total(), raw.page(), raw.size(), hits, facets);
    }

    /** A raw hit with its usage categories labelled in {@code language}. */
    private SearchHit labelled(SearchHit hit, Locale language) {
        return new SearchHit(hit.id(), hit.title(), hit.kind(), hit.excerpt(), hit.organisation(),
                hit.categories().stream().map(c -> new SearchHit.Labelled(c.value(),
                        concepts.label(c.value(), language))).toList(),
                hit.keywords(), hit.formats(), hit.modified(), hit.qualityScore(), hit.qualityBand(), hit.owner());
    }

    /**
     * Per owner organisation (slug), how many records the viewer may read and their mean quality score: the
     * organisation pages' figures. Organisations with no visible record are absent. {@code only} restricts the
     * answer to those slugs (empty: every owner).
     */
    public Map<String, OwnerFigures> owners(Set<String> only) {
        return engine.owners(scope(), only);
    }

    /**
     * The records the viewer may read that cite {@code recordId} among their related records (reuses of a dataset,
     * services operating on it...), by title, at most {@code max}: the reverse of a record's own related records.
     */
    public List<SearchHit> citing(String recordId, int max, Locale language) {
        return engine.citing(recordId, max, scope()).stream().map(hit -> labelled(hit, language)).toList();
    }

    /**
     * Up to {@value #MAX_SUGGESTIONS} completions of {@code text} (every word a prefix): keywords first, then
     * titles, among records the viewer may see. Blank text: none.
     */
    public List<Suggestion> suggest(String text) {
        return engine.suggest(text, MAX_SUGGESTIONS, scope());
    }

    /**
     * One facet's values over everything the viewer may see, labelled, most frequent first (the home page's
     * usage-category tiles use {@link Facet#CATEGORY}).
     */
    public List<FacetValue> counts(Facet facet, Locale language) {
        List<FacetValue> values = new ArrayList<>();
        engine.counts(facet, scope()).forEach((value, count) ->
                values.add(new FacetValue(value, label(facet, value, language), count, false)));
        return values;
    }

    /**
     * The facet values of one record, normalised exactly as the index holds them (formats named like "CSV" or
     * "Shapefile", known licences by their canonical label, the organisation facets count on...): what a record
     * page's links must send so that filtering on them finds the record. {@link Facet#CATEGORY} lists the record's
     * own usage categories, not their broader concepts; facets without a value map to an empty list.
     *
     * <p>Applies no policy: pass only a record the viewer was allowed to read (obtained through the catalog).
     */
    public Map<Facet, List<String>> facetValues(StoredRecord record) {
        return RecordDocuments.of(indexedRecords.of(List.of(record)).get(0)).facetValues();
    }

    /**
     * {@link #facetValues(StoredRecord)} of several records at once (their quality scores read in one query), by
     * record id in the given order. Applies no policy either.
     */
    public Map<String, Map<Facet, List<String>>> facetValues(List<StoredRecord> records) {
        Map<String, Map<Facet, List<String>>> values = new java.util.LinkedHashMap<>();
        indexedRecords.of(records).forEach(indexed ->
                values.put(indexed.stored().id(), RecordDocuments.of(indexed).facetValues()));
        return values;
    }

    /** The French or English label of one facet value, as {@link #search} gives it. */
    public String label(Facet facet, String value, Locale language) {
        return switch (facet) {
            case CATEGORY -> concepts.label(value, language);
            case THESAURUS -> concepts.thesaurusValueLabel(value, language);
            default -> labels.label(facet, value, language);
        };
    }

    /**
     * Rebuilds the index from the catalog (platform administrators only; 401/403 otherwise). Searches keep
     * answering meanwhile. Returns the number of records indexed.
     */
    public long reindex() {
        Viewer viewer = policy.currentViewer();
        if (!policy.canOperatePlatform(viewer)) {
            throw new AccessDenied(viewer);
        }
        return follower.reindexAll();
    }

    /** The access policy's answer as an index filter. */
    private ReadScope scope() {
        return ReadScope.of(policy.readFilter(policy.currentViewer()));
    }
}
