package fr.mel.opale.thesaurus;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The thesaurus module and what it builds on (access, catalog), booted alone for the module's tests. The catalog's
 * test application and contracts, should a test-jar bring them onto the class path, are left out of the scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"fr.mel.opale.access", "fr.mel.opale.catalog", "fr.mel.opale.thesaurus"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.REGEX,
                        pattern = "fr\\.mel\\.opale\\.catalog\\..*(TestApplication|Contract|Test)(\\$.*)?")})
public class ThesaurusTestApplication {
}
