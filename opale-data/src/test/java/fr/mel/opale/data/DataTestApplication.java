package fr.mel.opale.data;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The data store and what it depends on (access, catalog), booted alone for the module's tests. */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.data"})
@EnableJpaRepositories(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
@EntityScan(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
public class DataTestApplication {
}
