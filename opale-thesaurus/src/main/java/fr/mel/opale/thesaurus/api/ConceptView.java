package fr.mel.opale.thesaurus.api;

import fr.mel.opale.thesaurus.Concept;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A concept as the API shows it: labels, notation, hierarchy links and how many narrower concepts it has. */
record ConceptView(String uri, @Nullable String notation, Map<String, String> prefLabels,
                   Map<String, List<String>> altLabels, List<String> broader, List<String> narrower,
                   int narrowerCount, boolean topConcept) {
    static ConceptView of(Concept concept) {
        return new ConceptView(concept.uri(), concept.notation(), concept.prefLabels(), concept.altLabels(),
                concept.broader(), concept.narrower(), concept.narrower().size(), concept.topConcept());
    }
}
