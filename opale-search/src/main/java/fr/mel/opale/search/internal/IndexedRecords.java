package fr.mel.opale.search.internal;

import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.search.IndexedRecord;
import fr.mel.opale.thesaurus.Thesauri;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Adds to a stored record what other modules know of it: its usage categories (with their broader concepts, so
 * that a parent category finds and counts its children's records) and its quality score.
 */
@Component
public class IndexedRecords {
    private final Thesauri thesauri;

    IndexedRecords(Thesauri thesauri) {
        this.thesauri = thesauri;
    }

    public IndexedRecord of(StoredRecord stored) {
        List<String> own = categories(stored);
        Set<String> tree = new LinkedHashSet<>(own);
        own.forEach(category -> tree.addAll(thesauri.broaderTransitive(category)));
        return new IndexedRecord(stored, own, new ArrayList<>(tree), null, null);
    }

    /**
     * The record's usage categories: keywords bound to a concept of the usage-category thesaurus (the catalog's
     * enricher binds them on every write, mapping other vocabularies too), whatever scheme URI an administrator
     * gave that thesaurus.
     */
    private List<String> categories(StoredRecord stored) {
        Set<String> categories = new LinkedHashSet<>();
        for (Keyword keyword : stored.record().keywords()) {
            if (keyword.uri() != null && (thesauri.isUsageCategory(keyword.uri()) || keyword.thesaurus() != null
                    && Thesauri.USAGE_CATEGORIES_SCHEME.equals(keyword.thesaurus().uri()))) {
                categories.add(keyword.uri());
            }
        }
        return List.copyOf(categories);
    }
}
