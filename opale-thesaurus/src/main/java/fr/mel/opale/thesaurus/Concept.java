package fr.mel.opale.thesaurus;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A SKOS concept as loaded: immutable.
 *
 * @param uri         the concept URI
 * @param thesaurusId the id of the thesaurus holding it
 * @param notation    its {@code skos:notation}, null when none
 * @param prefLabels  language (lower-case BCP 47 tag, {@code und} for untagged) to preferred label
 * @param altLabels   language to alternative labels
 * @param broader     direct broader concepts (asserted {@code skos:broader} plus inverted {@code skos:narrower}),
 *                    only those of the same thesaurus
 * @param narrower    direct narrower concepts, the inverse of {@code broader}
 * @param topConcept  whether it is a top concept of its scheme (declared, or without broader concept)
 */
public record Concept(String uri, String thesaurusId, @Nullable String notation, Map<String, String> prefLabels,
                      Map<String, List<String>> altLabels, List<String> broader, List<String> narrower,
                      boolean topConcept) {
    public Concept {
        prefLabels = Map.copyOf(prefLabels);
        altLabels = Map.copyOf(altLabels);
        broader = List.copyOf(broader);
        narrower = List.copyOf(narrower);
    }

    /**
     * The preferred label in {@code lang}, else (in that order) French, English, untagged, any language, and the URI
     * when the concept has no label at all. Never null.
     */
    public String label(String lang) {
        for (String candidate : new String[] {lang, "fr", "en", "und"}) {
            String label = prefLabels.get(candidate);
            if (label != null) {
                return label;
            }
        }
        return prefLabels.values().stream().sorted().findFirst().orElse(uri);
    }
}
