package fr.mel.opale.catalog;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The catalog and what it depends on (access), booted alone for the module's tests. */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
public class CatalogTestApplication {
}
