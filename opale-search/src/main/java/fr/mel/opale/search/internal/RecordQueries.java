package fr.mel.opale.search.internal;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.FacetValue;
import fr.mel.opale.search.OwnerFigures;
import fr.mel.opale.search.ReadScope;
import fr.mel.opale.search.SearchHit;
import fr.mel.opale.search.SearchOrder;
import fr.mel.opale.search.SearchPeriod;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.search.SearchResult;
import fr.mel.opale.search.Suggestion;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep;
import org.hibernate.search.engine.search.aggregation.dsl.TypedSearchAggregationFactory;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.predicate.dsl.TypedSearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.search.sort.dsl.TypedSearchSortFactory;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.jspecify.annotations.Nullable;

/**
 * The queries of the record index: full text, filters, multi-select facets, access scope, sorts, suggestions.
 *
 * <p>Facet counts: facets with no selected value are counted in the main query itself (every filter applies to
 * them). Each facet with a selection gets one more count-only query that applies every filter except its own, so
 * its other values show how many records choosing them too would add (OR within a facet). Thesauri are facets of
 * their own: a selected thesaurus is counted without its own filter but with the other thesauri's. Counts are exact
 * (the Lucene backend counts every matching document) and always include the access scope.
 */
public final class RecordQueries {
    private static final String THESAURUS_SEPARATOR = "|";
    private static final Set<SimpleQueryFlag> SYNTAX = Set.of(SimpleQueryFlag.AND, SimpleQueryFlag.OR,
            SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE, SimpleQueryFlag.PREFIX, SimpleQueryFlag.PRECEDENCE,
            SimpleQueryFlag.WHITESPACE, SimpleQueryFlag.ESCAPE);

    private final SearchMapping mapping;

    public RecordQueries(SearchMapping mapping) {
        this.mapping = mapping;
    }

