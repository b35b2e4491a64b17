package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.catalog.RecordEnricher;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import fr.mel.opale.thesaurus.Concept;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Binds a record's keywords to the loaded thesauri and gives it a usage category, on every catalog write.
 *
 * <ol>
 *   <li>A keyword whose URI (ISO anchor) is a concept of a loaded thesaurus is bound: URI written as the concept's,
 *       label kept (filled from the concept when empty), thesaurus citation set to that thesaurus unless it already
 *       names it (by title, URI or alias).</li>
 *   <li>A keyword without URI whose citation names a loaded thesaurus and whose label is a preferred or alternative
 *       label of one of its concepts (case-, accent- and space-insensitive) gets the concept URI; its citation is
 *       kept, as the record's source wrote it.</li>
 *   <li>A record left without any usage category gets those the {@link CategoryMapping} derives from its keywords,
 *       else from its ISO topic categories, as keywords of the usage-category thesaurus (labels fr and en).</li>
 * </ol>
 * Idempotent: a second pass finds everything bound and a usage category present, and returns the record itself.
 * Runs on the in-memory snapshot: no I/O.
 */
@Component
@Order(100)
class KeywordBinding implements RecordEnricher {
    private final LoadedThesauri loaded;
    private final CategoryMapping mapping;

    KeywordBinding(LoadedThesauri loaded, CategoryMapping mapping) {
        this.loaded = loaded;
        this.mapping = mapping;
    }

    @Override
    public CatalogRecord enrich(CatalogRecord record) {
        ThesaurusIndex index = loaded.index();
        List<Keyword> keywords = new ArrayList<>(record.keywords().size() + 1);
        for (Keyword keyword : record.keywords()) {
            keywords.add(bind(keyword, index));
        }
        index.usageCategories().ifPresent(usage -> addMappedCategories(record, keywords, usage));
        return keywords.equals(record.keywords()) ? record : record.toBuilder().keywords(keywords).build();
    }

    private static Keyword bind(Keyword keyword, ThesaurusIndex index) {
        ThesaurusCitation citation = keyword.thesaurus();
        if (keyword.uri() != null) {
            Optional<Concept> concept = index.concept(keyword.uri());
            Optional<ThesaurusSnapshot> thesaurus = concept.flatMap(c -> index.thesaurus(c.thesaurusId()));
            if (concept.isEmpty() || thesaurus.isEmpty()) {
                return keyword;
            }
            ThesaurusCitation bound = citation != null && thesaurus.get().isCitedAs(citation.title(), citation.uri())
                    ? citation : ConceptKeywords.citation(thesaurus.get().summary());
            LocalizedText label = keyword.label().isEmpty() ? ConceptKeywords.labels(concept.get()) : keyword.label();
            return new Keyword(label, concept.get().uri(), bound, keyword.type());
        }
        if (citation == null) {
            return keyword;
        }
        Optional<ThesaurusSnapshot> thesaurus = index.cited(citation.title(), citation.uri());
        if (thesaurus.isEmpty()) {
            return keyword;
        }
        for (String label : keyword.label().values().values()) {
            Optional<Concept> concept = thesaurus.get().byLabel(label);
            if (concept.isPresent()) {
                return new Keyword(keyword.label(), concept.get().uri(), citation, keyword.type());
            }
        }
        return keyword;
    }

    private void addMappedCategories(CatalogRecord record, List<Keyword> keywords, ThesaurusSnapshot usage) {
        if (keywords.stream().anyMatch(k -> k.uri() != null && usage.contains(k.uri()))) {
            return;
        }
        Set<String> categories = new LinkedHashSet<>();
        keywords.forEach(k -> categories.addAll(mapping.categoriesOf(k)));
        if (categories.isEmpty()) {
            record.topicCategories().forEach(t -> categories.addAll(mapping.categoriesOfTopic(t)));
        }
        Set<String> added = new LinkedHashSet<>();
        for (String category : categories) {
            resolve(category, usage).filter(c -> added.add(c.uri())).ifPresent(concept ->
                    keywords.add(ConceptKeywords.keyword(concept, usage.summary())));
        }
    }

    /** A category as the mapping writes it: a concept URI, or a slug (last URI segment or notation). */
    private static Optional<Concept> resolve(String category, ThesaurusSnapshot usage) {
        Optional<Concept> byUri = usage.concept(category);
        if (byUri.isPresent()) {
            return byUri;
        }
        return usage.concepts().stream().filter(c -> category.equals(c.notation())
                || c.uri().endsWith("/" + category) || c.uri().endsWith("#" + category)).findFirst();
    }
}
