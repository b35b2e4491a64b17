package fr.mel.opale.search;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.ReadFilter;
import java.util.Set;

/**
 * Which records a viewer may find, as the access policy decided it ({@link ReadFilter}); the engine applies it to
 * hits, totals, facet counts and suggestions alike so nothing hidden leaks through a number.
 *
 * @param everything true for viewers who see every record (platform administrators)
 * @param keys       the reader keys the viewer holds: a record is found when its indexed reader keys
 *                   ({@link AccessPolicy#readersOf}) contain one of them
 */
public record ReadScope(boolean everything, Set<String> keys) {
    public static final ReadScope EVERYTHING = new ReadScope(true, Set.of(AccessPolicy.PUBLIC_KEY));
    public static final ReadScope PUBLIC_ONLY = new ReadScope(false, Set.of(AccessPolicy.PUBLIC_KEY));

    public ReadScope {
        keys = Set.copyOf(keys);
    }

    /** The policy's filter as a search scope. */
    public static ReadScope of(ReadFilter filter) {
        return new ReadScope(filter.everything(), filter.keys());
    }
}
