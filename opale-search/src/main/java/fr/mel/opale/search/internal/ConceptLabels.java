package fr.mel.opale.search.internal;

import fr.mel.opale.thesaurus.Thesauri;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Labels of thesaurus concepts (usage categories, thesaurus keyword facet values) in a language, from the thesauri. */
@Component
public class ConceptLabels {
    private final Thesauri thesauri;

    ConceptLabels(Thesauri thesauri) {
        this.thesauri = thesauri;
    }

    /** The concept's label in {@code language} (else French, English...), else the last segment of its URI. */
    public String label(String conceptUri, Locale language) {
        return thesauri.concept(conceptUri).map(c -> c.label(language.getLanguage()))
                .orElseGet(() -> lastSegment(conceptUri));
    }

    /** The label of a {@code thesaurusUri|conceptUri-or-label} facet value: the concept's label, else what follows the bar. */
    public String thesaurusValueLabel(String value, Locale language) {
        int bar = value.indexOf('|');
        String concept = bar < 0 ? value : value.substring(bar + 1);
        return concept.startsWith("http://") || concept.startsWith("https://") ? label(concept, language) : concept;
    }

    private static String lastSegment(String uri) {
        String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
        return cut < 0 || cut == trimmed.length() - 1 ? uri : trimmed.substring(cut + 1);
    }
}
