package fr.mel.opale.web.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A concept in the admin tree: its label in the page's language, its other labels and its narrower concepts.
 *
 * @param otherLabels preferred labels in the other languages shown (fr/en), e.g. "Economy, employment"
 * @param altLabels   alternative labels in the page's language (else French)
 */
public record ConceptNode(String uri, String label, @Nullable String notation, List<String> otherLabels,
                          List<String> altLabels, List<ConceptNode> children) {
}
