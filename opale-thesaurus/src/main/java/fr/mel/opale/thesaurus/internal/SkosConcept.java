package fr.mel.opale.thesaurus.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A concept as read from a SKOS file or stored: its labels and its broader concepts (narrower ones are derived).
 *
 * @param broader    direct broader concepts of the same thesaurus (asserted broader and inverted narrower)
 * @param topConcept declared {@code topConceptOf}/{@code hasTopConcept}, or without broader concept
 */
public record SkosConcept(String uri, @Nullable String notation, Map<String, String> prefLabels,
                          Map<String, List<String>> altLabels, List<String> broader, boolean topConcept) {
    public SkosConcept {
        prefLabels = Map.copyOf(prefLabels);
        altLabels = Map.copyOf(altLabels);
        broader = List.copyOf(broader);
    }
}
