package fr.mel.opale.data.internal;

import static fr.mel.opale.data.internal.TableNames.quote;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.internal.filter.TextFolding;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DatasetSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL + PostGIS: rows go in through {@code COPY ... FROM STDIN} in the binary format (see
 * {@link CopyBinaryBuffer}; streamed in 64 KiB chunks, geometries as their EWKB bytes) — the server reads it about a
 * third faster than the text format, and we no longer print numbers and dates nor hex-encode geometries. The primary
 * key and the GiST index are built after the rows (faster than maintaining them row by row). {@code FREEZE} is
 * allowed because the table was created in the COPY's transaction: rows are written already frozen, so the first
 * readers do not rewrite every page to set hint bits and no anti-wraparound vacuum ever needs to revisit them.
 *
 * <p>For a geographic table the rows are committed first, then the key (as a unique index) and the GiST index are
 * built at the same time on two connections — both take SHARE locks, which do not conflict — and the unique index
 * becomes the primary key. The GiST build (~4 s for a million points) is the longest step; the key's build now
 * happens during it. The committed table is still an unserved LOADING version: a crash leaves it to the start-up
 * cleanup, a failure drops it.
 *
 * <p>A load expected to bring at least twice {@code partitionRows} rows ({@code opale.data.partition-rows}, 500 000)
 * goes into a table partitioned by {@code _fid} ranges of that size ({@code <table>_p1}, {@code _p2}...): the
 * partitions are indexed two at a time on two connections, so a million points take two half-size GiST builds side
 * by side instead of one full one (the longest step of a large load). Queries do not change: the parent keeps the
 * version's name, keyset paging on {@code _fid} reads the partitions in order (PostgreSQL's ordered append), a
 * {@code _fid} or bounding-box condition reaches the partitions' own indexes, and dropping the parent drops them.
 */
public class PostgisTableStore implements TableStore {
    /** High half of the advisory-lock keys of loads, so they never meet other users of advisory locks. */
    private static final long LOCK_SPACE = 0x0DA7A000L << 32;
    private final @Nullable DataSource dataSource;
    private final long partitionRows;

    /**
     * @param dataSource    where the second connection of the parallel index build comes from; null: one connection
     *                      and no partitions
     * @param partitionRows rows per partition of a table expected to hold at least twice as many
     */
    public PostgisTableStore(@Nullable DataSource dataSource, long partitionRows) {
        this.dataSource = dataSource;
        this.partitionRows = partitionRows;
    }

    public PostgisTableStore() {
        this(null, Long.MAX_VALUE);
    }

    @Override
    public String sqlType(ColumnType type) {
        return switch (type) {
            case INTEGER -> "BIGINT";
            // Without precision: any scale, exact. The COPY sends values without trailing zeros (CopyBinaryBuffer),
            // as H2's DECFLOAT keeps them.
            case DECIMAL -> "NUMERIC";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMPTZ";
            case TEXT -> "TEXT";
        };
    }

    @Override
    public void create(Connection connection, String table, DatasetSchema schema, long expectedRows)
            throws SQLException {
        StringJoiner columns = new StringJoiner(", ", "CREATE TABLE " + quote(table) + " (", ")");
        columns.add("\"_fid\" BIGINT NOT NULL");
        for (Column column : schema.columns()) {
            columns.add(quote(column.name()) + " " + sqlType(column.type()));
        }
        if (schema.geometry() != null) {
            columns.add("\"geom\" geometry(Geometry, 4326)");
        }
        boolean partitioned = dataSource != null && expectedRows / 2 >= partitionRows;
        try (Statement statement = connection.createStatement()) {
            statement.execute(columns + (partitioned ? " PARTITION BY RANGE (\"_fid\")" : ""));
        }
    }

    @Override
    public RowWriter writer(Connection connection, String table, DatasetSchema schema) throws SQLException {
        if (partitions(connection, table) != null) {
            return new PartitionedWriter(connection, table, schema, partitionRows);
        }
        return new CopyWriter(copyInto(connection, table, schema), schema);
    }

    /** COPY into one table, binary, FREEZE: the table was created in this transaction. */
    private static CopyIn copyInto(Connection connection, String table, DatasetSchema schema) throws SQLException {
        StringJoiner names = new StringJoiner(", ", "COPY " + quote(table) + " (",
                ") FROM STDIN (FORMAT binary, FREEZE)");
        names.add("\"_fid\"");
        schema.columns().forEach(c -> names.add(quote(c.name())));
        if (schema.geometry() != null) {
            names.add("\"geom\"");
        }
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(names.toString());
    }

