package fr.mel.opale.data.filter;

/**
 * Reads a filter written in CQL2 text into the AST, for the modules that take filters from people but do not own
 * the CQL2 grammar (the OGC API does, and implements this port). One implementation in the application.
 */
public interface FilterReader {
    /**
     * The filter {@code text} says, geometries read in CRS84.
     *
     * @throws fr.mel.opale.access.problem.Problem 400 with a French message naming the line and column of the first
     *                                             syntax error, or the bound exceeded (length, nesting, list size)
     */
    Filter cql2Text(String text);
}
