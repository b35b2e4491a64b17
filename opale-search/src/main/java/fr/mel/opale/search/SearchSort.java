package fr.mel.opale.search;

import java.util.Locale;
import java.util.Optional;

/** The orders a search can return. Ties are broken by last modification, then by identifier, so paging is stable. */
public enum SearchSort {
    /** Best match first; the default when there is a full-text query. */
    RELEVANCE,
    /** Title, alphabetically, ignoring case and accents. */
    TITLE,
    /** Most recently modified first; the default without a full-text query. */
    MODIFIED,
    /** Best metadata quality score first. */
    SCORE;

    /** The parameter value ({@code relevance}, {@code title}, {@code modified}, {@code score}). */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchSort> ofParameter(String value) {
        for (SearchSort sort : values()) {
            if (sort.parameter().equalsIgnoreCase(value.strip())) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
