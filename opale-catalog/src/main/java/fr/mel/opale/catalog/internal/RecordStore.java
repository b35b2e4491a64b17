package fr.mel.opale.catalog.internal;

import fr.mel.opale.access.ReadFilter;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.RecordPage;
import fr.mel.opale.catalog.RecordSummary;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.RecordKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Storage of records, without any policy: the {@link fr.mel.opale.catalog.Catalog} decides, this stores.
 * Callers run inside the catalog's transactions.
 *
 * <p>Plain SQL through {@link JdbcClient}, like the rest of the platform's storage. The record used to be the only
 * JPA entity: Hibernate's bootstrap for that one table cost seconds of every start. Optimistic locking is the
 * version column, as it was under JPA: a write replaces the row only at the version it read, and a lost race fails
 * with {@link OptimisticLockingFailureException} instead of silently winning.
 */
@Component
public class RecordStore {
    /** Column width of {@code catalog_record.title}; the full title stays in the document. */
    private static final int TITLE_COLUMN = 1000;

    private static final String TITLE_MATCHES = " AND LOWER(title) LIKE LOWER(:pattern) ESCAPE '\\'";
    private static final String NEWEST_FIRST = " ORDER BY modified_at DESC, id LIMIT :size OFFSET :offset";

    private static final String COLUMNS =
            "SELECT document, version, created_at, modified_at, visibility, owner_org FROM catalog_record";

    private final JdbcClient jdbc;
    private final RecordDocumentCodec codec = new RecordDocumentCodec();

    RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredRecord> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(this::stored).optional();
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_record WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /**
     * Inserts or replaces a record whatever its stored version (the version read here is the one replaced).
     * The catalog's writes use {@link #save(CatalogRecord, Visibility, String, StoredRecord)}.
     */
    public StoredRecord save(CatalogRecord record, Visibility visibility, @Nullable String ownerOrganisation) {
        Optional<Current> current = jdbc.sql("SELECT version, created_at FROM catalog_record WHERE id = ?")
                .param(record.id())
                .query((rs, n) -> new Current(rs.getLong("version"), instant(rs, "created_at")))
                .optional();
        return write(record, visibility, ownerOrganisation, current.orElse(null));
    }

    /**
     * Inserts a record ({@code replaced} null) or replaces {@code replaced}, the stored record as the caller read it
     * earlier in its transaction. A replacement keeps the creation time and moves the version on by one, provided
     * the row is still at {@code replaced}'s version: a concurrent write of the same record that committed since the
     * caller's read makes this one fail with {@link OptimisticLockingFailureException} instead of silently winning
     * (what JPA's version check did, the entity being read once per transaction).
     */
    public StoredRecord save(CatalogRecord record, Visibility visibility, @Nullable String ownerOrganisation,
                             @Nullable StoredRecord replaced) {
        return write(record, visibility, ownerOrganisation,
                replaced == null ? null : new Current(replaced.version(), replaced.created()));
    }

    private StoredRecord write(CatalogRecord record, Visibility visibility, @Nullable String ownerOrganisation,
                               @Nullable Current current) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        double[] box = box(record.spatialExtent().bbox());
        // what is returned is what a later read gives: the record as its stored document reads back
        String document = codec.write(record);
        if (current == null) {
            jdbc.sql("INSERT INTO catalog_record (id, kind, title, owner_org, visibility, created_at, modified_at,"
                            + " version, west, south, east, north, document)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)")
                    .params(record.id(), record.kind().name(), titleColumn(record), ownerOrganisation,
                            visibility.name(), column(now), column(now), corner(box, 0), corner(box, 1),
                            corner(box, 2), corner(box, 3), document)
                    .update();
            return new StoredRecord(codec.read(document), 0, now, now, visibility, ownerOrganisation);
        }
        long version = current.version();
        int updated = jdbc.sql("UPDATE catalog_record SET kind = ?, title = ?, owner_org = ?, visibility = ?,"
                        + " modified_at = ?, version = ?, west = ?, south = ?, east = ?, north = ?, document = ?"
                        + " WHERE id = ? AND version = ?")
                .params(record.kind().name(), titleColumn(record), ownerOrganisation, visibility.name(), column(now),
                        version + 1, corner(box, 0), corner(box, 1), corner(box, 2), corner(box, 3), document,
                        record.id(), version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException(
                    "Fiche " + record.id() + " modifiée entre-temps (version " + version + " lue)");
        }
        return new StoredRecord(codec.read(document), version + 1, current.createdAt(), now, visibility,
                ownerOrganisation);
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM catalog_record WHERE id = ?").param(id).update();
    }

    /**
     * One page of summaries of the records {@code filter} admits (the access policy's), with their exact total.
     *
     * @param text optional case-insensitive filter on titles
     */
    public RecordPage<RecordSummary> list(ReadFilter filter, String text, int page, int size) {
        ReadFilter.SqlCondition visible = filter.sql("visibility", "owner_org", "id");
        String where = " FROM catalog_record WHERE " + visible.sql()
                + (text == null || text.isBlank() ? "" : TITLE_MATCHES);
        String pattern = text == null || text.isBlank() ? null
                : "%" + escapeLike(text.strip()) + "%";
        JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*)" + where).params(visible.params());
        JdbcClient.StatementSpec select = jdbc.sql("SELECT id, kind, title, modified_at, version" + where + NEWEST_FIRST)
                .params(visible.params()).param("size", size).param("offset", (long) page * size);
        if (pattern != null) {
            count = count.param("pattern", pattern);
            select = select.param("pattern", pattern);
        }
        List<RecordSummary> items = select.query((rs, n) -> new RecordSummary(rs.getString("id"),
                RecordKind.valueOf(rs.getString("kind")), rs.getString("title"), instant(rs, "modified_at"),
                rs.getLong("version"))).list();
        return new RecordPage<>(items, page, size, count.query(Long.class).single());
    }

    /** One page of whole records {@code filter} admits, newest change first, with their exact total. */
    public RecordPage<StoredRecord> listFull(ReadFilter filter, int page, int size) {
        ReadFilter.SqlCondition visible = filter.sql("visibility", "owner_org", "id");
        String where = " FROM catalog_record WHERE " + visible.sql();
        List<StoredRecord> items = jdbc.sql("SELECT document, version, created_at, modified_at, visibility, owner_org"
                        + where + NEWEST_FIRST)
                .params(visible.params()).param("size", size).param("offset", (long) page * size)
                .query(this::stored)
                .list();
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(visible.params()).query(Long.class).single();
        return new RecordPage<>(items, page, size, total);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private StoredRecord stored(ResultSet rs, int row) throws SQLException {
        return new StoredRecord(codec.read(rs.getString("document")), rs.getLong("version"),
                instant(rs, "created_at"), instant(rs, "modified_at"),
                Visibility.valueOf(rs.getString("visibility")), rs.getString("owner_org"));
    }

    /** An instant as both databases' {@code TIMESTAMP WITH TIME ZONE} take it, whatever the JVM's zone. */
    private static OffsetDateTime column(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Double corner(double @Nullable [] box, int index) {
        return box == null ? null : box[index];
    }

    /** What a replacement keeps of the stored row. */
    private record Current(long version, Instant createdAt) {
    }

    private static String titleColumn(CatalogRecord record) {
        String title = record.title().textOr("");
        return title.length() <= TITLE_COLUMN ? title : title.substring(0, TITLE_COLUMN - 1) + "…";
    }

    private static double[] box(BoundingBox bbox) {
        return bbox == null ? null : new double[] {bbox.west(), bbox.south(), bbox.east(), bbox.north()};
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
