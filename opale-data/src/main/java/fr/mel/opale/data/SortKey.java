package fr.mel.opale.data;

/**
 * One key of a feature ordering ({@code sortby=+commune,-population}).
 *
 * @param property a column name (checked against the version's columns when the query runs; unknown = 400)
 */
public record SortKey(String property, boolean descending) {
}
