package fr.mel.opale.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Ingestion and what it publishes into (data, catalog, thesaurus, access), booted alone for the module's tests, with
 * the OGC API's CQL2 reader (the application's {@code FilterReader}, which the aggregates read filters with).
 */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.thesaurus",
        "fr.mel.opale.data", "fr.mel.opale.ingest", "fr.mel.opale.ogcapi.filter.cql2"})
public class IngestTestApplication {
}
