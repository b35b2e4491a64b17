package fr.mel.opale.data.internal;

import static fr.mel.opale.data.internal.TableNames.quote;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DatasetSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * H2 2.4 (the embedded default): its native {@code GEOMETRY} type, spatial index and {@code &&} operator, rows in
 * batched prepared inserts in one transaction. H2 has no {@code ST_Intersects}; {@link H2Functions}
 * registers one (a JTS call) so that queries read the same on both engines.
 */
public class H2TableStore implements TableStore {
    private static final int BATCH = 2000;
    private final GeometryFactory wgs84 = new GeometryFactory(new PrecisionModel(), 4326);

    public H2TableStore(DataSource dataSource) {
        H2Functions.register(dataSource);
    }

    @Override
    public String sqlType(ColumnType type) {
        return switch (type) {
            case INTEGER -> "BIGINT";
            // DECFLOAT keeps any decimal of up to 100 000 digits exactly, by its value (12.30 is 12.3); H2's NUMERIC
            // without precision has scale 0 and would round to integers, and one with a scale would pad every value.
            case DECIMAL -> "DECFLOAT";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case TEXT -> "CHARACTER VARYING";
        };
    }

    @Override
    public void create(Connection connection, String table, DatasetSchema schema, long expectedRows)
            throws SQLException {
        StringJoiner columns = new StringJoiner(", ", "CREATE TABLE " + quote(table) + " (", ")");
        // Declared here, not after the rows: H2 stores rows in primary-key order, and ours arrive in that order.
        columns.add("\"_fid\" BIGINT NOT NULL CONSTRAINT " + quote(table + "_pk") + " PRIMARY KEY");
        for (Column column : schema.columns()) {
            columns.add(quote(column.name()) + " " + sqlType(column.type()));
        }
        if (schema.geometry() != null) {
            columns.add("\"geom\" GEOMETRY(GEOMETRY, 4326)");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(columns.toString());
        }
    }

