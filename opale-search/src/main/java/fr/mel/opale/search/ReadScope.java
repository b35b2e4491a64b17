package fr.mel.opale.search;

import java.util.Set;

/**
 * Which records a viewer may find, as the access policy decided it; the engine applies it to hits, totals and facet
 * counts alike so nothing hidden leaks through a number.
 *
 * @param everything    true for viewers who see every record (platform administrators)
 * @param organisations besides public records, those owned by these organisations (empty until organisations grant
 *                      rights; then the policy fills it)
 */
public record ReadScope(boolean everything, Set<String> organisations) {
    public static final ReadScope EVERYTHING = new ReadScope(true, Set.of());
    public static final ReadScope PUBLIC_ONLY = new ReadScope(false, Set.of());

    public ReadScope {
        organisations = Set.copyOf(organisations);
    }
}
