package fr.mel.opale.data.internal;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.LoadResult;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.data.SchemaRevision;
import fr.mel.opale.data.VersionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one new version of a dataset and switches to it, never disturbing the version being served:
 * <ol>
 *   <li>register the version as LOADING (own transaction, committed: the start-up cleanup can find it);</li>
 *   <li>create its table, stream the rows in ({@link TableStore.RowWriter}), build the key, spatial index and
 *       statistics, commit;</li>
 *   <li>in ONE transaction: mark it READY and make it the dataset's current version — the atomic switch;</li>
 *   <li>drop the versions beyond the number kept ({@link DataSettings#keepVersions()}).</li>
 * </ol>
 * On any failure or cancellation before the switch, the new table is dropped, the version marked FAILED or CANCELLED
 * with its reason, and the current version is untouched. Access checks are the caller's ({@code Datasets}).
 */
@Component
public class DatasetWriter {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetWriter.class);
    private static final int CANCEL_CHECK_EVERY = 1000;
    private final DataSource dataSource;
    private final DatasetRegistry registry;
    private final TableStore store;
    private final ActiveLoads active;
    private final DataSettings settings;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public DatasetWriter(DataSource dataSource, DatasetRegistry registry, TableStore store, ActiveLoads active,
                         DataSettings settings, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.store = store;
        this.active = active;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Clock.systemUTC();
    }

    /** Loads {@code rows} as a new version of {@code dataset}; see the class comment. Closes {@code rows}. */
    public LoadResult load(Dataset dataset, DatasetSchema schema, RowSource rows, LoadOptions options) {
        DatasetVersion registered = ownTransaction.execute(tx -> {
            int number = registry.nextVersionNumber(dataset.id());
            DatasetVersion version = new DatasetVersion(dataset.id(), number, TableNames.table(dataset.id(), number),
                    VersionStatus.LOADING, 0, schema.columns(), schema.geometry(), null, options.contentHash(),
                    clock.instant(), null, null);
            registry.insertVersion(version);
            return version;
        });
        String table = registered.tableName();
        active.add(table);
        Progress progress = new Progress(schema.geometry());
        // The source is read on another thread while this one encodes and sends (see PrefetchedRows).
        RowSource prefetched = new PrefetchedRows(rows, table);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            store.holdLoad(connection, table);
            try {
                connection.setAutoCommit(false);
                Outcome outcome = write(connection, registered, schema, prefetched, options, progress);
                if (outcome.status() != VersionStatus.READY) {
                    return discard(connection, registered, outcome.status(), outcome.message(), outcome.cause(),
                            progress);
                }
                connection.commit();
                connection.setAutoCommit(true);
                if (!switchTo(registered, progress)) {
                    return discard(connection, registered, VersionStatus.FAILED,
                            "Import interrompu : la version a été déclarée abandonnée pendant son chargement.", null,
                            progress);
                }
            } finally {
                // Release before the connection returns to the pool: a pooled session must not keep the lock.
                releaseQuietly(connection, table, autoCommit);
            }
        } catch (Exception e) {
            // Reached only when the database itself failed outside write() (connection lost...).
            LOG.warn("Chargement de {} interrompu", table, e);
            return discardWithNewConnection(registered, e, progress);
        } finally {
            active.remove(table);
            closeQuietly(prefetched);
        }
        options.progress().accept(progress.rows);
        prune(dataset.id());
        DatasetVersion ready = registry.version(dataset.id(), registered.number()).orElseThrow();
        return new LoadResult(ready, null);
    }

    private Outcome write(Connection connection, DatasetVersion version, DatasetSchema schema, RowSource rows,
                          LoadOptions options, Progress progress) {
        String table = version.tableName();
        TableStore.RowWriter writer = null;
        List<Column> columns = schema.columns();
        int width = columns.size();
        Object[] canonical = new Object[width];
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
        String where = "avant la première ligne";
        long started = System.nanoTime();
        try {
            if (options.cancelled().getAsBoolean()) {
                return Outcome.cancelled();
            }
            store.create(connection, table, schema, options.expectedRows());
            writer = store.writer(connection, table, schema);
            Row row;
            while (true) {
                where = "à la ligne " + (progress.rows + 1);
                row = rows.next();
                if (row == null) {
                    break;
                }
                long fid = ++progress.rows;
                Object[] values = row.values();
                if (values == null ? width != 0 : values.length != width) {
                    throw new IllegalArgumentException((values == null ? 0 : values.length) + " valeurs pour "
                            + width + " colonnes");
                }
                for (int i = 0; i < width; i++) {
                    try {
                        canonical[i] = CellValues.canonical(columns.get(i).type(), values[i], options.zone());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("colonne « " + columns.get(i).name() + " » : "
                                + e.getMessage(), e);
                    }
                }
                writer.write(fid, canonical, geometry(row.geometry(), schema, progress, wkb));
                if (fid % CANCEL_CHECK_EVERY == 0 && options.cancelled().getAsBoolean()) {
                    writer.abort();
                    return Outcome.cancelled();
                }
                if (fid % LoadOptions.PROGRESS_EVERY == 0) {
                    options.progress().accept(fid);
                }
            }
            where = "à la fin du chargement";
            writer.end();
            if (options.cancelled().getAsBoolean()) {
                return Outcome.cancelled();
            }
            SchemaRevision revision = rows.revision();
            if (revision != null) {
                where = "pendant l'élargissement des colonnes";
                schema = revise(connection, version, schema, revision, options);
            }
            where = "pendant l'indexation";
            long written = System.nanoTime();
            store.finish(connection, table, schema);
            LOG.info("{}: {} lignes écrites en {} ms, indexées en {} ms", table, progress.rows,
                    (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
            return new Outcome(VersionStatus.READY, null, null);
        } catch (Exception e) {
            if (writer != null) {
                writer.abort();
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(VersionStatus.FAILED, "Import échoué " + where + " : " + reason, e);
        }
    }

    /**
     * The source's late widening applied to the table in place, and to the version's registered columns (read by
     * nobody before the switch): the schema the version is indexed and published with.
     */
    private DatasetSchema revise(Connection connection, DatasetVersion version, DatasetSchema schema,
                                 SchemaRevision revision, LoadOptions options) throws SQLException {
        List<Column> before = schema.columns();
        List<Column> after = revision.columns();
        if (after.size() != before.size()) {
            throw new IllegalArgumentException(after.size() + " colonnes révisées pour " + before.size());
        }
        for (int i = 0; i < after.size(); i++) {
            if (!after.get(i).name().equals(before.get(i).name())
                    || !SchemaRevision.widens(before.get(i).type(), after.get(i).type())) {
                throw new IllegalArgumentException("la colonne « " + before.get(i).name() + " » ne peut devenir "
                        + after.get(i).type() + " (" + before.get(i).type() + ") sans relecture");
            }
        }
        // the cells written over go through the same door as the rows: a text without its NULs (PostgreSQL refuses
        // them, H2 would keep them), a decimal within bounds — else H2 and PostGIS, or a read once and the read
        // after an analysis, would publish different tables
        List<SchemaRevision.Cell> cells = new ArrayList<>(revision.cells().size());
        for (SchemaRevision.Cell cell : revision.cells()) {
            Column column = after.get(cell.column());
            try {
                cells.add(new SchemaRevision.Cell(cell.fid(), cell.column(),
                        CellValues.canonical(column.type(), cell.value(), options.zone())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("colonne « " + column.name() + " », ligne " + cell.fid() + " : "
                        + e.getMessage(), e);
            }
        }
        SchemaRevision canonical = new SchemaRevision(after, revision.textForms(), cells);
        long started = System.nanoTime();
        store.revise(connection, version.tableName(), schema, canonical);
        ownTransaction.executeWithoutResult(tx -> registry.reviseColumns(version.datasetId(), version.number(),
                after));
        LOG.info("{}: colonnes élargies, {} cellules réécrites en {} ms", version.tableName(),
                revision.cells().size(), (System.nanoTime() - started) / 1_000_000);
        return new DatasetSchema(after, schema.geometry());
    }

    private byte @Nullable [] geometry(@Nullable Geometry geometry, DatasetSchema schema, Progress progress,
                                       WKBWriter wkb) {
        if (geometry == null) {
            return null;
        }
        if (schema.geometry() == null) {
            throw new IllegalArgumentException("géométrie inattendue dans un jeu de données non géographique");
        }
        geometry.setSRID(4326);
        progress.saw(geometry);
        return wkb.write(geometry);
    }

    /** The atomic switch: READY and current in one transaction, or nothing. */
    private boolean switchTo(DatasetVersion version, Progress progress) {
        Boolean switched = ownTransaction.execute(tx -> {
            Instant now = clock.instant();
            if (!registry.finishVersion(version.datasetId(), version.number(), VersionStatus.READY, progress.rows,
                    progress.geometryInfo(), progress.bbox(), null, now)) {
                tx.setRollbackOnly();
                return false;
            }
            registry.setCurrent(version.datasetId(), version.number(), now);
            return true;
        });
        return Boolean.TRUE.equals(switched);
    }

    private LoadResult discard(Connection connection, DatasetVersion version, VersionStatus status,
                               @Nullable String message, @Nullable Throwable cause, Progress progress)
            throws SQLException {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback of {} failed", version.tableName(), e);
        }
        connection.setAutoCommit(true);
        store.drop(connection, version.tableName());
        return markEnded(version, status, message, cause, progress);
    }

    private LoadResult discardWithNewConnection(DatasetVersion version, Exception cause, Progress progress) {
        try (Connection connection = dataSource.getConnection()) {
            store.drop(connection, version.tableName());
        } catch (SQLException e) {
            LOG.warn("Table {} non supprimée : le nettoyage au démarrage s'en chargera", version.tableName(), e);
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return markEnded(version, VersionStatus.FAILED, "Import échoué : " + reason, cause, progress);
    }

    private LoadResult markEnded(DatasetVersion version, VersionStatus status, @Nullable String message,
                                 @Nullable Throwable cause, Progress progress) {
        if (cause != null) {
            LOG.info("Version {} de {} non publiée : {}", version.number(), version.datasetId(), message);
        }
        // a message may quote the cell that failed; PostgreSQL refuses NUL in text, and the failure must be recorded
        String recorded = message == null ? (status == VersionStatus.CANCELLED ? "Import annulé." : null)
                : message.replace("\0", "");
        ownTransaction.executeWithoutResult(tx -> registry.finishVersion(version.datasetId(), version.number(), status,
                progress.rows, progress.geometryInfo(), progress.bbox(), recorded, clock.instant()));
        DatasetVersion ended = registry.version(version.datasetId(), version.number()).orElse(version);
        return new LoadResult(ended, cause);
    }

    /**
     * Keeps the current version and the newest READY ones up to the number kept; drops the rest. Failed and cancelled
     * versions older than the oldest kept one lose their registry row too. The row is deleted before the table is
     * dropped: a crash in between leaves an orphan table, which the start-up cleanup removes, never a row pointing at
     * nothing. Failures here are logged, not thrown: the new version is already served.
     */
    public void prune(String datasetId) {
        try {
            Integer current = registry.find(datasetId).map(Dataset::currentVersion).orElse(null);
            List<DatasetVersion> versions = registry.versions(datasetId);
            int keptReady = current == null ? 0 : 1;
            int oldestKept = current == null ? Integer.MAX_VALUE : current;
            for (DatasetVersion version : versions) {
                if (version.status() != VersionStatus.READY || (current != null && version.number() == current)) {
                    continue;
                }
                if (keptReady < settings.keepVersions()) {
                    keptReady++;
                    oldestKept = Math.min(oldestKept, version.number());
                } else {
                    dropVersion(version);
                }
            }
            for (DatasetVersion version : versions) {
                boolean ended = version.status() == VersionStatus.FAILED || version.status() == VersionStatus.CANCELLED;
                if (ended && version.number() < oldestKept) {
                    registry.deleteVersion(datasetId, version.number());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Anciennes versions de {} non supprimées", datasetId, e);
        }
    }

    /** Removes one version entirely (registry row, then table). */
    public void dropVersion(DatasetVersion version) {
        registry.deleteVersion(version.datasetId(), version.number());
        try (Connection connection = dataSource.getConnection()) {
            store.drop(connection, version.tableName());
        } catch (SQLException e) {
            LOG.warn("Table {} non supprimée : le nettoyage au démarrage s'en chargera", version.tableName(), e);
        }
    }

    private static void closeQuietly(RowSource rows) {
        try {
            rows.close();
        } catch (Exception e) {
            LOG.debug("Closing a row source failed", e);
        }
    }

    private void releaseQuietly(Connection connection, String table, boolean autoCommit) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            store.releaseLoad(connection, table);
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            LOG.debug("Release of load {} failed", table, e);
        }
    }

    private record Outcome(VersionStatus status, @Nullable String message, @Nullable Throwable cause) {
        static Outcome cancelled() {
            return new Outcome(VersionStatus.CANCELLED, "Import annulé.", null);
        }
    }

    /** What the rows written so far add up to: count, observed geometry kind, box. */
    private static final class Progress {
        private final @Nullable GeometryInfo declared;
        private long rows;
        private @Nullable GeometryType kind;
        private final Envelope envelope = new Envelope();

        Progress(@Nullable GeometryInfo declared) {
            this.declared = declared;
        }

        void saw(Geometry geometry) {
            GeometryType k = GeometryType.of(geometry);
            kind = kind == null ? k : kind.and(k);
            if (!geometry.isEmpty()) {
                Envelope box = geometry.getEnvelopeInternal();
                if (box.getMinX() < -180 || box.getMaxX() > 180 || box.getMinY() < -90 || box.getMaxY() > 90) {
                    // Most often projected coordinates (Lambert-93 metres) handed as if they were degrees.
                    throw new IllegalArgumentException("coordonnées hors des limites longitude/latitude (" + box
                            + ") : la géométrie n'est pas en WGS84, vérifiez le système de coordonnées source");
                }
                envelope.expandToInclude(box);
            }
        }

        @Nullable GeometryInfo geometryInfo() {
            if (declared == null) {
                return null;
            }
            return kind == null ? declared : new GeometryInfo(kind, declared.sourceCrs());
        }

        @Nullable Bbox bbox() {
            return Bbox.of(envelope);
        }
    }
}
