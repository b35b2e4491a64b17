package fr.mel.opale.ogcapi;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The OGC API with the modules it reads through (access, catalog, data), booted alone for the module's tests. */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.data",
        "fr.mel.opale.ogcapi"})
@EnableJpaRepositories(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
@EntityScan(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog"})
public class OgcApiTestApplication {
}
