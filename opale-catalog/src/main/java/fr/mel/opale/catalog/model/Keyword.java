package fr.mel.opale.catalog.model;

import org.jspecify.annotations.Nullable;

/**
 * A keyword, free or bound to a thesaurus concept.
 *
 * @param label     the keyword in one or more languages
 * @param uri       the concept URI when known (ISO anchor), else null
 * @param thesaurus the thesaurus it comes from, null for a free keyword
 * @param type      ISO MD_KeywordTypeCode (theme, place, ...), null when not given
 */
public record Keyword(LocalizedText label, @Nullable String uri, @Nullable ThesaurusCitation thesaurus,
                      @Nullable String type) {
    public Keyword {
        label = label == null ? LocalizedText.empty() : label;
        uri = Strings.trimToNull(uri);
        type = Strings.trimToNull(type);
    }

    public static Keyword free(String language, String label) {
        return new Keyword(LocalizedText.of(language, label), null, null, null);
    }
}
