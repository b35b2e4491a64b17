package fr.mel.opale.web.catalogue;

import fr.mel.opale.search.CatalogSearch;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.FacetValue;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.search.SearchResult;
import fr.mel.opale.search.SearchSort;
import fr.mel.opale.thesaurus.Concept;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.thesaurus.ThesaurusSummary;
import fr.mel.opale.web.catalogue.SearchPage.Chip;
import fr.mel.opale.web.catalogue.SearchPage.FacetGroup;
import fr.mel.opale.web.catalogue.SearchPage.FacetOption;
import fr.mel.opale.web.catalogue.SearchPage.Option;
import fr.mel.opale.web.layout.PageContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link SearchPage} of a query: runs it through {@link CatalogSearch} (which applies the access policy
 * to hits, totals and counts alike) and turns the answer into the facet panel, the chips, the cards and the page
 * links.
 */
@Component
public class SearchPages {
    /** Values shown before "Voir plus"; usage categories are few and the heart of the catalogue: all shown. */
    static final int SHOWN = 10;
    /** Panel order: what visitors filter on most first; thesauri last, each in its own group. */
    private static final List<Facet> PANEL = List.of(Facet.CATEGORY, Facet.KEYWORD, Facet.ORGANISATION, Facet.KIND,
            Facet.FORMAT, Facet.LICENCE, Facet.GEO, Facet.FREQUENCY, Facet.QUALITY);
    private static final List<Integer> SIZES = List.of(10, 20, 50, 100);

    private final CatalogSearch search;
    private final Thesauri thesauri;
    private final RecordCards cards;

    SearchPages(CatalogSearch search, Thesauri thesauri, RecordCards cards) {
        this.search = search;
        this.thesauri = thesauri;
        this.cards = cards;
    }

    SearchPage page(SearchQuery asked, PageContext page) {
        return page(asked, page, SearchUrls.PATH);
    }

    /**
     * The search page of {@code asked} as shown at {@code path}: every link (facet values, chips, pages) leads back
     * to {@code path} with the search in its address. The query's own scope (its owners) is the page's business:
     * it is not written in the links, the page adds it again.
     */
    public SearchPage page(SearchQuery asked, PageContext page, String path) {
        SearchQuery query = asked;
        SearchResult result = search.search(query);
        if (result.hits().isEmpty() && query.page() > 0 && result.total() > 0) {
            // past the last page (an old bookmark, a catalogue that shrank): the last page rather than nothing
            query = query.atPage(result.pageCount() - 1);
            result = search.search(query);
        }
        SearchQuery current = query;
        List<FacetGroup> facets = new ArrayList<>();
        for (Facet facet : PANEL) {
            List<FacetValue> values = result.facets().getOrDefault(facet, List.of());
            if (!values.isEmpty()) {
                List<FacetOption> options = facet == Facet.CATEGORY ? hierarchy(facet, values, current, path)
                        : values.stream().map(v -> option(facet, v, current, 0, path)).toList();
                String legend = page.t("facet." + facet.parameter());
                facets.add(group(facet.parameter(), facet.parameter(), legend, legend, options,
                        facet == Facet.CATEGORY ? Integer.MAX_VALUE : SHOWN, false));
            }
        }
        facets.addAll(thesaurusGroups(result.facets().getOrDefault(Facet.THESAURUS, List.of()), current, page, path));
        String text = query.text() == null ? "" : query.text();
        String count = text.isEmpty() ? page.t("catalogue.count", result.total())
                : page.t("catalogue.countQuery", result.total(), text);
        List<Chip> chips = chips(current, page, path);
        boolean filtered = !current.filters().isEmpty() || current.bbox() != null;
        String clearUrl = filtered ? SearchUrls.of(path, new SearchQuery(current.text(), Map.of(), null,
                current.sort(), 0, current.size(), current.language())) : null;
        return new SearchPage(text, result.total(), count, facets, chips, clearUrl,
                current.bbox() == null ? null : SearchUrls.box(current.bbox()), sorts(current, page), sizes(current),
                result.hits().stream().map(hit -> cards.card(hit, page)).toList(),
                Pagination.of(current.page() + 1, result.pageCount(), n -> SearchUrls.of(path, current.atPage(n - 1))),
                path);
    }

    private static FacetGroup group(String id, String parameter, String legend, String summary,
                                    List<FacetOption> options, int shown, boolean collapsible) {
        int cut = Math.min(shown, options.size());
        // never cut a narrower category from its broader one: the cut moves to the next top value
        while (cut < options.size() && options.get(cut).depth() > 0) {
            cut++;
        }
        List<FacetOption> more = options.subList(cut, options.size());
        boolean anySelected = options.stream().anyMatch(FacetOption::selected);
        return new FacetGroup("facette-" + id, parameter, legend, summary, options.subList(0, cut), more,
                more.stream().anyMatch(FacetOption::selected), collapsible && !anySelected);
    }

    private static FacetOption option(Facet facet, FacetValue value, SearchQuery query, int depth, String path) {
        SearchQuery toggled = value.selected() ? query.without(facet, value.value()) : query.with(facet, value.value());
        return new FacetOption(domId(facet.parameter(), value.value()), value.value(), value.label(), value.count(),
                value.selected(), SearchUrls.of(path, toggled), depth);
    }

