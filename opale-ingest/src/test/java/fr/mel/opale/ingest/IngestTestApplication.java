package fr.mel.opale.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Ingestion and what it publishes into (data, catalog, thesaurus, access), booted alone for the module's tests. */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.thesaurus",
        "fr.mel.opale.data", "fr.mel.opale.ingest"})
@EnableJpaRepositories(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
@EntityScan(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
public class IngestTestApplication {
}
