package fr.mel.opale.search;

import fr.mel.opale.catalog.model.BoundingBox;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One search: full text, facet filters, box, order and page. Immutable; build it with {@link #builder()} or change
 * one part with the {@code with...} methods (what a facet link does: the same query with one more value).
 *
 * @param text     full text in the simple query syntax ({@code "…"} for a phrase, {@code -} to exclude, {@code *} as
 *                 a suffix for a prefix, {@code |} for OR); null or blank: every record. Never fails on syntax.
 * @param filters  selected values per facet (OR within a facet, AND across facets); absent facet = no filter
 * @param bbox     records whose box intersects this one (WGS84; west &gt; east crosses the antimeridian); null = any
 * @param sort     null: relevance with a text, last modified without
 * @param page     zero-based
 * @param size     1 to {@link #MAX_SIZE}
 * @param language language of labels in the result ({@code fr} or {@code en})
 * @param period   records whose temporal extent intersects this period; null = any (records without extent too)
 * @param ids      only these record identifiers; empty = any
 * @param externalIds only records with one of these resource identifiers (ISO {@code MD_Identifier}); empty = any
 * @param order    explicit field and direction, replacing {@code sort} when given
 * @param offset   index of the first hit, replacing {@code page × size} when given (OGC APIs page by offset)
 * @param owners   only records owned by one of these organisations (their slugs); empty = any. Not a facet: the
 *                 organisation pages filter on it, their panel keeps the catalogue's facets
 */
public record SearchQuery(@Nullable String text, Map<Facet, Set<String>> filters, @Nullable BoundingBox bbox,
                          @Nullable SearchSort sort, int page, int size, Locale language,
                          @Nullable SearchPeriod period, Set<String> ids, Set<String> externalIds,
                          @Nullable SearchOrder order, @Nullable Integer offset, Set<String> owners) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    /** Beyond this the query is refused: nobody types more, and it bounds the cost of one query. */
    public static final int MAX_TEXT_LENGTH = 1000;

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("Texte de recherche trop long (" + MAX_TEXT_LENGTH + " caractères au plus)");
        }
        EnumMap<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
        if (filters != null) {
            filters.forEach((facet, values) -> {
                Set<String> kept = new LinkedHashSet<>();
                for (String value : values == null ? List.<String>of() : values) {
                    if (value != null && !value.isBlank()) {
                        kept.add(value.strip());
                    }
                }
                if (!kept.isEmpty()) {
                    copy.put(facet, Collections.unmodifiableSet(kept));
                }
            });
        }
        filters = Collections.unmodifiableMap(copy);
        if (page < 0) {
            throw new IllegalArgumentException("Numéro de page négatif : " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("Taille de page hors de 1 à " + MAX_SIZE + " : " + size);
        }
        language = language == null ? Locale.FRENCH : language;
        ids = strippedSet(ids);
        externalIds = strippedSet(externalIds);
        owners = strippedSet(owners);
        if (offset != null && offset < 0) {
            throw new IllegalArgumentException("Position négative : " + offset);
        }
    }

    /** A query of the search pages and {@code /api/search}: no period, identifier, explicit order or offset. */
    public SearchQuery(@Nullable String text, Map<Facet, Set<String>> filters, @Nullable BoundingBox bbox,
                       @Nullable SearchSort sort, int page, int size, Locale language) {
        this(text, filters, bbox, sort, page, size, language, null, Set.of(), Set.of(), null, null, Set.of());
    }

    /** Index of the first hit to return: {@code offset} when given, else {@code page × size}. */
    public int firstHit() {
        return offset != null ? offset : page * size;
    }

    private static Set<String> strippedSet(@Nullable Set<String> values) {
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values == null ? Set.<String>of() : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return Collections.unmodifiableSet(kept);
    }

    /** The order actually applied: the given one, else relevance with a text, last modified without. */
    public SearchSort effectiveSort() {
        if (sort != null) {
            return sort;
        }
        return text == null ? SearchSort.MODIFIED : SearchSort.RELEVANCE;
    }

    /** The values selected for {@code facet}, empty when none. */
    public Set<String> selected(Facet facet) {
        return filters.getOrDefault(facet, Set.of());
    }

    /** The same query with {@code value} added to {@code facet}'s selection, back on the first page. */
    public SearchQuery with(Facet facet, String value) {
        EnumMap<Facet, Set<String>> next = new EnumMap<>(Facet.class);
        next.putAll(filters);
        Set<String> values = new LinkedHashSet<>(selected(facet));
        values.add(value);
        next.put(facet, values);
        return new SearchQuery(text, next, bbox, sort, 0, size, language, period, ids, externalIds, order, null,
                owners);
    }

    /** The same query without {@code value} in {@code facet}'s selection, back on the first page. */
    public SearchQuery without(Facet facet, String value) {
        EnumMap<Facet, Set<String>> next = new EnumMap<>(Facet.class);
        next.putAll(filters);
        Set<String> values = new LinkedHashSet<>(selected(facet));
        values.remove(value);
        next.put(facet, values);
        return new SearchQuery(text, next, bbox, sort, 0, size, language, period, ids, externalIds, order, null,
                owners);
    }

    /** The same query on another page. */
    public SearchQuery atPage(int page) {
        return new SearchQuery(text, filters, bbox, sort, page, size, language, period, ids, externalIds, order, null,
                owners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable assembly of a query (from request parameters, in tests...). Not thread-safe. */
    public static final class Builder {
        private @Nullable String text;
        private final EnumMap<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        private @Nullable BoundingBox bbox;
        private @Nullable SearchSort sort;
        private int page;
        private int size = DEFAULT_SIZE;
        private Locale language = Locale.FRENCH;
        private @Nullable SearchPeriod period;
        private final Set<String> ids = new LinkedHashSet<>();
        private final Set<String> externalIds = new LinkedHashSet<>();
        private @Nullable SearchOrder order;
        private @Nullable Integer offset;
        private final Set<String> owners = new LinkedHashSet<>();

        private Builder() {
        }

        public Builder text(@Nullable String v) { this.text = v; return this; }
        public Builder bbox(@Nullable BoundingBox v) { this.bbox = v; return this; }
        public Builder sort(@Nullable SearchSort v) { this.sort = v; return this; }
        public Builder page(int v) { this.page = v; return this; }
        public Builder size(int v) { this.size = v; return this; }
        public Builder language(Locale v) { this.language = v; return this; }
        public Builder period(@Nullable SearchPeriod v) { this.period = v; return this; }
        public Builder ids(java.util.Collection<String> v) { this.ids.addAll(v); return this; }
        public Builder externalIds(java.util.Collection<String> v) { this.externalIds.addAll(v); return this; }
        public Builder order(@Nullable SearchOrder v) { this.order = v; return this; }
        public Builder offset(@Nullable Integer v) { this.offset = v; return this; }
        public Builder owners(java.util.Collection<String> v) { this.owners.addAll(v); return this; }

        /** Adds values to a facet's selection (OR among them). */
        public Builder filter(Facet facet, String... values) {
            return filter(facet, List.of(values));
        }

        public Builder filter(Facet facet, java.util.Collection<String> values) {
            filters.computeIfAbsent(facet, f -> new LinkedHashSet<>()).addAll(values);
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(text, filters, bbox, sort, page, size, language, period, ids, externalIds, order,
                    offset, owners);
        }
    }
}
