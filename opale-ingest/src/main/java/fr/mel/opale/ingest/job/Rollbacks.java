package fr.mel.opale.ingest.job;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Serves a kept version of a dataset again (roll-back) and brings its catalog record in line (structure,
 * extent, row count of that version). Editors only, as every change to a dataset.
 */
@Service
public class Rollbacks {
    private final Datasets datasets;
    private final Catalog catalog;
    private final RecordPublisher publisher;
    private final AccessPolicy policy;

    Rollbacks(Datasets datasets, Catalog catalog, RecordPublisher publisher, AccessPolicy policy) {
        this.datasets = datasets;
        this.catalog = catalog;
        this.publisher = publisher;
        this.policy = policy;
    }

    /**
     * @throws fr.mel.opale.data.DataProblem 404 unknown dataset or version gone, 409 version not READY
     * @throws fr.mel.opale.access.AccessDenied unless the viewer may edit the dataset
     */
    public Dataset rollback(String datasetId, int version) {
        Dataset dataset = datasets.rollback(datasetId, version);
        // read as the platform, as the record is written: the caller may edit without reading every row or column
        // (a write grant), and their view (no extent, their row count, fewer columns) must not become the record's
        DatasetVersion served = policy.asPlatform(() -> datasets.currentVersion(datasetId).orElseThrow());
        Optional<StoredRecord> record = dataset.recordId() == null ? Optional.empty() : catalog.find(dataset.recordId());
        if (record.isPresent()) {
            String source = record.get().record().source() == null || record.get().record().source().fileName() == null
                    ? dataset.slug() : record.get().record().source().fileName();
            String format = record.get().record().source() == null ? null : record.get().record().source().standard();
            policy.asPlatform(() -> publisher.publish(dataset, served, IngestOptions.NONE, source,
                    format == null ? "inconnu" : format));
        }
        return dataset;
    }
}
