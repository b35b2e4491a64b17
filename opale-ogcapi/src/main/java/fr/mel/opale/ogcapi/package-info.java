/**
 * Opale's OGC APIs under {@code /ogcapi}: OGC API – Features Part 1 (core, GeoJSON, HTML, OpenAPI 3.0), Part 2
 * (coordinate reference systems by reference) and Part 3 (queryables, filtering with CQL2 text and JSON), over the
 * datasets of {@code opale-data}. Each building block lives in its own package and says which conformance classes it
 * implements; {@code /conformance} is the list of blocks switched on. Every read goes through
 * {@link fr.mel.opale.data.Datasets} and {@link fr.mel.opale.data.Features}, hence through the access policy.
 */
@NullMarked
package fr.mel.opale.ogcapi;

import org.jspecify.annotations.NullMarked;
