package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import fr.mel.opale.thesaurus.Concept;
import fr.mel.opale.thesaurus.ThesaurusSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Record keywords made from concepts: how a category added by the mapping or by an editor is written. */
public final class ConceptKeywords {
    private ConceptKeywords() {
    }

    /** A theme keyword for {@code concept}: its fr/en labels, its URI, and {@code thesaurus} as citation. */
    public static Keyword keyword(Concept concept, ThesaurusSummary thesaurus) {
        return new Keyword(labels(concept), concept.uri(), citation(thesaurus), "theme");
    }

    public static ThesaurusCitation citation(ThesaurusSummary thesaurus) {
        return new ThesaurusCitation(thesaurus.title("fr"), thesaurus.schemeUri(), null);
    }

    /** French and English labels of a concept, whichever it has; else its label in any language under "fr". */
    public static LocalizedText labels(Concept concept) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String lang : List.of("fr", "en")) {
            String label = concept.prefLabels().get(lang);
            if (label != null) {
                labels.put(lang, label);
            }
        }
        if (labels.isEmpty()) {
            labels.put("fr", concept.label("fr"));
        }
        return LocalizedText.of(labels);
    }
}
