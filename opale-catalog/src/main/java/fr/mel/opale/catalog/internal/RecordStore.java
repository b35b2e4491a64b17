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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Storage of records, without any policy: the {@link fr.mel.opale.catalog.Catalog} decides, this stores.
 * Callers run inside the catalog's transactions.
 *
 * <p>Single-record reads and writes go through JPA (optimistic locking by the version column); lists are plain SQL
 * through {@link JdbcClient}: a JPQL {@code @Query} costs several CPU-seconds at every start (Spring Data and
 * Hibernate each warm an ANTLR parser for it), which alone broke the ten-second cold-start budget.
 */
@Component
public class RecordStore {
    /** Column width of {@code catalog_record.title}; the full title stays in the document. */
    private static final int TITLE_COLUMN = 1000;

    private static final String TITLE_MATCHES = " AND LOWER(title) LIKE LOWER(:pattern) ESCAPE '\\'";
    private static final String NEWEST_FIRST = " ORDER BY modified_at DESC, id LIMIT :size OFFSET :offset";

    private final RecordEntityRepository repository;
    private final JdbcClient jdbc;
    private final RecordDocumentCodec codec = new RecordDocumentCodec();

    RecordStore(RecordEntityRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public Optional<StoredRecord> find(String id) {
        return repository.findById(id).map(this::toStored);
    }

    public boolean exists(String id) {
        return repository.existsById(id);
    }

    /**
     * Inserts or replaces a record; the entity's version column makes a concurrent write of the same record fail
     * with an optimistic-locking exception instead of silently winning.
     */
    public StoredRecord save(CatalogRecord record, Visibility visibility, @Nullable String ownerOrganisation) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RecordEntity entity = repository.findById(record.id()).orElseGet(() -> new RecordEntity(record.id(), now));
        entity.fill(record.kind().name(), titleColumn(record), ownerOrganisation, visibility.name(), now,
                box(record.spatialExtent().bbox()), codec.write(record));
        return toStored(repository.saveAndFlush(entity));
    }

    public void delete(String id) {
        repository.deleteById(id);
        repository.flush();
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
                .query((rs, n) -> new StoredRecord(codec.read(rs.getString("document")), rs.getLong("version"),
                        instant(rs, "created_at"), instant(rs, "modified_at"),
                        Visibility.valueOf(rs.getString("visibility")), rs.getString("owner_org")))
                .list();
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(visible.params()).query(Long.class).single();
        return new RecordPage<>(items, page, size, total);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private StoredRecord toStored(RecordEntity entity) {
        return new StoredRecord(codec.read(entity.document()), entity.version(), entity.createdAt(),
                entity.modifiedAt(), Visibility.valueOf(entity.visibility()), entity.ownerOrganisation());
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