    /** The partitions of a partitioned table in {@code _fid} order, or null when the table is a plain one. */
    private static @Nullable List<String> partitions(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relkind FROM pg_class c JOIN "
                + "pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = ? AND n.nspname = current_schema()")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || !"p".equals(rows.getString(1))) {
                    return null;
                }
            }
        }
        List<String> partitions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_inherits i JOIN "
                + "pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON "
                + "n.oid = p.relnamespace WHERE p.relname = ? AND n.nspname = current_schema()")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    partitions.add(rows.getString(1));
                }
            }
        }
        partitions.sort(java.util.Comparator.comparingLong(PostgisTableStore::partitionNumber));
        return partitions;
    }

    static String partitionName(String table, long number) {
        return table + "_p" + number;
    }

    private static long partitionNumber(String partition) {
        return Long.parseLong(partition.substring(partition.lastIndexOf("_p") + 2));
    }

    /**
     * One {@code ALTER TABLE} for all the widened columns (PostgreSQL rewrites the table, or each partition, once),
     * then the cells through a temporary table joined on {@code _fid}: the key is not built yet, and one update per
     * cell would scan the table each time.
     */
    @Override
    public void revise(Connection connection, String table, DatasetSchema before,
                       fr.mel.opale.data.SchemaRevision revision) throws SQLException {
        List<Column> was = before.columns();
        List<Column> now = revision.columns();
        StringJoiner alter = new StringJoiner(", ", "ALTER TABLE " + quote(table) + " ", "");
        alter.setEmptyValue("");
        for (int i = 0; i < now.size(); i++) {
            ColumnType from = was.get(i).type();
            ColumnType to = now.get(i).type();
            if (from != to) {
                String q = quote(now.get(i).name());
                String using = to == ColumnType.DECIMAL ? q + "::numeric"
                        : from == ColumnType.INTEGER ? q + "::text"
                        : revision.textForms().get(now.get(i).name())
                                == fr.mel.opale.data.SchemaRevision.TextForm.DAY_MONTH_YEAR
                        ? "to_char(" + q + ", 'DD/MM/YYYY')" : "to_char(" + q + ", 'YYYY-MM-DD')";
                alter.add("ALTER COLUMN " + q + " TYPE " + sqlType(to) + " USING " + using);
            }
        }
        try (Statement statement = connection.createStatement()) {
            if (!alter.toString().isEmpty()) {
                statement.execute(alter.toString());
            }
            if (revision.cells().isEmpty()) {
                return;
            }
            statement.execute("CREATE TEMPORARY TABLE opale_revised_cells (fid BIGINT, col INT, val TEXT) "
                    + "ON COMMIT DROP");
            java.util.Set<Integer> touched = new java.util.TreeSet<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO opale_revised_cells VALUES (?, ?, ?)")) {
                int pending = 0;
                for (fr.mel.opale.data.SchemaRevision.Cell cell : revision.cells()) {
                    insert.setLong(1, cell.fid());
                    insert.setInt(2, cell.column());
                    insert.setString(3, cell.value() == null ? null : cell.value() instanceof BigDecimal d
                            ? d.toPlainString() : cell.value().toString());
                    insert.addBatch();
                    touched.add(cell.column());
                    if (++pending % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            for (int column : touched) {
                Column c = now.get(column);
                statement.execute("UPDATE " + quote(table) + " t SET " + quote(c.name()) + " = r.val::"
                        + sqlType(c.type()) + " FROM opale_revised_cells r WHERE r.col = " + column
                        + " AND t.\"_fid\" = r.fid");
            }
            statement.execute("DROP TABLE opale_revised_cells");
        }
    }

    @Override
    public void finish(Connection connection, String table, DatasetSchema schema) throws SQLException {
        List<String> partitions = partitions(connection, table);
        if (partitions != null) {
            finishPartitions(connection, table, schema, partitions);
            return;
        }
        if (schema.geometry() != null && dataSource != null && !connection.getAutoCommit()) {
            finishInParallel(connection, table);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            loadTransaction(statement);
            keyAndSpatialIndex(statement, table, schema);
            statement.execute("ANALYZE " + quote(table));
        }
    }

    /**
     * A partitioned table: its rows committed, each partition gets its key, spatial index and statistics, the
     * partitions shared out between this connection and a second one (two cores build two GiST indexes at once,
     * where one table's single GiST build kept one core busy and the other idle); then the parent's key and index
     * are declared, which attaches the partitions' ones without building anything.
     */
    private void finishPartitions(Connection connection, String table, DatasetSchema schema, List<String> partitions)
            throws SQLException {
        commitRows(connection);
        java.util.Queue<String> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(partitions);
        java.util.concurrent.CompletableFuture<Void> other = onSecondConnection("opale-index-" + table, second -> {
            try {
                indexPartitions(second, queue, schema);
            } catch (SQLException | RuntimeException e) {
                queue.clear(); // this connection stops taking partitions too
                throw e;
            }
        });
        try {
            indexPartitions(connection, queue, schema);
        } catch (SQLException | RuntimeException e) {
            queue.clear();
            awaitQuietly(other);
            throw e;
        }
        await(other, "Indexation");
        try (Statement statement = connection.createStatement()) {
            loadTransaction(statement);
            keyAndSpatialIndex(statement, table, schema);
        }
    }

    /** The primary key on {@code _fid}, then for a geographic schema the GiST index on {@code geom}. */
    private static void keyAndSpatialIndex(Statement statement, String table, DatasetSchema schema)
            throws SQLException {
        statement.execute("ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(table + "_pk")
                + " PRIMARY KEY (\"_fid\")");
        if (schema.geometry() != null) {
            spatialIndex(statement, table);
        }
    }

    private static void spatialIndex(Statement statement, String table) throws SQLException {
        statement.execute("CREATE INDEX " + quote(table + "_geom") + " ON " + quote(table) + " USING GIST (\"geom\")");
    }

    /** Work on a connection of its own. */
    @FunctionalInterface
    private interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a second pooled connection, on a thread of its own, auto-commit off: the work commits
     * what it builds; whatever it leaves uncommitted (a failure) is rolled back, and the connection goes back to the
     * pool as it came. The future completes when it is done, exceptionally with its failure.
     */
    private java.util.concurrent.CompletableFuture<Void> onSecondConnection(String threadName, ConnectionWork work) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (Connection second = dataSource.getConnection()) {
                boolean autoCommit = second.getAutoCommit();
                second.setAutoCommit(false);
                try {
                    work.run(second);
                    done.complete(null);
                } finally {
                    second.rollback();
                    second.setAutoCommit(autoCommit);
                }
            } catch (SQLException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /**
     * The settings of one transaction of a load, LOCAL (the pooled session is unchanged afterwards): index builds
     * sort in memory up to 256 MB instead of spilling to disk (default 64 MB), and the commit does not wait for its
     * WAL to reach the disk. Nothing of a load is served before the switch, whose own synchronous commit flushes all
     * the WAL written before it; a crash before that leaves a LOADING version, which the start-up cleanup drops.
     */
    private static void loadTransaction(Statement statement) throws SQLException {
        statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
        statement.execute("SET LOCAL synchronous_commit = off");
    }

    /** Commits the rows (the version is still LOADING, unserved) so that a second connection can index them. */
    private static void commitRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            loadTransaction(statement);
        }
        connection.commit();
    }

    /** Takes partitions from the queue until it is empty: key, spatial index, statistics, each committed. */
    private static void indexPartitions(Connection connection, java.util.Queue<String> queue, DatasetSchema schema)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String partition = queue.poll(); partition != null; partition = queue.poll()) {
                loadTransaction(statement);
                keyAndSpatialIndex(statement, partition, schema);
                statement.execute("ANALYZE " + quote(partition));
                connection.commit();
            }
        }
    }

    /** Waits for the other connection's work; its failure is rethrown as the SQL error it was. */
    private static void await(java.util.concurrent.CompletableFuture<Void> work, String what) throws SQLException {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Indexation interrompue", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql
                    : new SQLException(what + " : " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void awaitQuietly(java.util.concurrent.CompletableFuture<Void> other) {
        try {
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // the first failure is the one reported
        }
    }

    private void finishInParallel(Connection connection, String table) throws SQLException {
        commitRows(connection);
        java.util.concurrent.CompletableFuture<Void> gist = onSecondConnection("opale-gist-" + table, other -> {
            try (Statement statement = other.createStatement()) {
                loadTransaction(statement);
                spatialIndex(statement, table);
            }
            other.commit();
        });
        try (Statement statement = connection.createStatement()) {
            loadTransaction(statement);
            statement.execute("CREATE UNIQUE INDEX " + quote(table + "_pk") + " ON " + quote(table) + " (\"_fid\")");
            // Commit the key's SHARE lock away before waiting: the primary key below needs ACCESS EXCLUSIVE anyway.
            connection.commit();
            await(gist, "Index spatial");
            loadTransaction(statement);
            statement.execute("ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(table + "_pk")
                    + " PRIMARY KEY USING INDEX " + quote(table + "_pk"));
            statement.execute("ANALYZE " + quote(table));
        }
    }

    @Override
    public void drop(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + quote(TableNames.checked(table)));
        }
    }

    @Override
    public List<String> versionTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'ds\\_%'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (TableNames.TABLE.matcher(name).matches()) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    @Override
    public void holdLoad(Connection connection, String table) throws SQLException {
        advisory(connection, "SELECT pg_advisory_lock(?)", table);
    }

    @Override
    public void releaseLoad(Connection connection, String table) throws SQLException {
        advisory(connection, "SELECT pg_advisory_unlock(?)", table);
    }

    @Override
    public boolean loadAbandoned(Connection connection, String table) throws SQLException {
        if (!advisory(connection, "SELECT pg_try_advisory_lock(?)", table)) {
            return false;
        }
        releaseLoad(connection, table);
        return true;
    }

    private static boolean advisory(Connection connection, String sql, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_SPACE | (table.hashCode() & 0xFFFFFFFFL));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Object answer = result.getObject(1);
                return !(answer instanceof Boolean b) || b;
            }
        }
    }

    @Override
    public void planWithValues(PreparedStatement statement) throws SQLException {
        // pgjdbc then sends an unnamed statement each time, which PostgreSQL plans with the values bound
        statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
    }

    @Override
    public void startSelectiveRead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // one round trip for both (a simple query may carry several statements)
            statement.execute("SET jit = off; SET max_parallel_workers_per_gather = 0");
        }
    }

    @Override
    public void endSelectiveRead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET jit; RESET max_parallel_workers_per_gather");
        }
    }

    @Override
    public String geometrySelect() {
        return "ST_AsBinary(\"geom\")";
    }

    @Override
    public @Nullable Geometry readGeometry(ResultSet rows, int index) throws SQLException {
        byte[] wkb = rows.getBytes(index);
        if (wkb == null) {
            return null;
        }
        try {
            Geometry geometry = new WKBReader().read(wkb);
            geometry.setSRID(4326);
            return geometry;
        } catch (ParseException e) {
            throw new SQLException("Unreadable geometry from PostGIS", e);
        }
    }

    @Override
    public String bboxPredicate(boolean points) {
        if (!points) {
            // ST_Intersects brings its own && index condition and estimate (PostGIS's support function): writing
            // && beside it would count the box's selectivity twice.
            return "ST_Intersects(\"geom\", ST_MakeEnvelope(?, ?, ?, ?, 4326))";
        }
        // && compares float4 boxes rounded outwards, so alone it also takes points a hair outside the box (a few in
        // a million random points). The exact test on the coordinates is kept out of the estimate: as "CASE ... END
        // IS NOT NULL" PostgreSQL gives it 0.995 (no statistics on it), where a plain range on an expression would get
        // 0.005 and ST_Intersects would double the box's selectivity and, costed 10 000 operators a row, make walking
        // the _fid key look too dear. ST_X/ST_Y cost next to nothing.
        return "\"geom\" && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND CASE WHEN ST_X(\"geom\") BETWEEN ? AND ?"
                + " AND ST_Y(\"geom\") BETWEEN ? AND ? THEN 1 END IS NOT NULL";
    }

    @Override
    public String foldCase(String expression) {
        return TextFolding.postgresFoldCase(expression);
    }

    @Override
    public String foldAccents(String expression) {
        return TextFolding.postgresFoldAccents(expression);
    }

    @Override
    public String geometryParameter() {
        return "ST_GeomFromWKB(?, 4326)";
    }

    @Override
    public void bindGeometry(PreparedStatement statement, int index, Geometry geometry) throws SQLException {
        statement.setBytes(index, new org.locationtech.jts.io.WKBWriter(2).write(geometry));
    }

    @Override
    public int bindBbox(PreparedStatement statement, int index, Bbox bbox, boolean points) throws SQLException {
        statement.setDouble(index++, bbox.west());
        statement.setDouble(index++, bbox.south());
        statement.setDouble(index++, bbox.east());
        statement.setDouble(index++, bbox.north());
        if (points) {
            statement.setDouble(index++, bbox.west());
            statement.setDouble(index++, bbox.east());
            statement.setDouble(index++, bbox.south());
            statement.setDouble(index++, bbox.north());
        }
        return index;
    }

    @Override
    public boolean spatialFunctionsIndexed() {
        return true;
    }

    /**
     * Rows of a partitioned table: each partition holds {@code partitionRows} consecutive {@code _fid}s and is
     * created when its first row comes, in the load's transaction, so that its own COPY may FREEZE (the parent
     * cannot be copied into with FREEZE).
     */
    private static final class PartitionedWriter implements RowWriter {
        private final Connection connection;
        private final String table;
        private final DatasetSchema schema;
        private final long partitionRows;
        private @Nullable CopyWriter current;
        private long last;

        PartitionedWriter(Connection connection, String table, DatasetSchema schema, long partitionRows) {
            this.connection = connection;
            this.table = table;
            this.schema = schema;
            this.partitionRows = partitionRows;
        }

        @Override
        public void write(long fid, @Nullable Object[] values, byte @Nullable [] ewkb) throws SQLException {
            if (current == null || fid > last) {
                if (current != null) {
                    current.end();
                }
                long number = (fid - 1) / partitionRows + 1;
                long first = (number - 1) * partitionRows + 1;
                last = number * partitionRows;
                String partition = partitionName(table, number);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE " + quote(partition) + " PARTITION OF " + quote(table)
                            + " FOR VALUES FROM (" + first + ") TO (" + (last + 1) + ")");
                }
                current = new CopyWriter(copyInto(connection, partition, schema), schema);
            }
            current.write(fid, values, ewkb);
        }

        @Override
        public void end() throws SQLException {
            if (current != null) {
                current.end();
            }
        }

        @Override
        public void abort() {
            if (current != null) {
                current.abort();
            }
        }
    }

    /**
     * Encodes rows in COPY's binary format into a buffer sent every 64 KiB: memory stays flat whatever the row count,
     * and this thread encodes while the server reads the previous chunk.
     */
    private static final class CopyWriter implements RowWriter {
        private static final int CHUNK = 1 << 16;
        private final CopyIn copy;
        private final ColumnType[] types;
        private final String[] names;
        private final boolean geographic;
        private final int fields;
        private final CopyBinaryBuffer buffer = new CopyBinaryBuffer(CHUNK * 2);

        CopyWriter(CopyIn copy, DatasetSchema schema) {
            this.copy = copy;
            this.types = schema.columns().stream().map(Column::type).toArray(ColumnType[]::new);
            this.names = schema.columns().stream().map(Column::name).toArray(String[]::new);
            this.geographic = schema.geometry() != null;
            this.fields = 1 + types.length + (geographic ? 1 : 0);
            buffer.header();
        }

        @Override
        public void write(long fid, @Nullable Object[] values, byte @Nullable [] ewkb) throws SQLException {
            buffer.tuple(fields);
            buffer.putInt8(fid);
            for (int i = 0; i < types.length; i++) {
                Object value = values[i];
                if (value == null) {
                    buffer.putNull();
                    continue;
                }
                try {
                    switch (types[i]) {
                        case INTEGER -> buffer.putInt8((Long) value);
                        case DECIMAL -> buffer.putNumeric((BigDecimal) value);
                        case BOOLEAN -> buffer.putBoolean((Boolean) value);
                        case DATE -> buffer.putDate((LocalDate) value);
                        case TIMESTAMP -> buffer.putTimestamp((OffsetDateTime) value);
                        case TEXT -> buffer.putText((String) value);
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("colonne « " + names[i] + " » : " + e.getMessage(), e);
                }
            }
            if (geographic) {
                if (ewkb == null) {
                    buffer.putNull();
                } else {
                    buffer.putBytes(ewkb); // geometry_recv reads (E)WKB as is, SRID included
                }
            }
            if (buffer.length() >= CHUNK) {
                flush();
            }
        }

        @Override
        public void end() throws SQLException {
            buffer.trailer();
            flush();
            copy.endCopy();
        }

        @Override
        public void abort() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // The connection is being abandoned with its transaction anyway.
            }
        }

        private void flush() throws SQLException {
            if (buffer.length() > 0) {
                copy.writeToCopy(buffer.bytes(), 0, buffer.length());
                // One huge cell must not keep its buffer for the rest of the load.
                buffer.clear(CHUNK * 16, CHUNK * 2);
            }
        }
    }
}
