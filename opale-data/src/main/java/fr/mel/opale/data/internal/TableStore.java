package fr.mel.opale.data.internal;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.internal.filter.FilterDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The seam between the data store and one database engine: how a version table is created, filled, indexed,
 * dropped and read. One implementation per engine ({@link PostgisTableStore}, {@link H2TableStore}); both pass the
 * same contract tests. Table names reach these methods already checked by {@link TableNames}; column names come from
 * {@link fr.mel.opale.data.Column}, which only accepts safe identifiers. As a {@link FilterDialect}, it writes what
 * filters need of the engine (geometry parameters, text foldings).
 */
public interface TableStore extends FilterDialect {
    /** The engine's SQL type for a column type. */
    String sqlType(ColumnType type);

    /**
     * Creates the table with {@code _fid}, the typed columns and, for a geographic schema, {@code geom}, on a
     * connection whose auto-commit is off. On PostgreSQL the creation belongs to the load's transaction (a crash
     * leaves no table); H2 commits DDL at once (a crash leaves one, dropped by the start-up cleanup).
     *
     * @param expectedRows about how many rows are coming (0: unknown); PostgreSQL partitions a large table
     */
    void create(Connection connection, String table, DatasetSchema schema, long expectedRows) throws SQLException;

    /** A writer appending rows to the table created just before, on the same connection. */
    RowWriter writer(Connection connection, String table, DatasetSchema schema) throws SQLException;

    /**
     * After the rows, before {@link #finish}: widens the columns the revision names (in one rewrite of the table
     * where the engine can) and writes its cells over. Types already checked to widen ({@code SchemaRevision.widens}).
     */
    void revise(Connection connection, String table, DatasetSchema before, fr.mel.opale.data.SchemaRevision revision)
            throws SQLException;

    /** After the rows: primary key (if not there yet), spatial index, statistics. Still inside the load. */
    void finish(Connection connection, String table, DatasetSchema schema) throws SQLException;

    /** Drops the table if it exists (auto-commit connection). */
    void drop(Connection connection, String table) throws SQLException;

    /** The dataset-version tables (names matching {@link TableNames#TABLE}) of the current schema. */
    List<String> versionTables(Connection connection) throws SQLException;

    /**
     * Marks the table as being loaded by this connection's session, so that another server sharing the database
     * does not take it for abandoned. Held until {@link #releaseLoad}; released by the database if the process dies.
     */
    void holdLoad(Connection connection, String table) throws SQLException;

    void releaseLoad(Connection connection, String table) throws SQLException;

    /**
     * Whether no live session holds the table's load (see {@link #holdLoad}). Engines without shared sessions
     * (embedded H2) answer true: only this process can load, and {@link ActiveLoads} covers it.
     */
    boolean loadAbandoned(Connection connection, String table) throws SQLException;

    /**
     * Makes the engine plan {@code statement} with its values at every execution, never once for all values: a plan
     * made for "some box" (PostgreSQL's generic plan, chosen after five executions of a prepared statement on one
     * connection, with a default selectivity for an unknown box) reads and sorts every row in a box where the box
     * at hand would walk the key and stop at the page's end. For reads whose conditions depend on the values.
     */
    void planWithValues(PreparedStatement statement) throws SQLException;

    /**
     * Switches off, for what {@code connection} runs until {@link #endSelectiveRead}, what only pays on long queries:
     * PostgreSQL compiles a plan whose estimated cost passes {@code jit_above_cost} (a box, a polygon filter: a
     * function costed 10 000 operators a row gets there), 30 to 250 ms here for a page read in 20; and, for the same
     * cost, a parallel plan: starting the workers (and gathering a sorted page from them) cost 15–20 ms on the
     * 2-core machine for a polygon page and its count that one process reads in 3–6 ms.
     */
    void startSelectiveRead(Connection connection) throws SQLException;

    /** Restores what {@link #startSelectiveRead} changed; the connection goes back to the pool as it came. */
    void endSelectiveRead(Connection connection) throws SQLException;

    /** The select-list expression reading {@code geom} in a form {@link #readGeometry} understands. */
    String geometrySelect();

    /** The geometry at {@code index}, SRID 4326, or null. */
    @Nullable Geometry readGeometry(ResultSet rows, int index) throws SQLException;

    /**
     * A predicate "{@code geom} intersects the box", exact (a geometry touching the box's edge is in, one a hair
     * outside is out) and written so that the planner estimates the box's selectivity once: a doubled estimate
     * (an index operator and a function that adds the same index condition) makes PostgreSQL expect a few rows and
     * sort them all rather than walk the {@code _fid} key and stop at the page's end. Its parameters are filled by
     * {@link #bindBbox} with the same {@code points}.
     *
     * @param points whether every (non-null) geometry of the table is a POINT, whose test needs no geometry function
     */
    String bboxPredicate(boolean points);

    /** Binds the box parameters of {@link #bboxPredicate} from {@code index}; returns the next free index. */
    int bindBbox(PreparedStatement statement, int index, Bbox bbox, boolean points) throws SQLException;

    /** Appends rows to a version table during a load. Not thread-safe: one loading thread. */
    interface RowWriter {
        /**
         * Appends one row.
         *
         * @param values canonical values (see {@code CellValues}), one per schema column
         * @param ewkb   2D EWKB with SRID 4326, or null (no geometry, or a non-geographic dataset)
         */
        void write(long fid, @Nullable Object[] values, byte @Nullable [] ewkb) throws SQLException;

        /** Sends what is buffered; the rows are then in the (uncommitted) table. */
        void end() throws SQLException;

        /** Abandons the writing after a failure; must not throw. */
        void abort();
    }
}
