/**
 * Search: the catalog's full-text index (Hibernate Search, Lucene backend, French analysis), its filters and
 * multi-select facets, suggestions, and the {@code /api/search} API.
 *
 * <p>Entry points: {@link fr.mel.opale.search.CatalogSearch} for the application (pages, API), built on
 * {@link fr.mel.opale.search.SearchEngine}, the index without Spring (also what the benchmark drives). Everything
 * under {@code internal} is private to the module.
 */
@NullMarked
package fr.mel.opale.search;

import org.jspecify.annotations.NullMarked;