    /**
     * Column by column (H2 converts the values itself: BIGINT to DECFLOAT or text, DATE to yyyy-MM-dd), dates asked as
     * dd/MM/yyyy rearranged from that text, then the cells one by one on the key declared at creation.
     */
    @Override
    public void revise(Connection connection, String table, DatasetSchema before,
                       fr.mel.opale.data.SchemaRevision revision) throws SQLException {
        List<Column> was = before.columns();
        List<Column> now = revision.columns();
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < now.size(); i++) {
                if (was.get(i).type() == now.get(i).type()) {
                    continue;
                }
                String q = quote(now.get(i).name());
                statement.execute("ALTER TABLE " + quote(table) + " ALTER COLUMN " + q + " SET DATA TYPE "
                        + sqlType(now.get(i).type()));
                if (revision.textForms().get(now.get(i).name())
                        == fr.mel.opale.data.SchemaRevision.TextForm.DAY_MONTH_YEAR) {
                    statement.execute("UPDATE " + quote(table) + " SET " + q + " = SUBSTRING(" + q + ", 9, 2) || '/' "
                            + "|| SUBSTRING(" + q + ", 6, 2) || '/' || SUBSTRING(" + q + ", 1, 4) WHERE " + q
                            + " IS NOT NULL");
                }
            }
        }
        for (fr.mel.opale.data.SchemaRevision.Cell cell : revision.cells()) {
            Column c = now.get(cell.column());
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + quote(table) + " SET "
                    + quote(c.name()) + " = ? WHERE \"_fid\" = ?")) {
                bind(update, 1, c.type(), cell.value());
                update.setLong(2, cell.fid());
                update.executeUpdate();
            }
        }
    }

    @Override
    public RowWriter writer(Connection connection, String table, DatasetSchema schema) throws SQLException {
        StringJoiner names = new StringJoiner(", ", "INSERT INTO " + quote(table) + " (", ")");
        StringJoiner marks = new StringJoiner(", ", " VALUES (", ")");
        names.add("\"_fid\"");
        marks.add("?");
        for (Column column : schema.columns()) {
            names.add(quote(column.name()));
            marks.add("?");
        }
        if (schema.geometry() != null) {
            names.add("\"geom\"");
            marks.add("?");
        }
        PreparedStatement insert = connection.prepareStatement(names + marks.toString());
        ColumnType[] types = schema.columns().stream().map(Column::type).toArray(ColumnType[]::new);
        boolean geographic = schema.geometry() != null;
        return new RowWriter() {
            private int pending;

            @Override
            public void write(long fid, @Nullable Object[] values, byte @Nullable [] ewkb) throws SQLException {
                insert.setLong(1, fid);
                for (int i = 0; i < types.length; i++) {
                    bind(insert, i + 2, types[i], values[i]);
                }
                if (geographic) {
                    // H2 reads EWKB into GEOMETRY: the same 2D bytes PostGIS gets, SRID included.
                    if (ewkb == null) {
                        insert.setNull(types.length + 2, Types.OTHER);
                    } else {
                        insert.setBytes(types.length + 2, ewkb);
                    }
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }

            @Override
            public void end() throws SQLException {
                if (pending > 0) {
                    insert.executeBatch();
                }
                insert.close();
            }

            @Override
            public void abort() {
                try {
                    insert.close();
                } catch (SQLException ignored) {
                    // The transaction is rolled back and the table dropped anyway.
                }
            }
        };
    }

    private static void bind(PreparedStatement insert, int index, ColumnType type, @Nullable Object value)
            throws SQLException {
        if (value == null) {
            insert.setNull(index, switch (type) {
                case INTEGER -> Types.BIGINT;
                case DECIMAL -> Types.DECIMAL;
                case BOOLEAN -> Types.BOOLEAN;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
                case TEXT -> Types.VARCHAR;
            });
            return;
        }
        switch (type) {
            case INTEGER -> insert.setLong(index, (Long) value);
            case DECIMAL -> insert.setBigDecimal(index, (BigDecimal) value);
            case BOOLEAN -> insert.setBoolean(index, (Boolean) value);
            case TEXT -> insert.setString(index, (String) value);
            default -> insert.setObject(index, value); // LocalDate, OffsetDateTime: JDBC 4.2 types H2 maps itself
        }
    }

    @Override
    public void finish(Connection connection, String table, DatasetSchema schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (schema.geometry() != null) {
                statement.execute("CREATE SPATIAL INDEX " + quote(table + "_geom") + " ON " + quote(table)
                        + " (\"geom\")");
            }
            statement.execute("ANALYZE TABLE " + quote(table));
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
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA "
                        + "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME LIKE 'ds\\_%' ESCAPE '\\'");
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
    public void holdLoad(Connection connection, String table) {
        // Embedded: no other process shares the database; ActiveLoads protects this process's loads.
    }

    @Override
    public void releaseLoad(Connection connection, String table) {
    }

    @Override
    public boolean loadAbandoned(Connection connection, String table) {
        return true;
    }

    @Override
    public void planWithValues(PreparedStatement statement) {
        // H2 plans without statistics of values: nothing to gain
    }

    @Override
    public void startSelectiveRead(Connection connection) {
        // H2 compiles nothing
    }

    @Override
    public void endSelectiveRead(Connection connection) {
    }

    @Override
    public String geometrySelect() {
        return "\"geom\"";
    }

    @Override
    public @Nullable Geometry readGeometry(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, Geometry.class);
    }

    @Override
    public String bboxPredicate(boolean points) {
        // H2's && compares the exact (double) envelopes, so for points it is the whole test; its spatial index is
        // used for && only, never for a function, hence && before ST_INTERSECTS for other geometries.
        return points ? "\"geom\" && ?" : "\"geom\" && ? AND ST_INTERSECTS(\"geom\", ?)";
    }

    @Override
    public String foldCase(String expression) {
        return H2Functions.FOLD_CASE + "(" + expression + ")";
    }

    @Override
    public String foldAccents(String expression) {
        return H2Functions.FOLD_ACCENTS + "(" + expression + ")";
    }

    @Override
    public String geometryParameter() {
        return "?";
    }

    @Override
    public void bindGeometry(PreparedStatement statement, int index, Geometry geometry) throws SQLException {
        // H2 refuses to compare geometries of different SRIDs: the literal gets the column's.
        Geometry copy = geometry.copy();
        copy.setSRID(4326);
        statement.setObject(index, copy);
    }

    @Override
    public int bindBbox(PreparedStatement statement, int index, Bbox bbox, boolean points) throws SQLException {
        Geometry box = wgs84.toGeometry(bbox.envelope());
        statement.setObject(index++, box);
        if (!points) {
            statement.setObject(index++, box);
        }
        return index;
    }

    @Override
    public boolean spatialFunctionsIndexed() {
        return false;
    }
}
