package fr.mel.opale.app;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty catalog with the demo records ({@code demo/records.json}) so a newcomer sees a living platform.
 * Only an empty catalog: records deleted by an administrator never come back. {@code OPALE_DEMO=false} turns it off.
 * {@code ${PUBLIC_URL}} in the file becomes the public address, for files the application serves itself (a record's
 * links must be absolute). {@link DemoDatasets} then gives some of these records their data.
 */
@Component
class DemoCatalog implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
    private static final String RESOURCE = "demo/records.json";

    private final Catalog catalog;
    private final AccessPolicy policy;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final String publicUrl;

    DemoCatalog(Catalog catalog, AccessPolicy policy, JsonMapper json, TransactionTemplate transactions,
                @Value("${opale.demo:true}") boolean enabled,
                @Value("${opale.public-url:http://localhost:8080}") String publicUrl) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.policy = policy;
        this.json = json;
        this.enabled = enabled;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** One demo entry: a record and how visible it is (one is restricted, to show closed data). */
    record DemoRecord(CatalogRecord record, Visibility visibility) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        policy.asPlatform(() -> {
            if (catalog.list(null, 0, 1).total() > 0) {
                return null;
            }
            List<DemoRecord> demo = read();
            // one transaction for all: the search index takes them in one batch (one index commit, not one per
            // record), before the platform reports itself ready
            transactions.executeWithoutResult(status ->
                    demo.forEach(entry -> catalog.create(entry.record(), entry.visibility())));
            LOG.info("Catalogue de démonstration chargé : {} fiches", demo.size());
            return null;
        });
    }

    private List<DemoRecord> read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${PUBLIC_URL}", publicUrl);
            return json.readValue(text, new TypeReference<List<DemoRecord>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Catalogue de démonstration illisible : " + RESOURCE, e);
        }
    }
}
