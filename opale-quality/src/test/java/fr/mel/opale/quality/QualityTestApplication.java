package fr.mel.opale.quality;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Quality and what it stands on (catalog, access), booted alone for the module's tests. */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.quality"})
@EnableJpaRepositories(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
@EntityScan(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
public class QualityTestApplication {
}
