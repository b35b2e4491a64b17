package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.thesaurus.ThesaurusSummary;
import java.util.List;

/** A thesaurus as stored: its description and its concepts. */
public record StoredThesaurus(ThesaurusSummary summary, List<SkosConcept> concepts) {
    public StoredThesaurus {
        concepts = List.copyOf(concepts);
    }
}
