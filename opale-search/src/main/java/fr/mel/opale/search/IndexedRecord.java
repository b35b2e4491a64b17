package fr.mel.opale.search;

import fr.mel.opale.catalog.StoredRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A record with what the index needs besides the record itself, worked out by modules the engine does not know
 * (thesauri, quality).
 *
 * @param categories   the record's own usage-category concept URIs (shown on result cards)
 * @param categoryTree those plus all their broader concepts (filtered and counted on, so a parent includes its
 *                     narrower concepts)
 * @param qualityScore 0–100, null while not scored
 * @param qualityBand  lower-case band name, null while not scored
 */
public record IndexedRecord(StoredRecord stored, List<String> categories, List<String> categoryTree,
                            @Nullable Integer qualityScore, @Nullable String qualityBand) {
    public IndexedRecord {
        categories = List.copyOf(categories);
        categoryTree = List.copyOf(categoryTree);
    }

    /** A record with no category and no score (tests, and before those modules answer). */
    public static IndexedRecord plain(StoredRecord stored) {
        return new IndexedRecord(stored, List.of(), List.of(), null, null);
    }
}
