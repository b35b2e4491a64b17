package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.thesaurus.Concept;
import fr.mel.opale.thesaurus.ThesaurusSummary;
import java.text.Collator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One thesaurus in memory, immutable and thread-safe: concepts by URI, children and ancestors precomputed, label and
 * citation keys for binding. Built once per import or replacement; every lookup is a hash-map read.
 */
public final class ThesaurusSnapshot {
    private final ThesaurusSummary summary;
    private final Map<String, Concept> concepts;
    private final List<Concept> top;
    private final Map<String, List<Concept>> children;
    private final Map<String, List<String>> ancestors;
    private final Map<String, Concept> byLabel;
    private final Set<String> citationTitles;
    private final Set<String> citationUris;

    private ThesaurusSnapshot(ThesaurusSummary summary, Map<String, Concept> concepts, List<Concept> top,
                              Map<String, List<Concept>> children, Map<String, List<String>> ancestors,
                              Map<String, Concept> byLabel, Set<String> citationTitles, Set<String> citationUris) {
        this.summary = summary;
        this.concepts = concepts;
        this.top = top;
        this.children = children;
        this.ancestors = ancestors;
        this.byLabel = byLabel;
        this.citationTitles = citationTitles;
        this.citationUris = citationUris;
    }

    public static ThesaurusSnapshot of(ThesaurusSummary summary, List<SkosConcept> skos) {
        Map<String, List<String>> narrower = new HashMap<>();
        for (SkosConcept c : skos) {
            for (String parent : c.broader()) {
                narrower.computeIfAbsent(parent, k -> new ArrayList<>()).add(c.uri());
            }
        }
        Map<String, Concept> byUri = new HashMap<>();
        for (SkosConcept c : skos) {
            byUri.put(c.uri(), new Concept(c.uri(), summary.id(), c.notation(), c.prefLabels(), c.altLabels(),
                    c.broader(), narrower.getOrDefault(c.uri(), List.of()).stream().sorted().toList(),
                    c.topConcept()));
        }
        Comparator<Concept> order = frenchOrder();
        List<Concept> sorted = byUri.values().stream().sorted(order).toList();
        Map<String, Concept> concepts = new LinkedHashMap<>();
        sorted.forEach(c -> concepts.put(c.uri(), c));
        Map<String, List<Concept>> children = new HashMap<>();
        for (Concept c : sorted) {
            for (String parent : c.broader()) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
            }
        }
        children.replaceAll((k, v) -> List.copyOf(v));
        Map<String, List<String>> ancestors = new HashMap<>();
        for (Concept c : sorted) {
            ancestors.put(c.uri(), ancestorsOf(c, byUri));
        }
        return new ThesaurusSnapshot(summary, Collections.unmodifiableMap(concepts),
                sorted.stream().filter(Concept::topConcept).toList(), Map.copyOf(children), Map.copyOf(ancestors),
                labelIndex(sorted), citationTitles(summary), citationUris(summary));
    }

    /** French alphabetical order of labels (accents after their letter), then URI for equal labels. */
    static Comparator<Concept> frenchOrder() {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        collator.setStrength(Collator.SECONDARY);
        Map<String, java.text.CollationKey> keys = new HashMap<>();
        return Comparator.<Concept, java.text.CollationKey>comparing(
                c -> keys.computeIfAbsent(c.uri(), u -> collator.getCollationKey(c.label("fr"))))
                .thenComparing(Concept::uri);
    }

    /** Breadth first, so the nearest ancestors come first; cycles (bad data) are cut. */
    private static List<String> ancestorsOf(Concept concept, Map<String, Concept> byUri) {
        if (concept.broader().isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(concept.uri());
        Deque<String> queue = new ArrayDeque<>(concept.broader());
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (seen.add(next)) {
                result.add(next);
                Concept parent = byUri.get(next);
                if (parent != null) {
                    queue.addAll(parent.broader());
                }
            }
        }
        return List.copyOf(result);
    }

    /** Label key to concept: preferred labels first (any language), then alternative ones; the first wins. */
    private static Map<String, Concept> labelIndex(List<Concept> concepts) {
        Map<String, Concept> index = new HashMap<>();
        for (Concept c : concepts) {
            c.prefLabels().values().forEach(label -> index.putIfAbsent(MatchKeys.text(label), c));
        }
        for (Concept c : concepts) {
            c.altLabels().values().forEach(labels -> labels.forEach(l -> index.putIfAbsent(MatchKeys.text(l), c)));
        }
        index.remove("");
        return Map.copyOf(index);
    }

    private static Set<String> citationTitles(ThesaurusSummary summary) {
        Set<String> keys = new HashSet<>();
        summary.titles().values().forEach(t -> keys.add(MatchKeys.text(t)));
        summary.aliases().stream().filter(a -> !MatchKeys.looksLikeUri(a)).forEach(a -> keys.add(MatchKeys.text(a)));
        keys.remove("");
        return Set.copyOf(keys);
    }

    private static Set<String> citationUris(ThesaurusSummary summary) {
        Set<String> keys = new HashSet<>();
        keys.add(MatchKeys.uri(summary.schemeUri()));
        summary.aliases().stream().filter(MatchKeys::looksLikeUri).forEach(a -> keys.add(MatchKeys.uri(a)));
        keys.remove("");
        return Set.copyOf(keys);
    }

    public ThesaurusSummary summary() {
        return summary;
    }

    public String id() {
        return summary.id();
    }

    /** All concepts in French label order. */
    public java.util.Collection<Concept> concepts() {
        return concepts.values();
    }

    public Optional<Concept> concept(String uri) {
        return Optional.ofNullable(concepts.get(uri));
    }

    public boolean contains(String uri) {
        return concepts.containsKey(uri);
    }

    /** Top concepts in French label order. */
    public List<Concept> topConcepts() {
        return top;
    }

    /** Direct narrower concepts of {@code uri} in French label order; empty when none or unknown. */
    public List<Concept> children(String uri) {
        return children.getOrDefault(uri, List.of());
    }

    /** Ancestors of {@code uri}, nearest first; empty when none or unknown. */
    public List<String> ancestors(String uri) {
        return ancestors.getOrDefault(uri, List.of());
    }

    /** The concept with this preferred or alternative label (case-, accent- and space-insensitive). */
    public Optional<Concept> byLabel(String label) {
        return Optional.ofNullable(byLabel.get(MatchKeys.text(label)));
    }

    /** Whether a keyword's thesaurus citation (title and/or URI) names this thesaurus, by title, URI or alias. */
    public boolean isCitedAs(@Nullable String title, @Nullable String uri) {
        return (uri != null && citationUris.contains(MatchKeys.uri(uri)))
                || (title != null && citationTitles.contains(MatchKeys.text(title)));
    }
}
