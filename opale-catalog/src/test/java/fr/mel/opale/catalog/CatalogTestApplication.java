package fr.mel.opale.catalog;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The catalog and what it depends on (access), booted alone for the module's tests. */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
@EnableJpaRepositories(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
@EntityScan(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
public class CatalogTestApplication {
}
