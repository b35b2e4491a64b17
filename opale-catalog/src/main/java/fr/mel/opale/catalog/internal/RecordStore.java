package fr.mel.opale.catalog.internal;

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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    private static final String VISIBLE = "FROM catalog_record WHERE visibility IN (:visibilities)";
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
    public StoredRecord save(CatalogRecord record, Visibility visibility, String ownerOrganisation) {
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

    public RecordPage<RecordSummary> list(Collection<Visibility> visibilities, String text, int page, int size) {
        List<String> names = names(visibilities);
        String filter = VISIBLE + (text == null || text.isBlank() ? "" : TITLE_MATCHES);
        String pattern = text == null || text.isBlank() ? null
                : "%" + escapeLike(text.strip()) + "%";
        JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) " + filter).param("visibilities", names);
        JdbcClient.StatementSpec select = jdbc.sql("SELECT id, kind, title, modified_at, version " + filter + NEWEST_FIRST)
                .param("visibilities", names).param("size", size).param("offset", (long) page * size);
        if (pattern != null) {
            count = count.param("pattern", pattern);
            select = select.param("pattern", pattern);
        }
        List<RecordSummary> items = select.query((rs, n) -> new RecordSummary(rs.getString("id"),
                RecordKind.valueOf(rs.getString("kind")), rs.getString("title"), instant(rs, "modified_at"),
                rs.getLong("version"))).list();
        return new RecordPage<>(items, page, size, count.query(Long.class).single());
    }

    public RecordPage<StoredRecord> listFull(Collection<Visibility> visibilities, int page, int size) {
        List<String> names = names(visibilities);
        List<StoredRecord> items = jdbc.sql("SELECT document, version, created_at, modified_at, visibility, owner_org "
                        + VISIBLE + NEWEST_FIRST)
                .param("visibilities", names).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new StoredRecord(codec.read(rs.getString("document")), rs.getLong("version"),
                        instant(rs, "created_at"), instant(rs, "modified_at"),
                        Visibility.valueOf(rs.getString("visibility")), rs.getString("owner_org")))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) " + VISIBLE).param("visibilities", names).query(Long.class).single();
        return new RecordPage<>(items, page, size, total);
    }

    private static List<String> names(Collection<Visibility> visibilities) {
        return visibilities.stream().map(Enum::name).toList();
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
