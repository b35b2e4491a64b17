package fr.mel.opale.catalog.internal;

import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.RecordPage;
import fr.mel.opale.catalog.RecordSummary;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.RecordKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Storage of records, without any policy: the {@link fr.mel.opale.catalog.Catalog} decides, this stores.
 * Callers run inside the catalog's transactions.
 */
@Component
public class RecordStore {
    /** Column width of {@code catalog_record.title}; the full title stays in the document. */
    private static final int TITLE_COLUMN = 1000;

    private final RecordEntityRepository repository;
    private final RecordDocumentCodec codec = new RecordDocumentCodec();

    RecordStore(RecordEntityRepository repository) {
        this.repository = repository;
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
        Page<RecordEntity> result = repository.list(visibilities.stream().map(Enum::name).toList(),
                text == null || text.isBlank() ? null : escapeLike(text.strip()), PageRequest.of(page, size));
        return new RecordPage<>(result.map(RecordStore::toSummary).getContent(), page, size,
                result.getTotalElements());
    }

    public RecordPage<StoredRecord> listFull(Collection<Visibility> visibilities, int page, int size) {
        Page<RecordEntity> result = repository.list(visibilities.stream().map(Enum::name).toList(), null,
                PageRequest.of(page, size));
        return new RecordPage<>(result.map(this::toStored).getContent(), page, size, result.getTotalElements());
    }

    private StoredRecord toStored(RecordEntity entity) {
        return new StoredRecord(codec.read(entity.document()), entity.version(), entity.createdAt(),
                entity.modifiedAt(), Visibility.valueOf(entity.visibility()), entity.ownerOrganisation());
    }

    private static RecordSummary toSummary(RecordEntity entity) {
        return new RecordSummary(entity.id(), RecordKind.valueOf(entity.kind()), entity.title(),
                entity.modifiedAt(), entity.version());
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
