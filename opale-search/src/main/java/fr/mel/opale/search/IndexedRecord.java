package fr.mel.opale.search;

import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.access.AccessPolicy;
import java.util.List;
import java.util.Set;
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
 * @param readers      the access policy's reader keys of the record ({@link AccessPolicy#readersOf}): a viewer
 *                     finds it when they hold one of them
 */
public record IndexedRecord(StoredRecord stored, List<String> categories, List<String> categoryTree,
                            @Nullable Integer qualityScore, @Nullable String qualityBand, Set<String> readers) {
    public IndexedRecord {
        categories = List.copyOf(categories);
        categoryTree = List.copyOf(categoryTree);
        readers = Set.copyOf(readers);
    }

    /** A record without grant, category nor score (tests, benchmarks). */
    public static IndexedRecord plain(StoredRecord stored) {
        return new IndexedRecord(stored, List.of(), List.of(), null, null,
                AccessPolicy.readers(stored.protection(), List.of()));
    }
}
