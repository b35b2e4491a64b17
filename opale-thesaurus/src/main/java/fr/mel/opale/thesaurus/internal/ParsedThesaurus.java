package fr.mel.opale.thesaurus.internal;

import java.util.List;
import java.util.Map;

/**
 * What a SKOS file holds once read: its (main) concept scheme and the concepts of that scheme, sorted by URI.
 *
 * @param aliases identifiers and alternative titles the file gives its scheme ({@code dcterms:identifier},
 *                {@code owl:sameAs}, {@code dcterms:alternative}, {@code skos:altLabel})
 */
public record ParsedThesaurus(String schemeUri, Map<String, String> titles, List<String> aliases,
                              List<SkosConcept> concepts) {
    public ParsedThesaurus {
        titles = Map.copyOf(titles);
        aliases = List.copyOf(aliases);
        concepts = List.copyOf(concepts);
    }
}
