package fr.mel.opale.search;

import java.util.Locale;
import java.util.Optional;

/**
 * A dimension a search can be filtered and counted on. Values within one facet combine with OR, facets combine with
 * AND; each facet's counts apply every other facet's filter but not its own (multi-select faceting), so a visitor
 * sees how many records each additional value would bring.
 *
 * <p>Values are the raw index values: concept URIs for {@link #CATEGORY}, keyword labels, organisation names,
 * lower-case kind names ({@code dataset}, {@code service}...), normalised format names, licence labels or URIs,
 * {@code true}/{@code false} for {@link #GEO}, ISO frequency codes ({@code daily}, {@code asNeeded}...), lower-case
 * quality bands ({@code insufficient}, {@code fair}, {@code good}, {@code excellent}), and
 * {@code thesaurusUri|conceptUri-or-label} for {@link #THESAURUS}. A value that exists nowhere selects nothing: it
 * is never an error.
 */
public enum Facet {
    /** Usage category (hierarchical: a parent counts and selects its narrower concepts). */
    CATEGORY("category", 1000),
    /** Keyword label, whatever its thesaurus. */
    KEYWORD("keyword", 50),
    /**
     * Keyword of a thesaurus, as {@code thesaurusUri|concept}. Each thesaurus is a facet of its own: OR among values
     * of one thesaurus, AND across thesauri.
     */
    THESAURUS("thesaurus", 500),
    /** Publisher organisation, else the first resource contact's organisation. */
    ORGANISATION("org", 100),
    /** Record kind. */
    KIND("kind", 100),
    /** Distribution format. */
    FORMAT("format", 50),
    /** Licence. */
    LICENCE("license", 50),
    /** Geographic ({@code true}) or not ({@code false}). */
    GEO("geo", 2),
    /** Declared update frequency. */
    FREQUENCY("frequency", 100),
    /** Metadata quality band. */
    QUALITY("quality", 10);

    private final String parameter;
    private final int maxValues;

    Facet(String parameter, int maxValues) {
        this.parameter = parameter;
        this.maxValues = maxValues;
    }

    /** The query parameter of {@code /api/search} and of the pages, and the key of the facet in responses. */
    public String parameter() {
        return parameter;
    }

    /** How many values (the most frequent first) a facet returns at most; the counts themselves are exact. */
    public int maxValues() {
        return maxValues;
    }

    /** The index field holding the facet's values. */
    String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The facet named by a query parameter, if any. */
    public static Optional<Facet> ofParameter(String parameter) {
        for (Facet facet : values()) {
            if (facet.parameter.equals(parameter)) {
                return Optional.of(facet);
            }
        }
        return Optional.empty();
    }
}
