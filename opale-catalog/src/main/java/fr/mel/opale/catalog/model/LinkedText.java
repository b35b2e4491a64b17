package fr.mel.opale.catalog.model;

import org.jspecify.annotations.Nullable;

/**
 * A text that may point to a definition, as ISO's {@code gmx:Anchor} does (a licence label and its URL, an access
 * constraint and its INSPIRE registry URI).
 */
public record LinkedText(@Nullable String text, @Nullable String uri) {
    public LinkedText {
        text = Strings.trimToNull(text);
        uri = Strings.trimToNull(uri);
    }

    public boolean isEmpty() {
        return text == null && uri == null;
    }

    /** The text, else the URI; null when empty. */
    public @Nullable String label() {
        return text != null ? text : uri;
    }
}
