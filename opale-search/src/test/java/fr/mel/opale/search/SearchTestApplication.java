package fr.mel.opale.search;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Search and what it stands on (access, catalog, thesaurus, quality), booted alone for this module's tests. Test classes
 * of other modules' test-jars on the classpath are left out of the scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.thesaurus",
        "fr.mel.opale.quality", "fr.mel.opale.search"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.REGEX,
                        pattern = "fr\\.mel\\.opale\\.(catalog|thesaurus|quality)\\..*(TestApplication|Contract|Test)(\\$.*)?")})
public class SearchTestApplication {
}
