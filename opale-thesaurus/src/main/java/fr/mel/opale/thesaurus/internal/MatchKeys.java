package fr.mel.opale.thesaurus.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How labels, titles and URIs are compared when binding keywords: real records write "Environnement, Énergie" for
 * the concept "Environnement, énergie", cite "http://" for "https://", add a trailing slash... Keys ignore case,
 * accents, repeated or odd white space and typographic apostrophes; URI keys also ignore the scheme and a trailing
 * {@code /} or {@code #}.
 */
public final class MatchKeys {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]+");

    private MatchKeys() {
    }

    /** The comparison key of a label or title; empty for null or blank. */
    public static String text(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('\u2019', '\'').replace('\u02bc', '\'').replace("œ", "oe").replace("Œ", "oe")
                .toLowerCase(Locale.ROOT);
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }

    /** The comparison key of a URI: {@code https://x/y/} and {@code http://x/y} meet. Empty for null or blank. */
    public static String uri(@Nullable String uri) {
        if (uri == null) {
            return "";
        }
        String key = uri.strip();
        int scheme = key.indexOf("://");
        if (scheme > 0 && key.regionMatches(true, 0, "http", 0, 4)) {
            key = key.substring(scheme + 3);
        }
        while (key.endsWith("/") || key.endsWith("#")) {
            key = key.substring(0, key.length() - 1);
        }
        return key.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code value} is written as a URI or URN rather than as a title or code. */
    public static boolean looksLikeUri(String value) {
        return value.contains("://") || value.regionMatches(true, 0, "urn:", 0, 4);
    }
}
