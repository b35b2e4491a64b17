package fr.mel.opale.search;

/**
 * One value of a facet with the number of records it would give, the other facets' filters applied.
 *
 * @param value    what to send back as a filter value
 * @param label    what to show (a concept's label in the query language, a translated kind...; else the value)
 * @param count    exact number of visible records
 * @param selected whether the query already filters on it
 */
public record FacetValue(String value, String label, long count, boolean selected) {
}
