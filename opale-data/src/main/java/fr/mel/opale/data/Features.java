package fr.mel.opale.data;

import static fr.mel.opale.data.internal.TableNames.quote;

import fr.mel.opale.data.internal.DatasetRegistry;
import fr.mel.opale.data.internal.MatchCounts;
import fr.mel.opale.data.internal.ReadScope;
import fr.mel.opale.data.internal.filter.FilterSql;
import fr.mel.opale.data.internal.TableNames;
import fr.mel.opale.data.internal.TableStore;
import fr.mel.opale.geo.GeometryType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * Reads the features (rows) of datasets — for the OGC API, downloads, tiles and pages. Parameterised SQL only;
 * column names come from the version's registered columns, never from the request. Results are streamed (the
 * database cursor advances as the sink consumes), in {@code _fid} order.
 *
 * <p>Visibility is {@link Datasets}'s: a dataset hidden from the current viewer is reported as not found. Thread-safe.
 */
@Service
public class Features {
    private static final int FETCH_SIZE = 1000;
    /**
     * Pages up to this many rows (the OGC API's largest) are read in one go: no transaction, no cursor. PostgreSQL
     * then sends the whole page in one answer, where a cursor costs a BEGIN, a ROLLBACK and, for a page of exactly
     * the fetch size, one more round trip to learn that it is over.
     */
    private static final long WHOLE_PAGE = 10_000;
    private final Datasets datasets;
    private final DatasetRegistry registry;
    private final TableStore store;
    private final DataSource dataSource;
    private final MatchCounts counts;

    public Features(Datasets datasets, DatasetRegistry registry, TableStore store, DataSource dataSource,
                    MatchCounts counts) {
        this.datasets = datasets;
        this.registry = registry;
        this.store = store;
        this.dataSource = dataSource;
        this.counts = counts;
    }

    /**
     * How many features match the query's filters (bbox, filter, the reader's row rule), ignoring its paging
     * (after, offset, limit, sort): OGC's {@code numberMatched}. Without any, the version's registered row count (no
     * table scan); otherwise counted once per version, reader scope and selection ({@link MatchCounts}), waiting as
     * long as the count takes.
     *
     * @throws DataProblem 404 when the dataset is unknown or hidden, or has no (such READY) version; 400 as
     *                     {@link #read} for a bad filter
     */
    public long count(String datasetId, FeatureQuery query) {
        return count(counting(datasetId, version(datasetId, query), query));
    }

    /**
     * The rows of the served version of {@code dataset} that {@code scope} lets its reader read (a preview of what
     * a person sees); the caller checked who asks.
     */
    long count(Dataset dataset, DatasetVersion served, ReadScope scope) {
        return count(counting(dataset.id(), new Readable(served, scope.apply(served), scope), FeatureQuery.all()));
    }

    private long count(Counting counting) {
        return counting.known() != null ? counting.known() : counts.count(counting.key(), counting.counter());
    }

    /**
     * {@link #count}, if it is known or found within {@code opale.data.count-budget}; empty otherwise, while it is
     * being counted in the background for the next asker. For pages that may go without a total (OGC API Features
     * leaves {@code numberMatched} optional), rather than wait for a count of a large table.
     *
     * @throws DataProblem as {@link #count}
     */
    public OptionalLong countWithinBudget(String datasetId, FeatureQuery query) {
        Counting counting = counting(datasetId, version(datasetId, query), query);
        return counting.known() != null ? OptionalLong.of(counting.known())
                : counts.within(counting.key(), counting.counter());
    }

    /** A count: already known (no filter, or none possible), or to run by {@code counter}, remembered by {@code key}. */
    private record Counting(@Nullable Long known, MatchCounts.@Nullable Key key, @Nullable LongSupplier counter) {
    }

    private Counting counting(String datasetId, Readable readable, FeatureQuery query) {
        DatasetVersion version = readable.seen();
        if (query.bbox() == null && query.filter() == null && readable.scope().rows() == null) {
            return new Counting(version.rowCount(), null, null);
        }
        // translated here, on the asker's thread: a bad filter is a 400 whatever is cached
        FilterSql.Where where = conditions(readable, query, false);
        if (query.bbox() != null && !version.geographic()) {
            return new Counting(0L, null, null);
        }
        String sql = "SELECT COUNT(*) FROM " + quote(TableNames.checked(version.tableName())) + " WHERE " + where.sql();
        MatchCounts.Key key = new MatchCounts.Key(version.datasetId(), version.number(), readable.scope().key(),
                query.bbox(), query.filter());
        return new Counting(null, key, () -> {
            try (Connection connection = dataSource.getConnection()) {
                store.startSelectiveRead(connection);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    store.planWithValues(statement);
                    where.bind(statement, 1);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                } finally {
                    store.endSelectiveRead(connection);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Lecture du jeu de données " + datasetId + " impossible", e);
            }
        });
    }

