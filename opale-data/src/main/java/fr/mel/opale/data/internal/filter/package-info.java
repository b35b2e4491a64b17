/**
 * CQL2 filters ({@link fr.mel.opale.data.filter.Filter}) translated into parameterised SQL for H2 and PostGIS: one
 * small translator per family of predicates (comparison, LIKE, BETWEEN, IN, case and accent folding, spatial,
 * temporal), composed by {@link fr.mel.opale.data.internal.filter.FilterSql}. Property names are resolved against
 * the version's columns and quoted; literals are always bound as parameters; what differs between engines goes
 * through {@link fr.mel.opale.data.internal.filter.FilterDialect}.
 */
@NullMarked
package fr.mel.opale.data.internal.filter;

import org.jspecify.annotations.NullMarked;
