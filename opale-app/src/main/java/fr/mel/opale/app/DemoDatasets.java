package fr.mel.opale.app;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.ingest.job.IngestJob;
import fr.mel.opale.ingest.job.IngestJobs;
import fr.mel.opale.ingest.job.IngestOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Gives three demo records their data (files of {@code demo/data}, made by {@code src/demo/make_demo_data.py}), so
 * that the table, map and chart tabs work right after the first start: glass bins (3 297 points), the communes
 * (95 polygons) and daily air quality (a date and numbers, no geometry).
 *
 * <p>Published through the same import jobs as {@code POST /api/ingest} (analysis, load, record, data-quality report),
 * so the demo shows what an import really gives. On a thread of its own once the application is ready: the health
 * turns {@code UP} without waiting for the loads. Idempotent: a record whose dataset already serves a version is
 * left alone, a restart republishes nothing; a record an administrator deleted gets no data back; a dataset left
 * without a version by an interrupted start gets its import again.
 */
@Component
class DemoDatasets {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDatasets.class);

    /** One demo file and the record it serves; {@code options} as {@code POST /api/ingest} takes them. */
    record DemoFile(String recordId, String title, String resource, String options) {
    }

    static final List<DemoFile> FILES = List.of(
            new DemoFile("demo-points-verre", "Points d'apport volontaire du verre", "points-verre.csv",
                    "{\"columns\":{\"code_insee\":{\"type\":\"text\"}}}"),
            new DemoFile("demo-communes-mel", "Communes de la MEL", "communes-mel.geojson",
                    "{\"columns\":{\"code_insee\":{\"type\":\"text\"}}}"),
            new DemoFile("demo-qualite-air", "Qualité de l'air quotidienne", "qualite-air.csv", "{}"));

    private final Catalog catalog;
    private final Datasets datasets;
    private final IngestJobs jobs;
    private final AccessPolicy policy;
    private final boolean enabled;

    DemoDatasets(Catalog catalog, Datasets datasets, IngestJobs jobs, AccessPolicy policy,
                 @Value("${opale.demo:true}") boolean enabled) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.jobs = jobs;
        this.policy = policy;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishInTheBackground() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::publishMissing, "opale-demo-datasets");
        thread.setDaemon(true);
        thread.start();
    }

    /** Submits the import of every demo file whose record exists and has no served data yet. */
    void publishMissing() {
        for (DemoFile file : FILES) {
            try {
                policy.asPlatform(() -> submit(file));
            } catch (RuntimeException e) {
                // one demo file failing must not keep the others away, nor the platform from running
                LOG.warn("Jeu de démonstration {} non publié : {}", file.resource(), e.getMessage(), e);
            }
        }
    }

    private Optional<IngestJob> submit(DemoFile file) {
        if (catalog.find(file.recordId()).isEmpty()) {
            return Optional.empty();
        }
        Optional<Dataset> existing = datasets.findByRecord(file.recordId());
        if (existing.isPresent() && existing.get().currentVersion() != null) {
            return Optional.empty();
        }
        Dataset dataset = existing.orElseGet(() -> datasets.create(file.title(), file.recordId()));
        IngestJob job = jobs.submitUpload(file.resource(), target -> {
            try (InputStream in = new ClassPathResource("demo/data/" + file.resource()).getInputStream()) {
                Files.copy(in, target);
            }
        }, IngestOptions.parse(file.options()), dataset.id());
        LOG.info("Jeu de démonstration {} : import {} lancé", file.resource(), job.id());
        return Optional.of(job);
    }
}
