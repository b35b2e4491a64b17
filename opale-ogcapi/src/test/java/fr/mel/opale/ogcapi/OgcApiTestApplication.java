package fr.mel.opale.ogcapi;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The OGC API with the modules it reads through (access, catalog, data; search with thesaurus and quality for
 * Records), booted alone for the module's tests. Other modules' test applications and contracts, should a test-jar
 * bring them onto the class path, are left out of the scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.thesaurus",
        "fr.mel.opale.quality", "fr.mel.opale.search", "fr.mel.opale.data", "fr.mel.opale.ogcapi"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.REGEX,
                        pattern = "fr\\.mel\\.opale\\.(catalog|thesaurus|quality|search|data)\\..*(TestApplication|Contract|Test)(\\$.*)?")})
public class OgcApiTestApplication {
}
