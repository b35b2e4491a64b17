package fr.mel.opale.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md, enforced: dependencies point one way ({@code app -> web -> ogcapi -> data, quality,
 * thesaurus -> catalog -> access -> geo}: every module may use geo, the geo plumbing, which uses none),
 * capabilities form no cycle, and no module reaches into another's {@code internal} package.
 * Maven already refuses cycles between modules; this also catches wrong-way imports between packages that Maven
 * cannot see (e.g. a future module placed in the same jar).
 */
class ArchitectureTest {
    /** Lower modules first: a module may depend only on those before it. */
    private static final List<String> LAYERS = List.of("geo", "access", "catalog", "thesaurus", "quality", "search",
            "data", "ingest", "ogcapi", "web", "app");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.mel.opale");
    }

    @Test
    void everyModuleIsPresent() {
        for (String module : LAYERS) {
            org.assertj.core.api.Assertions.assertThat(classes.stream()
                    .anyMatch(c -> c.getPackageName().startsWith("fr.mel.opale." + module)))
                    .as("classes of module %s on the test classpath", module).isTrue();
        }
    }

    @Test
    void dependenciesPointOneWay() {
        for (int i = 0; i < LAYERS.size(); i++) {
            for (int j = i + 1; j < LAYERS.size(); j++) {
                ArchRule rule = noClasses().that().resideInAPackage("fr.mel.opale." + LAYERS.get(i) + "..")
                        .should().dependOnClassesThat().resideInAPackage("fr.mel.opale." + LAYERS.get(j) + "..")
                        .because(LAYERS.get(i) + " sits below " + LAYERS.get(j) + " in DESIGN.md");
                rule.check(classes);
            }
        }
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        slices().matching("fr.mel.opale.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        for (String module : LAYERS) {
            noClasses().that().resideOutsideOfPackage("fr.mel.opale." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("fr.mel.opale." + module + ".internal..")
                    .because("a module's internal package is private to it")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