    public long count() {
        try (SearchSession session = mapping.createSession()) {
            return session.search(RecordDocument.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
    }

    public List<String> ids() {
        try (SearchSession session = mapping.createSession()) {
            return session.search(RecordDocument.class).select(f -> f.id(String.class)).where(f -> f.matchAll())
                    .fetchAllHits();
        }
    }

    public SearchResult search(SearchQuery query, ReadScope scope, boolean withFacets) {
        try (SearchSession session = mapping.createSession()) {
            Map<Facet, AggregationKey<Map<String, Long>>> counted = new EnumMap<>(Facet.class);
            var main = session.search(RecordDocument.class)
                    .select(RecordQueries::card)
                    .where(f -> predicate(f, query, scope, null))
                    .sort(f -> sort(f, query));
            for (Facet facet : Facet.values()) {
                if (withFacets && (facet == Facet.THESAURUS || query.selected(facet).isEmpty())) {
                    AggregationKey<Map<String, Long>> key = AggregationKey.of(facet.name());
                    counted.put(facet, key);
                    main = main.aggregation(key, f -> terms(f, facet));
                }
            }
            var result = main.fetch(query.firstHit(), query.size());

            Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
            for (Facet facet : withFacets ? Facet.values() : new Facet[0]) {
                Map<String, Long> counts;
                if (facet == Facet.THESAURUS) {
                    counts = thesaurusCounts(session, query, scope, result.aggregation(counted.get(facet)));
                } else if (counted.containsKey(facet)) {
                    counts = result.aggregation(counted.get(facet));
                } else {
                    counts = countsWithout(session, query, scope, slot(facet), facet);
                }
                facets.put(facet, values(session, query, scope, facet, counts));
            }
            List<SearchHit> hits = result.hits().stream().map(RecordQueries::hit).toList();
            return new SearchResult(result.total().hitCount(), query.page(), query.size(), hits, facets);
        }
    }

    /** Counts of one facet over everything {@code scope} sees (no other filter). */
    public Map<String, Long> counts(Facet facet, ReadScope scope) {
        SearchQuery all = SearchQuery.builder().size(1).build();
        try (SearchSession session = mapping.createSession()) {
            return countsWithout(session, all, scope, slot(facet), facet);
        }
    }

    /**
     * Per owner, the records {@code scope} sees and their mean quality score. One pass over two projected fields of
     * the visible records (no stored document loaded): cheap for the tens of thousands of records a metropolis
     * catalogues, and exact, which a sampled aggregation would not be.
     */
    public Map<String, OwnerFigures> owners(ReadScope scope, Set<String> only) {
        try (SearchSession session = mapping.createSession()) {
            List<List<?>> rows = session.search(RecordDocument.class)
                    .select(f -> f.composite().from(f.field("owner", String.class),
                            f.field("quality_score", Integer.class)).asList())
                    .where(f -> {
                        var bool = f.bool().must(f.exists().field("owner")).filter(access(f, scope));
                        if (!only.isEmpty()) {
                            bool.filter(f.terms().field("owner").matchingAny(only));
                        }
                        return bool;
                    })
                    .fetchAllHits();
            Map<String, long[]> sums = new LinkedHashMap<>(); // records, scored, sum of scores
            for (List<?> row : rows) {
                long[] sum = sums.computeIfAbsent((String) row.get(0), k -> new long[3]);
                sum[0]++;
                if (row.get(1) != null) {
                    sum[1]++;
                    sum[2] += (Integer) row.get(1);
                }
            }
            Map<String, OwnerFigures> figures = new LinkedHashMap<>();
            sums.forEach((owner, sum) -> figures.put(owner, new OwnerFigures(sum[0],
                    sum[1] == 0 ? null : (int) Math.round((double) sum[2] / sum[1]))));
            return figures;
        }
    }

    /** Records {@code scope} sees whose related records include {@code recordId}, by title. */
    public List<SearchHit> citing(String recordId, int max, ReadScope scope) {
        try (SearchSession session = mapping.createSession()) {
            return session.search(RecordDocument.class)
                    .select(RecordQueries::card)
                    .where(f -> f.bool().must(f.match().field("cites").matching(recordId)).filter(access(f, scope)))
                    .sort(f -> f.field("title_sort").then().field("id_sort"))
                    .fetchHits(max).stream().map(RecordQueries::hit).toList();
        }
    }

    public List<Suggestion> suggest(String text, int max, ReadScope scope) {
        List<String> typed = words(text);
        if (typed.isEmpty() || max <= 0) {
            return List.of();
        }
        String bounded = text.length() > 200 ? text.substring(0, 200) : text;
        try (SearchSession session = mapping.createSession()) {
            List<List<?>> hits = session.search(RecordDocument.class)
                    .select(f -> f.composite().from(f.id(String.class), f.field("display_title", String.class),
                            f.field("keyword", String.class).list()).asList())
                    .where(f -> f.bool()
                            .must(f.match().field("title_suggest").field("keyword_suggest").matching(bounded)
                                    .minimumShouldMatchPercent(100))
                            .filter(access(f, scope)))
                    .fetchHits(50);
            Map<String, Integer> keywords = new LinkedHashMap<>();
            for (List<?> hit : hits) {
                for (Object keyword : (List<?>) hit.get(2)) {
                    if (completes(typed, (String) keyword)) {
                        keywords.merge((String) keyword, 1, Integer::sum);
                    }
                }
            }
            List<Suggestion> suggestions = new ArrayList<>();
            keywords.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(max).forEach(e -> suggestions.add(new Suggestion(e.getKey(), "keyword", null)));
            Set<String> titles = new LinkedHashSet<>();
            for (List<?> hit : hits) {
                String title = (String) hit.get(1);
                if (suggestions.size() < max && completes(typed, title) && titles.add(title)) {
                    suggestions.add(new Suggestion(title, "title", (String) hit.get(0)));
                }
            }
            return suggestions;
        }
    }

    // --- predicates -------------------------------------------------------------------------------------------

    /**
     * The query's predicate: text, access scope, every facet filter except the one in slot {@code excluded} (a
     * facet name, or {@code thesaurus:<uri>} for one thesaurus), and the box.
     */
    private static <SR> PredicateFinalStep predicate(TypedSearchPredicateFactory<SR> f, SearchQuery query,
                                                     ReadScope scope, @Nullable String excluded) {
        var bool = f.bool();
        if (query.text() != null) {
            bool.must(f.simpleQueryString()
                    .field("title").boost(3f)
                    .field("keyword_text").boost(2f)
                    .field("organisation_text").boost(1.5f)
                    .field("description")
                    .matching(query.text())
                    .defaultOperator(BooleanOperator.AND)
                    .flags(SYNTAX));
        } else {
            bool.must(f.matchAll());
        }
        bool.filter(access(f, scope));
        for (Map.Entry<Facet, Set<String>> filter : query.filters().entrySet()) {
            Facet facet = filter.getKey();
            if (facet == Facet.THESAURUS) {
                byThesaurus(filter.getValue()).forEach((thesaurus, values) -> {
                    if (!thesaurusSlot(thesaurus).equals(excluded)) {
                        bool.filter(f.terms().field(facet.name().toLowerCase(Locale.ROOT)).matchingAny(values));
                    }
                });
            } else if (!slot(facet).equals(excluded)) {
                bool.filter(f.terms().field(field(facet)).matchingAny(filter.getValue()));
            }
        }
        if (query.bbox() != null) {
            bool.filter(intersects(f, query.bbox()));
        }
        if (query.period() != null) {
            bool.filter(during(f, query.period()));
        }
        if (!query.ids().isEmpty()) {
            bool.filter(f.id().matchingAny(query.ids()));
        }
        if (!query.externalIds().isEmpty()) {
            bool.filter(f.terms().field("external_id").matchingAny(query.externalIds()));
        }
        if (!query.owners().isEmpty()) {
            bool.filter(f.terms().field("owner").matchingAny(query.owners()));
        }
        return bool;
    }

    /**
     * What the viewer may find: everything, or the records whose reader keys meet the viewer's. The one place
     * search applies the access policy's answer.
     */
    private static <SR> PredicateFinalStep access(TypedSearchPredicateFactory<SR> f, ReadScope scope) {
        if (scope.everything()) {
            return f.matchAll();
        }
        return f.terms().field("readers").matchingAny(scope.keys());
    }

    /**
     * Boxes intersecting {@code box}: latitudes overlap, and longitudes overlap, taking into account boxes (stored
     * or queried) that cross the antimeridian (west &gt; east, i.e. covering [west, 180] and [-180, east]).
     */
    private static <SR> PredicateFinalStep intersects(TypedSearchPredicateFactory<SR> f, BoundingBox box) {
        double qw = box.west();
        double qe = box.east();
        PredicateFinalStep latitudes = f.and(f.range().field("south").atMost(box.north()),
                f.range().field("north").atLeast(box.south()));
        PredicateFinalStep plain;
        PredicateFinalStep crossing;
        if (qw <= qe) {
            plain = f.and(f.match().field("dateline").matching(false),
                    f.range().field("west").atMost(qe), f.range().field("east").atLeast(qw));
            crossing = f.and(f.match().field("dateline").matching(true),
                    f.or(f.range().field("west").atMost(qe), f.range().field("east").atLeast(qw)));
        } else {
            plain = f.and(f.match().field("dateline").matching(false),
                    f.or(f.range().field("east").atLeast(qw), f.range().field("west").atMost(qe)));
            crossing = f.match().field("dateline").matching(true);
        }
        return f.and(latitudes, f.or(plain, crossing));
    }

    /**
     * Records whose temporal extent intersects {@code period}: it has one, starts before the period ends and ends
     * after it starts (open ends of the extent are stored as the beginning and end of time).
     */
    private static <SR> PredicateFinalStep during(TypedSearchPredicateFactory<SR> f, SearchPeriod period) {
        var bool = f.bool().must(f.exists().field("time_start"));
        if (period.end() != null) {
            bool.must(f.range().field("time_start").atMost(period.end()));
        }
        if (period.start() != null) {
            bool.must(f.range().field("time_end").atLeast(period.start()));
        }
        return bool;
    }

    private static <SR> SortFinalStep sort(TypedSearchSortFactory<SR> f, SearchQuery query) {
        SearchOrder order = query.order();
        if (order != null) {
            String field = switch (order.field()) {
                case TITLE -> "title_sort";
                case MODIFIED -> "modified";
                case CREATED -> "created";
            };
            var first = f.field(field);
            return (order.ascending() ? first.asc() : first.desc()).then().field("id_sort");
        }
        return switch (query.effectiveSort()) {
            case RELEVANCE -> f.score().then().field("modified").desc().then().field("id_sort");
            case TITLE -> f.field("title_sort").then().field("id_sort");
            case MODIFIED -> f.field("modified").desc().then().field("id_sort");
            case SCORE -> f.field("quality_score").desc().missing().last()
                    .then().field("modified").desc().then().field("id_sort");
        };
    }

    private static <SR> AggregationFinalStep<Map<String, Long>> terms(TypedSearchAggregationFactory<SR> f,
                                                                      Facet facet) {
        return f.terms().field(field(facet), String.class).maxTermCount(facet.maxValues());
    }

    // --- facet counts -----------------------------------------------------------------------------------------

    /** One facet's counts with every filter but the one in {@code slot}. */
    private static Map<String, Long> countsWithout(SearchSession session, SearchQuery query, ReadScope scope,
                                                   String slot, Facet facet) {
        AggregationKey<Map<String, Long>> key = AggregationKey.of(facet.name());
        return session.search(RecordDocument.class)
                .where(f -> predicate(f, query, scope, slot))
                .aggregation(key, f -> terms(f, facet))
                .fetch(0)
                .aggregation(key);
    }

    /**
     * Per-thesaurus counts: thesauri with no selection take the main query's counts; each selected thesaurus takes
     * its values from a query without its own filter.
     */
    private static Map<String, Long> thesaurusCounts(SearchSession session, SearchQuery query, ReadScope scope,
                                                     Map<String, Long> main) {
        Map<String, List<String>> selected = byThesaurus(query.selected(Facet.THESAURUS));
        if (selected.isEmpty()) {
            return main;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        main.forEach((value, count) -> {
            if (!selected.containsKey(thesaurusOf(value))) {
                counts.put(value, count);
            }
        });
        for (String thesaurus : selected.keySet()) {
            countsWithout(session, query, scope, thesaurusSlot(thesaurus), Facet.THESAURUS).forEach((value, count) -> {
                if (thesaurus.equals(thesaurusOf(value))) {
                    counts.put(value, count);
                }
            });
        }
        return counts;
    }

    /**
     * The facet's values, most frequent first; selected values that fell outside the top values are added with
     * their exact count (one small count query each), so a selection never disappears from the panel.
     */
    private static List<FacetValue> values(SearchSession session, SearchQuery query, ReadScope scope, Facet facet,
                                           Map<String, Long> counts) {
        Set<String> selected = query.selected(facet);
        List<FacetValue> values = new ArrayList<>();
        counts.forEach((value, count) -> values.add(new FacetValue(value, value, count, selected.contains(value))));
        for (String value : selected) {
            if (!counts.containsKey(value)) {
                String slot = facet == Facet.THESAURUS ? thesaurusSlot(thesaurusOf(value)) : slot(facet);
                long count = session.search(RecordDocument.class)
                        .where(f -> f.and(predicate(f, query, scope, slot),
                                f.match().field(field(facet)).matching(value)))
                        .fetchTotalHitCount();
                values.add(new FacetValue(value, value, count, true));
            }
        }
        return values;
    }

    private static Map<String, List<String>> byThesaurus(Collection<String> values) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String value : values) {
            groups.computeIfAbsent(thesaurusOf(value), t -> new ArrayList<>()).add(value);
        }
        return groups;
    }

    private static String thesaurusOf(String value) {
        int separator = value.indexOf(THESAURUS_SEPARATOR);
        return separator < 0 ? value : value.substring(0, separator);
    }

    private static String slot(Facet facet) {
        return facet.name();
    }

    private static String thesaurusSlot(String thesaurus) {
        return "thesaurus:" + thesaurus;
    }

    private static String field(Facet facet) {
        return facet.name().toLowerCase(Locale.ROOT);
    }

    // --- results ----------------------------------------------------------------------------------------------

    /** What a hit carries (read back by {@link #hit}): a card's fields, all projected from the index. */
    private static ProjectionFinalStep<List<?>> card(SearchProjectionFactory<?, ?> f) {
        return f.composite().from(
                            f.id(String.class),
                            f.field("display_title", String.class),
                            f.field("kind", String.class),
                            f.field("excerpt", String.class),
                            f.field("organisation", String.class),
                            f.field("own_category", String.class).list(),
                            f.field("keyword", String.class).list(),
                            f.field("format", String.class).list(),
                            f.field("modified", Instant.class),
                            f.field("quality_score", Integer.class),
                            f.field("quality", String.class),
                            f.field("owner", String.class)).asList();
    }

    @SuppressWarnings("unchecked")
    private static SearchHit hit(List<?> row) {
        List<String> categories = (List<String>) row.get(5);
        List<String> formats = (List<String>) row.get(7);
        return new SearchHit((String) row.get(0), (String) row.get(1), (String) row.get(2),
                row.get(3) == null ? "" : (String) row.get(3), (String) row.get(4),
                categories.stream().map(c -> new SearchHit.Labelled(c, c)).toList(),
                List.copyOf((List<String>) row.get(6)),
                formats.stream().map(v -> new SearchHit.Labelled(v, v)).toList(),
                (Instant) row.get(8), (Integer) row.get(9), (String) row.get(10), (String) row.get(11));
    }

    /** Whether every typed word begins some word of {@code candidate}, ignoring case and accents. */
    private static boolean completes(List<String> typed, String candidate) {
        List<String> words = words(candidate);
        return typed.stream().allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t)));
    }

    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
