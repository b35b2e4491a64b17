package fr.mel.opale.search;

import org.jspecify.annotations.Nullable;

/**
 * An autocomplete proposal: a record title (then {@code recordId} names it) or a keyword (then it is a filter).
 *
 * @param type {@code title} or {@code keyword}
 */
public record Suggestion(String text, String type, @Nullable String recordId) {
}
