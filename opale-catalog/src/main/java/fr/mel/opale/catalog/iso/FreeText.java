package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.LocalizedText;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Reads multilingual ISO texts ({@code gco:CharacterString} plus {@code PT_FreeText} translations) of one document
 * into {@link LocalizedText}. Translations point to a locale by id ({@code locale="#EN"}); the ids are resolved
 * through the document's {@code PT_Locale} declarations, else guessed from the id itself ({@code #FR},
 * {@code #locale-eng}). One instance per document, immutable.
 */
final class FreeText {
    private final String mainLanguage;
    private final Map<String, String> localeLanguages;

    private FreeText(String mainLanguage, Map<String, String> localeLanguages) {
        this.mainLanguage = mainLanguage;
        this.localeLanguages = localeLanguages;
    }

    /** Reads the {@code PT_Locale} declarations (19139 {@code languageCode}, 19115-3 {@code language}). */
    static FreeText of(Element metadata, String mainLanguage) {
        Map<String, String> languages = new HashMap<>();
        for (Element locale : Dom.descendants(metadata, "PT_Locale")) {
            String id = Dom.attr(locale, "id");
            String language = Languages.twoLetter(Dom.code(Dom.first(locale, "languageCode")));
            if (language == null) {
                language = Languages.twoLetter(Dom.code(Dom.first(locale, "language")));
            }
            if (id != null && language != null) {
                languages.putIfAbsent(id.toLowerCase(Locale.ROOT), language);
            }
        }
        return new FreeText(mainLanguage, languages);
    }

    String mainLanguage() {
        return mainLanguage;
    }

    /**
     * The text of {@code property} on one line (titles, keywords, names): the main language first (its plain text),
     * then each translation not already present. Empty when the property is absent or blank.
     */
    LocalizedText read(@Nullable Element property) {
        return read(property, Dom::oneLine);
    }

    /** Like {@link #read} but keeping paragraphs (abstracts, lineage): see {@link Dom#paragraphs}. */
    LocalizedText readParagraphs(@Nullable Element property) {
        return read(property, Dom::paragraphs);
    }

    private LocalizedText read(@Nullable Element property, UnaryOperator<@Nullable String> normalise) {
        if (property == null) {
            return LocalizedText.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        String main = normalise.apply(Dom.rawPlainText(property));
        if (main != null) {
            values.put(mainLanguage, main);
        }
        Map<String, String> translations = new LinkedHashMap<>();
        for (Element localised : Dom.descendants(property, "LocalisedCharacterString")) {
            String text = normalise.apply(localised.getTextContent());
            if (text != null) {
                translations.putIfAbsent(language(Dom.attr(localised, "locale")), text);
            }
        }
        // The main-language entry leads even when the record only gives it as a translation.
        String mainTranslation = translations.remove(mainLanguage);
        if (mainTranslation != null) {
            values.putIfAbsent(mainLanguage, mainTranslation);
        }
        translations.forEach(values::putIfAbsent);
        return LocalizedText.of(values);
    }

    private String language(@Nullable String localeReference) {
        if (localeReference == null) {
            return mainLanguage;
        }
        String id = localeReference.startsWith("#") ? localeReference.substring(1) : localeReference;
        String declared = localeLanguages.get(id.toLowerCase(Locale.ROOT));
        if (declared != null) {
            return declared;
        }
        // Undeclared ids are usually the language itself: "FR", "EN", "locale-fre", "loc_eng".
        String guess = id.toLowerCase(Locale.ROOT).replaceFirst("^(locale|loc)[-_]?", "");
        String language = Languages.twoLetter(guess);
        return language == null ? mainLanguage : language;
    }
}
