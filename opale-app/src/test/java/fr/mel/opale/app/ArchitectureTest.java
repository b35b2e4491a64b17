package fr.mel.opale.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.PlatformRole;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.StoredRecord;
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

    /**
     * One policy decision point: outside opale-access nobody reads a viewer's roles or memberships, nor a resource's
     * visibility, to decide on their own — they ask {@code AccessPolicy}. The catalog stores the visibility (and hands
     * it to the policy inside {@code Protected}); demo content is created with one; the users' administration page
     * names the platform roles it grants.
     */
    @Test
    void onlyTheAccessPolicyReadsVisibilityRolesAndMemberships() {
        noClasses().that().resideOutsideOfPackage("fr.mel.opale.access..")
                .should().callMethod(Viewer.class, "platformAdmin")
                .orShould().callMethod(Viewer.class, "platformRoles")
                .orShould().callMethod(Viewer.class, "organisations")
                .orShould().callMethod(Viewer.class, "projects")
                .orShould().callMethod(Viewer.class, "inseeCodes")
                .orShould().callMethod(Protected.class, "visibility")
                .because("only AccessPolicy decides from roles, memberships and visibility")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("fr.mel.opale.access..", "fr.mel.opale.catalog..")
                .should().callMethod(StoredRecord.class, "visibility")
                .because("a record's visibility is the policy's to interpret: ask AccessPolicy")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("fr.mel.opale.access..", "fr.mel.opale.catalog..",
                        "fr.mel.opale.app..")
                .should().dependOnClassesThat().belongToAnyOf(Visibility.class)
                .because("only the policy and the catalog that stores it handle visibility")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("fr.mel.opale.access..", "fr.mel.opale.web.admin..")
                .should().dependOnClassesThat().belongToAnyOf(PlatformRole.class, MembershipRole.class)
                .because("roles are read by AccessPolicy only (the administration pages name those they grant)")
                .check(classes);
    }
}