    /**
     * Usage categories as a tree when the thesaurus has narrower concepts: each broader value followed by its
     * narrower ones (indented), siblings in the engine's order (most records first).
     */
    private List<FacetOption> hierarchy(Facet facet, List<FacetValue> values, SearchQuery query, String path) {
        Map<String, FacetValue> byUri = new LinkedHashMap<>();
        values.forEach(v -> byUri.put(v.value(), v));
        Map<String, List<FacetValue>> children = new LinkedHashMap<>();
        List<FacetValue> roots = new ArrayList<>();
        for (FacetValue value : values) {
            String parent = thesauri.concept(value.value()).map(Concept::broader).orElse(List.of()).stream()
                    .filter(byUri::containsKey).findFirst().orElse(null);
            if (parent == null) {
                roots.add(value);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(value);
            }
        }
        List<FacetOption> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        roots.forEach(root -> addTree(facet, root, 0, children, query, options, seen, path));
        return options;
    }

    private static void addTree(Facet facet, FacetValue value, int depth, Map<String, List<FacetValue>> children,
                                SearchQuery query, List<FacetOption> options, Set<String> seen, String path) {
        if (!seen.add(value.value())) {
            return; // a concept with two broader concepts is shown once
        }
        options.add(option(facet, value, query, depth, path));
        for (FacetValue child : children.getOrDefault(value.value(), List.of())) {
            addTree(facet, child, depth + 1, children, query, options, seen, path);
        }
    }

    /**
     * The thesaurus keyword facet, one group per thesaurus (values are {@code thesaurusUri|concept}), titled with
     * the thesaurus's title when it is loaded, else with what records cite. The usage-category thesaurus is left
     * out: the category facet already shows it, with its hierarchy.
     */
    private List<FacetGroup> thesaurusGroups(List<FacetValue> values, SearchQuery query, PageContext page,
                                             String path) {
        Map<String, List<FacetValue>> byThesaurus = new LinkedHashMap<>();
        for (FacetValue value : values) {
            int bar = value.value().indexOf('|');
            if (bar > 0) {
                byThesaurus.computeIfAbsent(value.value().substring(0, bar), k -> new ArrayList<>()).add(value);
            }
        }
        List<ThesaurusSummary> loaded = thesauri.list();
        List<FacetGroup> groups = new ArrayList<>();
        byThesaurus.forEach((cited, list) -> {
            ThesaurusSummary known = find(loaded, cited);
            if (Thesauri.USAGE_CATEGORIES_SCHEME.equals(cited) || known != null && known.usageCategories()) {
                return;
            }
            String title = known == null ? cited : known.title(page.lang());
            groups.add(group(domId("thesaurus", cited).substring("f-".length()), Facet.THESAURUS.parameter(),
                    page.t("facet.thesaurus.of", title), title,
                    list.stream().map(v -> option(Facet.THESAURUS, v, query, 0, path)).toList(), SHOWN, true));
        });
        return groups;
    }

    private static @Nullable ThesaurusSummary find(List<ThesaurusSummary> loaded, String cited) {
        for (ThesaurusSummary summary : loaded) {
            if (summary.schemeUri().equalsIgnoreCase(cited)
                    || summary.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(cited))) {
                return summary;
            }
        }
        return null;
    }

    private List<Chip> chips(SearchQuery query, PageContext page, String path) {
        List<Chip> chips = new ArrayList<>();
        query.filters().forEach((facet, values) -> {
            for (String value : values) {
                chips.add(new Chip(page.t("chip." + facet.parameter()), search.label(facet, value, page.locale()),
                        SearchUrls.of(path, query.without(facet, value))));
            }
        });
        if (query.bbox() != null) {
            chips.add(new Chip(page.t("chip.bbox"), SearchUrls.box(query.bbox()).replace(",", ", "),
                    SearchUrls.of(path, new SearchQuery(query.text(), query.filters(), null, query.sort(), 0,
                            query.size(), query.language()))));
        }
        return chips;
    }

    private static List<Option> sorts(SearchQuery query, PageContext page) {
        SearchSort applied = query.effectiveSort();
        return List.of(SearchSort.values()).stream()
                .map(sort -> new Option(sort.parameter(), page.t("sort." + sort.parameter()), sort == applied))
                .toList();
    }

    private static List<Option> sizes(SearchQuery query) {
        List<Integer> sizes = new ArrayList<>(SIZES);
        if (!sizes.contains(query.size())) {
            sizes.add(query.size()); // an address with size=30 keeps showing 30
            sizes.sort(Integer::compare);
        }
        return sizes.stream().map(size -> new Option(size.toString(), size.toString(), size == query.size())).toList();
    }

    /**
     * A DOM id derived from the value alone (not from its position, which changes with the counts), so that htmx
     * finds the focused checkbox again after a partial refresh.
     */
    static String domId(String parameter, String value) {
        return "f-" + parameter + "-" + Integer.toHexString(value.hashCode()) + "-"
                + Integer.toHexString(value.toLowerCase(Locale.ROOT).length());
    }
}
