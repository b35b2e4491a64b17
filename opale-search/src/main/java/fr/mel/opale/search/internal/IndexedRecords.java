package fr.mel.opale.search.internal;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.search.IndexedRecord;
import fr.mel.opale.quality.QualityReport;
import fr.mel.opale.quality.QualityScores;
import fr.mel.opale.thesaurus.Thesauri;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Adds to a stored record what other modules know of it: its usage categories (with their broader concepts, so
 * that a parent category finds and counts its children's records) and its quality score.
 */
@Component
public class IndexedRecords {
    private final Thesauri thesauri;
    private final QualityScores quality;

    private final AccessPolicy policy;

    IndexedRecords(Thesauri thesauri, QualityScores quality, AccessPolicy policy) {
        this.thesauri = thesauri;
        this.quality = quality;
        this.policy = policy;
    }

    /**
     * The records ready to index, their quality scores read in one go. Call it inside a transaction that sees the
     * records' committed state (scores are stored in the same transaction as the record).
     */
    public List<IndexedRecord> of(List<StoredRecord> records) {
        Map<String, QualityReport> reports = quality.reports(records.stream().map(StoredRecord::id).toList());
        return records.stream().map(stored -> of(stored, reports.get(stored.id()))).toList();
    }

    private IndexedRecord of(StoredRecord stored, @Nullable QualityReport report) {
        List<String> own = categories(stored);
        Set<String> tree = new LinkedHashSet<>(own);
        own.forEach(category -> tree.addAll(thesauri.broaderTransitive(category)));
        return new IndexedRecord(stored, own, new ArrayList<>(tree), report == null ? null : report.score(),
                report == null ? null : report.band().name().toLowerCase(Locale.ROOT),
                policy.indexedReadersOf(stored.protection()));
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
