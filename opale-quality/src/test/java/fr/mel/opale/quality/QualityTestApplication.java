package fr.mel.opale.quality;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Quality and what it stands on (catalog, access), booted alone for the module's tests. */
@SpringBootApplication(scanBasePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.quality"})
public class QualityTestApplication {
}
