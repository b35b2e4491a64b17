package fr.mel.opale.catalog.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A text in one or more languages, keyed by two-letter language code ({@code fr}, {@code en}...). The first entry is
 * the text in the record's main language. Serialised as a plain JSON object: {@code {"fr":"…","en":"…"}}.
 * Blank translations are dropped, so an "empty" text has no entry at all.
 */
public final class LocalizedText {
    private static final LocalizedText EMPTY = new LocalizedText(Map.of());
    private final Map<String, String> values;

    private LocalizedText(Map<String, String> values) {
        this.values = values;
    }

    @JsonCreator
    public static LocalizedText of(@Nullable Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((lang, text) -> {
            if (lang != null && text != null && !text.isBlank()) {
                kept.put(lang.toLowerCase(java.util.Locale.ROOT), text.strip());
            }
        });
        return kept.isEmpty() ? EMPTY : new LocalizedText(Collections.unmodifiableMap(kept));
    }

    /** A text in one language; blank or null gives the empty text. */
    public static LocalizedText of(String language, @Nullable String text) {
        return text == null ? EMPTY : of(Map.of(language, text));
    }

    public static LocalizedText empty() {
        return EMPTY;
    }

    @JsonValue
    public Map<String, String> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The main-language text, or {@code null} when empty. */
    public @Nullable String text() {
        return values.isEmpty() ? null : values.values().iterator().next();
    }

    /** The text in {@code language}, else in the main language, else {@code null}. */
    public @Nullable String in(String language) {
        String exact = values.get(language);
        return exact != null ? exact : text();
    }

    /** The main-language text, or {@code fallback} when empty. */
    public String textOr(String fallback) {
        String text = text();
        return text == null ? fallback : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalizedText that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
