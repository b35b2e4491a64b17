package fr.mel.opale.catalog.iso;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ISO records name languages in ISO 639-2 (bibliographic {@code fre}, {@code ger} or terminological {@code fra},
 * {@code deu}); the model wants two-letter codes. Covers the languages met in French, Belgian and Swiss catalogues;
 * an unknown three-letter code is kept as it is rather than guessed.
 */
final class Languages {
    private static final Map<String, String> TWO_LETTER = Map.ofEntries(
            Map.entry("fre", "fr"), Map.entry("fra", "fr"), Map.entry("français", "fr"), Map.entry("francais", "fr"),
            Map.entry("french", "fr"),
            Map.entry("eng", "en"), Map.entry("english", "en"), Map.entry("anglais", "en"),
            Map.entry("ger", "de"), Map.entry("deu", "de"), Map.entry("deutsch", "de"), Map.entry("german", "de"),
            Map.entry("dut", "nl"), Map.entry("nld", "nl"),
            Map.entry("ita", "it"), Map.entry("spa", "es"), Map.entry("por", "pt"),
            Map.entry("roh", "rm"), Map.entry("ltz", "lb"), Map.entry("bre", "br"),
            Map.entry("cat", "ca"), Map.entry("oci", "oc"), Map.entry("eus", "eu"), Map.entry("baq", "eu"));

    private Languages() {
    }

    /**
     * The two-letter code for {@code code}: {@code fre} and {@code fra} give {@code fr}, {@code fr-FR} gives
     * {@code fr}, an unknown three-letter code comes back lower-cased, blank gives null.
     */
    static @Nullable String twoLetter(@Nullable String code) {
        String value = Dom.strip(code);
        if (value == null) {
            return null;
        }
        value = value.toLowerCase(Locale.ROOT);
        int separator = indexOfAny(value, "-_;, ");
        if (separator > 0) {
            value = value.substring(0, separator);
        }
        String known = TWO_LETTER.get(value);
        return known != null ? known : value;
    }

    private static int indexOfAny(String value, String characters) {
        for (int i = 0; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
