package fr.mel.opale.search;

import java.util.List;
import java.util.Map;

/**
 * A page of search results with the facet counts of the whole result set.
 *
 * @param total  exact number of visible records matching the query (every page)
 * @param facets per facet, its values (most frequent first, at most {@link Facet#maxValues()}); selected values are
 *               always listed, with their count even when zero. For {@link Facet#THESAURUS} the values of every
 *               thesaurus come together; their value starts with the thesaurus URI.
 */
public record SearchResult(long total, int page, int size, List<SearchHit> hits, Map<Facet, List<FacetValue>> facets) {
    public int pageCount() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
