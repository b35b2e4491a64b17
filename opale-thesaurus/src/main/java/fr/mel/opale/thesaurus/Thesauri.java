package fr.mel.opale.thesaurus;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.thesaurus.internal.LoadedThesauri;
import fr.mel.opale.thesaurus.internal.ParsedThesaurus;
import fr.mel.opale.thesaurus.internal.SkosConcept;
import fr.mel.opale.thesaurus.internal.SkosReader;
import fr.mel.opale.thesaurus.internal.ThesaurusIndex;
import fr.mel.opale.thesaurus.internal.ThesaurusSnapshot;
import fr.mel.opale.thesaurus.internal.ThesaurusStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The thesauri: read them (public, from an immutable in-memory snapshot: every read is a few hash-map lookups, safe
 * from any thread, never a database query) and import, replace or delete them (platform administrators, through
 * {@link AccessPolicy#requireThesaurusAdmin()}).
 *
 * <p>Writes parse the file first (a bad file changes nothing), store in one transaction, publish
 * {@link ThesaurusChanged} inside it, and swap the in-memory snapshot as soon as it commits, before any
 * after-commit listener runs.
 */
@Service
public class Thesauri {
    /** Scheme URI of MEL's usage categories, the thesaurus shipped by default. */
    public static final String USAGE_CATEGORIES_SCHEME = "https://data.lillemetropole.fr/thematique/categories";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?");

    private final ThesaurusStore store;
    private final LoadedThesauri loaded;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;

    Thesauri(ThesaurusStore store, LoadedThesauri loaded, AccessPolicy policy, ApplicationEventPublisher events) {
        this.store = store;
        this.loaded = loaded;
        this.policy = policy;
        this.events = events;
    }

    // ---- reads: public, from the snapshot ----

    /** Every thesaurus, the usage categories first, then by id. */
    public List<ThesaurusSummary> list() {
        return loaded.index().thesauri().values().stream().map(ThesaurusSnapshot::summary)
                .sorted((a, b) -> Boolean.compare(b.usageCategories(), a.usageCategories())).toList();
    }

    public Optional<ThesaurusSummary> find(String id) {
        return loaded.index().thesaurus(id).map(ThesaurusSnapshot::summary);
    }

    /** Like {@link #find} but throws the 404 problem. */
    public ThesaurusSummary get(String id) {
        return find(id).orElseThrow(() -> ThesaurusProblem.notFound(id));
    }

    /**
     * The concept with this URI in any loaded thesaurus (a URI differing only by http/https or a trailing slash
     * matches too); empty when unknown.
     */
    public Optional<Concept> concept(String conceptUri) {
        return loaded.index().concept(conceptUri);
    }

    /** The top concepts of thesaurus {@code id}, in French label order; 404 problem when the thesaurus is unknown. */
    public List<Concept> topConcepts(String id) {
        return snapshot(id).topConcepts();
    }

    /**
     * The direct narrower concepts of {@code parentUri} in thesaurus {@code id}, in French label order; 404 problem
     * when the thesaurus or the concept is unknown.
     */
    public List<Concept> narrower(String id, String parentUri) {
        ThesaurusSnapshot snapshot = snapshot(id);
        if (!snapshot.contains(parentUri)) {
            throw ThesaurusProblem.conceptNotFound(id, parentUri);
        }
        return snapshot.children(parentUri);
    }

    /** Every concept of thesaurus {@code id}, in French label order; 404 problem when unknown. */
    public List<Concept> concepts(String id) {
        return List.copyOf(snapshot(id).concepts());
    }

    /**
     * The ancestors of a concept (broader, then their broader...), nearest first, each once; empty when the concept
     * is unknown or top. Precomputed: O(1).
     */
    public List<String> broaderTransitive(String conceptUri) {
        ThesaurusIndex index = loaded.index();
        return index.concept(conceptUri)
                .map(c -> index.thesaurus(c.thesaurusId()).map(s -> s.ancestors(c.uri())).orElse(List.of()))
                .orElse(List.of());
    }

    /**
     * The concepts of the usage-category thesaurus (the default one, or what an administrator replaced it with):
     * top concepts first, each group in French label order. Empty if none is loaded.
     */
    public List<Concept> usageCategories() {
        return loaded.index().usageCategories().map(s -> Stream.concat(s.topConcepts().stream(),
                s.concepts().stream().filter(c -> !c.topConcept())).toList()).orElse(List.of());
    }

    /** The usage-category thesaurus, when loaded. */
    public Optional<ThesaurusSummary> usageCategoryThesaurus() {
        return loaded.index().usageCategories().map(ThesaurusSnapshot::summary);
    }

    /** Whether {@code conceptUri} is a concept of the usage-category thesaurus. */
    public boolean isUsageCategory(String conceptUri) {
        ThesaurusIndex index = loaded.index();
        return index.usageCategories().map(usage -> usage.contains(conceptUri)
                || index.concept(conceptUri).map(c -> c.thesaurusId().equals(usage.id())).orElse(false))
                .orElse(false);
    }

    /**
     * The usage category named by {@code value}: its concept URI, or its slug (last segment of the URI, or its
     * notation), e.g. {@code environnement_energie}. Empty when no usage category matches.
     */
    public Optional<Concept> usageCategory(String value) {
        Optional<ThesaurusSnapshot> usage = loaded.index().usageCategories();
        if (usage.isEmpty() || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Concept> byUri = usage.get().concept(value.strip());
        if (byUri.isPresent()) {
            return byUri;
        }
        String slug = value.strip();
        return usage.get().concepts().stream()
                .filter(c -> slug.equals(c.notation()) || c.uri().endsWith("/" + slug) || c.uri().endsWith("#" + slug))
                .findFirst();
    }

    // ---- writes: platform administrators ----

    /**
     * Imports a new thesaurus from a SKOS file.
     *
     * @param id the slug to give it; null derives one from the scheme URI (made unique with a number)
     * @throws ThesaurusProblem 400 for a file that is not SKOS or is malformed, 409 when the id or the scheme is
     *                          already there (replace it instead), 413 when too large
     */
    @Transactional
    public ThesaurusSummary create(byte[] content, SkosFormat format, @Nullable String id) {
        policy.requireThesaurusAdmin();
        return createUnchecked(content, format, id, false);
    }

    /**
     * Replaces thesaurus {@code id} with the content of a SKOS file, atomically: its concepts, titles and scheme
     * change together, or nothing changes. Aliases survive (they say how records cite it) and gain the former scheme
     * URI and titles when those change, so records citing the old ones still bind. The usage-category flag stays.
     */
    @Transactional
    public ThesaurusSummary replace(String id, byte[] content, SkosFormat format) {
        policy.requireThesaurusAdmin();
        ThesaurusSummary current = store.summary(id).orElseThrow(() -> ThesaurusProblem.notFound(id));
        ParsedThesaurus parsed = SkosReader.read(content, format);
        store.idOfScheme(parsed.schemeUri()).filter(other -> !other.equals(id)).ifPresent(other -> {
            throw ThesaurusProblem.alreadyExists("Le schéma « " + parsed.schemeUri() + " » est déjà celui du "
                    + "thésaurus « " + other + " ».");
        });
        Set<String> aliases = new LinkedHashSet<>(current.aliases());
        aliases.addAll(parsed.aliases());
        if (!current.schemeUri().equals(parsed.schemeUri())) {
            aliases.add(current.schemeUri());
        }
        current.titles().values().stream().filter(t -> !parsed.titles().containsValue(t)).forEach(aliases::add);
        ThesaurusSummary summary = new ThesaurusSummary(id, parsed.schemeUri(), titles(parsed, id),
                List.copyOf(aliases), format.code(), now(), parsed.concepts().size(), current.usageCategories());
        store.replace(summary, parsed.concepts());
        published(ThesaurusSnapshot.of(summary, parsed.concepts()));
        return summary;
    }

    /**
     * Deletes thesaurus {@code id}. The usage-category thesaurus cannot be deleted (409): replace it instead.
     * Records keep their keywords (with the concept URIs); they just no longer resolve to a concept.
     */
    @Transactional
    public void delete(String id) {
        policy.requireThesaurusAdmin();
        ThesaurusSummary current = store.summary(id).orElseThrow(() -> ThesaurusProblem.notFound(id));
        if (current.usageCategories()) {
            throw ThesaurusProblem.defaultNotDeletable(id);
        }
        store.delete(id);
        events.publishEvent(new ThesaurusChanged(id));
        afterCommit(() -> loaded.remove(id));
    }

    /**
     * Imports the usage-category thesaurus when none is there: what the platform does at start with the one it
     * ships. Runs as the platform, whoever is calling. Returns the thesaurus now flagged as usage categories.
     */
    @Transactional
    public ThesaurusSummary ensureUsageCategories(byte[] content, SkosFormat format, String id) {
        return policy.asPlatform(() -> {
            Optional<ThesaurusSummary> flagged = store.summaries().stream()
                    .filter(ThesaurusSummary::usageCategories).findFirst();
            if (flagged.isPresent()) {
                return flagged.get();
            }
            ParsedThesaurus parsed = SkosReader.read(content, format);
            Optional<String> existing = store.idOfScheme(parsed.schemeUri());
            if (existing.isPresent()) {
                // Imported earlier as an ordinary thesaurus: it becomes the usage categories, content kept.
                ThesaurusSummary s = store.summary(existing.get()).orElseThrow();
                ThesaurusSummary flaggedNow = new ThesaurusSummary(s.id(), s.schemeUri(), s.titles(), s.aliases(),
                        s.format(), s.importedAt(), s.conceptCount(), true);
                List<SkosConcept> concepts = store.concepts(s.id());
                store.replace(flaggedNow, concepts);
                published(ThesaurusSnapshot.of(flaggedNow, concepts));
                return flaggedNow;
            }
            return createUnchecked(content, format, id, true);
        });
    }

    private ThesaurusSummary createUnchecked(byte[] content, SkosFormat format, @Nullable String requestedId,
                                             boolean usageCategories) {
        if (requestedId != null && !requestedId.isBlank() && !SLUG.matcher(requestedId).matches()) {
            throw ThesaurusProblem.badRequest("L'identifiant « " + requestedId + " » doit être fait de lettres "
                    + "minuscules non accentuées, de chiffres et de tirets (100 caractères au plus).");
        }
        ParsedThesaurus parsed = SkosReader.read(content, format);
        store.idOfScheme(parsed.schemeUri()).ifPresent(other -> {
            throw ThesaurusProblem.alreadyExists("Le schéma « " + parsed.schemeUri() + " » est déjà importé comme "
                    + "thésaurus « " + other + " » : remplacez-le (PUT /api/thesauri/" + other + ").");
        });
        String id;
        if (requestedId != null && !requestedId.isBlank()) {
            id = requestedId;
            if (store.summary(id).isPresent()) {
                throw ThesaurusProblem.alreadyExists("Un thésaurus a déjà l'identifiant « " + id
                        + " » : remplacez-le (PUT) ou choisissez un autre identifiant.");
            }
        } else {
            id = freeSlug(parsed.schemeUri());
        }
        ThesaurusSummary summary = new ThesaurusSummary(id, parsed.schemeUri(), titles(parsed, id), parsed.aliases(),
                format.code(), now(), parsed.concepts().size(), usageCategories);
        store.insert(summary, parsed.concepts());
        published(ThesaurusSnapshot.of(summary, parsed.concepts()));
        return summary;
    }

    private void published(ThesaurusSnapshot snapshot) {
        events.publishEvent(new ThesaurusChanged(snapshot.id()));
        afterCommit(() -> loaded.put(snapshot));
    }

    /**
     * Runs {@code action} once the current transaction commits, before the after-commit event listeners (so they
     * read the new snapshot); never if it rolls back.
     */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private ThesaurusSnapshot snapshot(String id) {
        return loaded.index().thesaurus(id).orElseThrow(() -> ThesaurusProblem.notFound(id));
    }

    /** A slug from the scheme URI's last segment ({@code .../data-theme} gives {@code data-theme}), made unique. */
    private String freeSlug(String schemeUri) {
        String trimmed = schemeUri.replaceAll("[/#]+$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#')) + 1);
        String base = java.text.Normalizer.normalize(last, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "thesaurus";
        }
        base = base.length() > 90 ? base.substring(0, 90).replaceAll("-+$", "") : base;
        String candidate = base;
        for (int n = 2; store.summary(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static java.util.Map<String, String> titles(ParsedThesaurus parsed, String id) {
        return parsed.titles().isEmpty() ? java.util.Map.of("und", id) : parsed.titles();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