    /**
     * Hands the matching features to {@code sink}, one at a time, in {@code _fid} order (or the query's sort keys,
     * then {@code _fid}; nulls last). The version is resolved once at the start: a switch happening meanwhile does
     * not mix versions in one read.
     *
     * @throws DataProblem 404 as for {@link #count}; 400 for an unknown property (selected, filtered or sorted on)
     *                     or a filter literal of the wrong type
     * @throws IllegalStateException wrapping a database error, or what the sink threw (unless unchecked: as is)
     */
    public ReadResult read(String datasetId, FeatureQuery query, FeatureSink sink) {
        Readable readable = version(datasetId, query);
        DatasetVersion version = readable.seen();
        Page page = page(readable, offsetAsKey(query, readable));
        if (page == null) {
            return new ReadResult(version.number(), 0, 0);
        }
        query = page.query();
        List<Column> columns = page.columns();
        boolean withGeometry = page.withGeometry();
        String sql = page.sql();
        long returned = 0;
        long lastFid = 0;
        boolean stream = query.limit() == FeatureQuery.UNLIMITED || query.limit() > WHOLE_PAGE;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL streams with a fetch size only inside a transaction; otherwise it buffers the whole result.
            if (stream) {
                connection.setAutoCommit(false);
            }
            if (page.selective()) {
                store.startSelectiveRead(connection);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (stream) {
                    statement.setFetchSize(FETCH_SIZE);
                }
                if (page.selective()) {
                    store.planWithValues(statement);
                }
                page.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Feature feature = feature(rows, columns, withGeometry);
                        sink.accept(feature);
                        returned++;
                        lastFid = feature.fid();
                    }
                }
            } finally {
                if (stream) {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
                if (page.selective()) {
                    store.endSelectiveRead(connection);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture du jeu de données " + datasetId + " impossible", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new ReadResult(version.number(), returned, lastFid);
    }

    /**
     * The SELECT of a page, or null when nothing can match (a box on a table without geometry).
     *
     * @throws DataProblem 400 for an unknown property or a bad filter
     */
    private @Nullable Page page(Readable readable, FeatureQuery query) {
        DatasetVersion version = readable.seen();
        List<Column> columns = selected(version, query.properties());
        boolean withGeometry = query.geometry() && version.geographic();
        FilterSql.Where where = conditions(readable, query, true);
        List<String> order = new ArrayList<>();
        for (SortKey key : query.sortBy()) {
            Column column = version.column(key.property()).orElseThrow(() -> DataProblem.unknownProperty(key.property()));
            order.add(quote(column.name()) + (key.descending() ? " DESC" : " ASC") + " NULLS LAST");
        }
        order.add("\"_fid\"");
        if (query.bbox() != null && !version.geographic()) {
            return null;
        }
        StringBuilder sql = new StringBuilder("SELECT \"_fid\"");
        for (Column column : columns) {
            sql.append(", ").append(quote(column.name()));
        }
        if (withGeometry) {
            sql.append(", ").append(store.geometrySelect());
        }
        sql.append(" FROM ").append(quote(TableNames.checked(version.tableName()))).append(" WHERE ").append(where.sql());
        sql.append(" ORDER BY ").append(String.join(", ", order));
        if (query.limit() != FeatureQuery.UNLIMITED) {
            sql.append(" LIMIT ?");
        }
        if (query.offset() > 0) {
            sql.append(" OFFSET ?");
        }
        boolean selective = query.bbox() != null || query.filter() != null || readable.scope().rows() != null;
        return new Page(query, sql.toString(), where, columns, withGeometry, selective);
    }

    /**
     * A page's SELECT, its parameters, and what its rows hold.
     *
     * @param selective whether rows are selected by values (a box, a filter, a row rule) beyond the key position
     */
    private record Page(FeatureQuery query, String sql, FilterSql.Where where, List<Column> columns,
                        boolean withGeometry, boolean selective) {
        void bind(PreparedStatement statement) throws SQLException {
            int index = where.bind(statement, 1);
            if (query.limit() != FeatureQuery.UNLIMITED) {
                statement.setLong(index++, query.limit());
            }
            if (query.offset() > 0) {
                statement.setLong(index, query.offset());
            }
        }
    }

    /**
     * The engine's plan of the page {@link #read} would run, as {@code explain} (e.g. {@code EXPLAIN (FORMAT JSON)})
     * gives it, one line per row of the answer: for tests that check what the planner makes of our SQL.
     */
    String plan(String datasetId, FeatureQuery query, String explain) {
        Readable readable = version(datasetId, query);
        Page page = page(readable, offsetAsKey(query, readable));
        if (page == null) {
            return "";
        }
        try (Connection connection = dataSource.getConnection()) {
            store.startSelectiveRead(connection);
            try (PreparedStatement statement = connection.prepareStatement(explain + " " + page.sql())) {
                store.planWithValues(statement);
                page.bind(statement);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                store.endSelectiveRead(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Plan de lecture du jeu de données " + datasetId + " impossible", e);
        }
    }

    /**
     * An offset into every row of a version in {@code _fid} order, as a key position: a load numbers its rows 1..n
     * with no gap ({@code DatasetWriter}) and a published version never changes, so the {@code N}th row has
     * {@code _fid} N and {@code offset=N} is {@code _fid > N} — an index seek instead of reading and dropping N rows.
     * Only when every row is selected (no box, filter, row rule or sort) and the query has no key position of its own.
     */
    private static FeatureQuery offsetAsKey(FeatureQuery query, Readable readable) {
        if (query.offset() <= 0 || query.afterFid() != 0 || query.bbox() != null || query.filter() != null
                || !query.sortBy().isEmpty() || readable.scope().rows() != null) {
            return query;
        }
        return query.withOffset(0).after(query.offset());
    }

    /** The feature {@code fid} of the current version, if it exists (and the dataset is visible). */
    public Optional<Feature> find(String datasetId, long fid) {
        List<Feature> found = new ArrayList<>(1);
        if (fid < 1) {
            return Optional.empty();
        }
        read(datasetId, FeatureQuery.all().after(fid - 1).withLimit(1), found::add);
        return found.stream().filter(f -> f.fid() == fid).findFirst();
    }

    /**
     * The WHERE condition of the query's filters (keyset, bbox, filter), each a no-op when absent. The filter is
     * translated even when the bbox already rules everything out, so that a bad filter is always a 400.
     */
    private FilterSql.Where conditions(Readable readable, FeatureQuery query, boolean keyset) {
        DatasetVersion version = readable.seen();
        List<String> parts = new ArrayList<>();
        List<FilterSql.Param> params = new ArrayList<>();
        if (keyset) {
            parts.add("\"_fid\" > ?");
            params.add((statement, index) -> statement.setLong(index, query.afterFid()));
        }
        if (query.bbox() != null && version.geographic()) {
            FilterSql.Where box = bboxCondition(query.bbox(), points(version));
            parts.add(box.sql());
            params.addAll(box.params());
        }
        if (query.filter() != null) {
            FilterSql.Where filter = FilterSql.translate(query.filter(), version, store);
            parts.add(filter.sql());
            params.addAll(filter.params());
        }
        FilterSql.Where rows = readable.rowCondition(store);
        if (rows != null) {
            parts.add(rows.sql());
            params.addAll(rows.params());
        }
        return new FilterSql.Where(parts.isEmpty() ? "TRUE" : String.join(" AND ", parts), params);
    }

    /**
     * The store's "intersects the box" predicate, once per part of the box: two parts OR-ed for a box across the
     * antimeridian.
     */
    private FilterSql.Where bboxCondition(Bbox bbox, boolean points) {
        List<String> predicates = new ArrayList<>();
        List<FilterSql.Param> params = new ArrayList<>();
        String predicate = store.bboxPredicate(points);
        // The store binds its box parameters in one go: the first placeholder binds them all, the others skip.
        int placeholders = (int) predicate.chars().filter(c -> c == '?').count();
        for (Bbox part : bbox.parts()) {
            predicates.add("(" + predicate + ")");
            for (int i = 0; i < placeholders; i++) {
                boolean first = i == 0;
                params.add((statement, index) -> {
                    if (first) {
                        store.bindBbox(statement, index, part, points);
                    }
                });
            }
        }
        return new FilterSql.Where(predicates.size() == 1 ? predicates.get(0)
                : "(" + String.join(" OR ", predicates) + ")", params);
    }

    /** Whether every geometry of the version is a point (the kind a load observed), for the box test. */
    private static boolean points(DatasetVersion version) {
        return version.geometry() != null && version.geometry().kind() == GeometryType.POINT;
    }

    private Readable version(String datasetId, FeatureQuery query) {
        return readable(datasetId, query.version());
    }

    /**
     * A version as one reader reads it.
     *
     * @param stored the version as stored (the row rule is translated against all its columns)
     * @param seen   the version as the reader sees it: the columns hidden from them left out
     * @param scope  the rows and columns they may read
     */
    record Readable(DatasetVersion stored, DatasetVersion seen, ReadScope scope) {
        /** The SQL condition of the reader's rows (their row rule bound to their values), null for all rows. */
        FilterSql.@Nullable Where rowCondition(TableStore store) {
            return scope.rows() == null ? null : FilterSql.translate(scope.rows(), stored, store);
        }
    }

    /**
     * The key of the current reader's scope of the dataset's served version, for caches shared by readers (tiles):
     * equal keys, equal rows and columns. {@code all} when they read everything.
     *
     * @throws DataProblem 404 as for {@link #count}
     */
    public String scopeKey(String datasetId, @Nullable Integer version) {
        return readable(datasetId, version).scope().key();
    }

    /**
     * The READY version {@code requested} (null: the served one) of a dataset the current viewer may read, with what
     * they may read of it: what every read of rows starts from ({@link Aggregates} too).
     *
     * @throws DataProblem 404 when the dataset is unknown or hidden, or has no such version; 409 when not READY
     */
    Readable readable(String datasetId, @Nullable Integer requested) {
        Dataset dataset = datasets.find(datasetId).orElseThrow(() -> DataProblem.datasetNotFound(datasetId));
        Integer number = requested != null ? requested : dataset.currentVersion();
        if (number == null) {
            throw DataProblem.noVersion(datasetId);
        }
        DatasetVersion version = registry.version(dataset.id(), number)
                .orElseThrow(() -> DataProblem.versionNotFound(datasetId, number));
        if (version.status() != VersionStatus.READY) {
            throw DataProblem.versionNotReady(datasetId, number, version.status());
        }
        ReadScope scope = datasets.scope(dataset, version);
        return new Readable(version, scope.apply(version), scope);
    }

    private static List<Column> selected(DatasetVersion version, @Nullable List<String> names) {
        if (names == null) {
            return version.columns();
        }
        List<Column> columns = new ArrayList<>(names.size());
        for (String name : names) {
            columns.add(version.column(name).orElseThrow(() -> DataProblem.unknownProperty(name)));
        }
        return columns;
    }

    private Feature feature(ResultSet rows, List<Column> columns, boolean withGeometry) throws SQLException {
        long fid = rows.getLong(1);
        Map<String, @Nullable Object> properties = new LinkedHashMap<>(columns.size() * 2);
        int index = 2;
        for (Column column : columns) {
            properties.put(column.name(), value(rows, index++, column.type()));
        }
        Geometry geometry = withGeometry ? store.readGeometry(rows, index) : null;
        return new Feature(fid, properties, geometry);
    }

    /** H2's DECFLOAT gives 1000 as 1E+3; PostgreSQL's NUMERIC as 1000, which is what both answer. */
    private static @Nullable BigDecimal plain(@Nullable BigDecimal value) {
        return value != null && value.scale() < 0 ? value.setScale(0) : value;
    }

    private static @Nullable Object value(ResultSet rows, int index, ColumnType type) throws SQLException {
        Object value = switch (type) {
            case INTEGER -> rows.getLong(index);
            case DECIMAL -> plain(rows.getBigDecimal(index));
            case BOOLEAN -> rows.getBoolean(index);
            case DATE -> rows.getObject(index, LocalDate.class);
            case TIMESTAMP -> rows.getObject(index, OffsetDateTime.class);
            case TEXT -> rows.getString(index);
        };
        return rows.wasNull() ? null : value;
    }
}
