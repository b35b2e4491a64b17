package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.thesaurus.Concept;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every loaded thesaurus at one moment: immutable, swapped whole on change, so readers (search indexing every
 * record, the enricher on every write) never lock and never see a half-replaced thesaurus.
 */
public final class ThesaurusIndex {
    static final ThesaurusIndex EMPTY = new ThesaurusIndex(List.of());

    private final Map<String, ThesaurusSnapshot> byId;
    private final Map<String, Concept> byUri;
    private final Map<String, Concept> byUriKey;
    private final @Nullable ThesaurusSnapshot usageCategories;

    ThesaurusIndex(Collection<ThesaurusSnapshot> snapshots) {
        Map<String, ThesaurusSnapshot> ids = new TreeMap<>();
        snapshots.forEach(s -> ids.put(s.id(), s));
        Map<String, Concept> uris = new HashMap<>();
        Map<String, Concept> keys = new HashMap<>();
        ThesaurusSnapshot usage = null;
        // Sorted by id, the usage categories first: when two thesauri share a concept URI, lookups are stable.
        List<ThesaurusSnapshot> ordered = ids.values().stream()
                .sorted((a, b) -> Boolean.compare(b.summary().usageCategories(), a.summary().usageCategories()))
                .toList();
        for (ThesaurusSnapshot snapshot : ordered) {
            if (snapshot.summary().usageCategories() && usage == null) {
                usage = snapshot;
            }
            for (Concept concept : snapshot.concepts()) {
                uris.putIfAbsent(concept.uri(), concept);
                keys.putIfAbsent(MatchKeys.uri(concept.uri()), concept);
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(ids);
        this.byUri = Map.copyOf(uris);
        this.byUriKey = Map.copyOf(keys);
        this.usageCategories = usage;
    }

    /** Thesauri by id, sorted by id. */
    public Map<String, ThesaurusSnapshot> thesauri() {
        return byId;
    }

    public Optional<ThesaurusSnapshot> thesaurus(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The concept with exactly this URI, else one whose URI differs only by http/https or a trailing slash. */
    public Optional<Concept> concept(@Nullable String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        Concept exact = byUri.get(uri);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(byUriKey.get(MatchKeys.uri(uri)));
    }

    /** The thesaurus a keyword's citation names (title, URI or alias), the usage categories first. */
    public Optional<ThesaurusSnapshot> cited(@Nullable String title, @Nullable String uri) {
        if (usageCategories != null && usageCategories.isCitedAs(title, uri)) {
            return Optional.of(usageCategories);
        }
        return byId.values().stream().filter(s -> s.isCitedAs(title, uri)).findFirst();
    }

    /** The usage-category thesaurus, when loaded. */
    public Optional<ThesaurusSnapshot> usageCategories() {
        return Optional.ofNullable(usageCategories);
    }

    ThesaurusIndex with(ThesaurusSnapshot snapshot) {
        Map<String, ThesaurusSnapshot> next = new HashMap<>(byId);
        next.put(snapshot.id(), snapshot);
        return new ThesaurusIndex(next.values());
    }

    ThesaurusIndex without(String id) {
        Map<String, ThesaurusSnapshot> next = new HashMap<>(byId);
        next.remove(id);
        return new ThesaurusIndex(next.values());
    }
}
