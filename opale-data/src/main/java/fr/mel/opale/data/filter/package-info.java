/**
 * Feature filters as values: the abstract syntax tree that the OGC API's CQL2 parsers (text and JSON), its
 * {@code datetime} parameter and its attribute query parameters build, and that the data store translates into
 * parameterised SQL for H2 and PostGIS. Property names are checked against the dataset version's columns when the
 * query runs; no text from a filter ever becomes SQL.
 */
@NullMarked
package fr.mel.opale.data.filter;

import org.jspecify.annotations.NullMarked;
