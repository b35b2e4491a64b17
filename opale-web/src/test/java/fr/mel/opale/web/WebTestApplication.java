package fr.mel.opale.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The pages and what they stand on (OGC API, search, ingest, data, quality, thesaurus, catalog, access), booted alone for tests. */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.thesaurus",
        "fr.mel.opale.quality", "fr.mel.opale.search", "fr.mel.opale.data", "fr.mel.opale.ingest", "fr.mel.opale.ogcapi",
        "fr.mel.opale.web"})
public class WebTestApplication {
}
