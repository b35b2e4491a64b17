package fr.mel.opale.data.internal.filter;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.locationtech.jts.geom.Geometry;

/**
 * What a filter's SQL needs from the database engine: how a geometry parameter is written and bound, and how text is
 * folded for {@code CASEI} and {@code ACCENTI}. Implemented by each table store; both engines must fold exactly as
 * {@link TextFolding} does, so that a filter gives the same rows on either.
 */
public interface FilterDialect {
    /**
     * The placeholder of a geometry parameter in a filter (e.g. {@code ?} or {@code ST_GeomFromWKB(?, 4326)}),
     * filled by {@link #bindGeometry}.
     */
    String geometryParameter();

    /** Binds a WGS84 geometry to the placeholder of {@link #geometryParameter()}. */
    void bindGeometry(PreparedStatement statement, int index, Geometry geometry) throws SQLException;

    /**
     * {@code expression} (SQL text, possibly holding parameters) folded as {@link TextFolding#foldCase}; the
     * expression must appear exactly once in the result, so that its parameters keep their order.
     */
    String foldCase(String expression);

    /** {@code expression} folded as {@link TextFolding#foldAccents}; the expression appears exactly once. */
    String foldAccents(String expression);

    /**
     * Whether the engine's {@code ST_*} relation functions bring their own index condition and selectivity (PostGIS's
     * support functions add {@code &&}): then a filter writes the function alone, since {@code &&} beside it would
     * count the selectivity twice. Otherwise (H2, whose index serves {@code &&} only) {@code &&} comes first.
     */
    boolean spatialFunctionsIndexed();
}
