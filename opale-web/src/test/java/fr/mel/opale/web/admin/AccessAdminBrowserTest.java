package fr.mel.opale.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.Timestamps;
import fr.mel.opale.access.organisation.Member;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.internal.RecordStore;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.testing.OnH2;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The organisations, projects and access pages in a real headless Chromium, used with the keyboard only (typing and
 * Enter; the role chosen with the arrow keys), axe-core checking each page against WCAG 2.1 A/AA (no serious or
 * critical violation). Skipped only where Chromium is not installed.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessAdminBrowserTest {
    @LocalServerPort int port;
    @Autowired PersonStore people;
    @Autowired PasswordEncoder encoder;
    @Autowired Organisations organisations;
    @Autowired AccessPolicy policy;
    @Autowired RecordStore records;
    @Autowired Catalog catalog;
    @Autowired Datasets datasets;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start(port);
        browser = chromium.driver();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains(text));
    }

    @Test
    void organisationsMembersProjectsAndAccessWithTheKeyboardWithoutAccessibilityViolations() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "clavier-" + run + "@exemple.fr";
        long person = people.insert("clavier-" + run, "Camille Clavier", email, PersonStatus.ACTIVE,
                encoder.encode("secret-clavier"), "fr", Timestamps.now());
        String record = "clavier-" + run;
        records.save(CatalogRecord.builder(record).title(LocalizedText.of("fr", "Fiche au clavier")).build(),
                Visibility.RESTRICTED, "lambersart");

        chromium.open("/connexion");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-secret", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/connexion"));

        chromium.open("/admin/organisations");
        chromium.checkAccessibility("organisations");
        browser.findElement(By.id("q")).sendKeys("lamb", Keys.ENTER);
        waitForText("1 organisation(s) affichée(s)");
        browser.findElement(By.linkText("Lambersart")).sendKeys(Keys.ENTER);
        waitForText("<h1>Lambersart</h1>");
        chromium.checkAccessibility("organisation");

        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("role")).sendKeys(Keys.ARROW_DOWN); // member → editor
        browser.findElement(By.id("email")).sendKeys(Keys.ENTER);
        waitForText("Modification enregistrée.");
        assertThat(policy.asPlatform(() -> organisations.members("lambersart"))).filteredOn(m -> m.personId() == person)
                .extracting(Member::role).containsExactly(MembershipRole.EDITOR);
        assertThat(new Select(browser.findElement(By.id("role-" + person))).getFirstSelectedOption().getText())
                .isEqualTo("Éditeur");
        chromium.checkAccessibility("organisation avec un membre");

        browser.findElement(By.id("email")).sendKeys("personne-" + run + "@exemple.fr", Keys.ENTER);
        waitForText("Aucune personne n'a l'adresse");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Aucune personne");
        chromium.checkAccessibility("organisation en erreur");

        chromium.open("/admin/projets");
        chromium.checkAccessibility("projets");
        browser.findElement(By.id("slug")).sendKeys("clavier-" + run);
        browser.findElement(By.id("name")).sendKeys("Projet au clavier", Keys.ENTER);
        waitForText("<h1>Projet au clavier</h1>");
        chromium.checkAccessibility("projet");

        chromium.open("/admin/acces?record=" + record);
        chromium.checkAccessibility("accès");
        browser.findElement(By.id("personne")).sendKeys(email, Keys.ENTER);
        waitForText("Décision pour Camille Clavier");
        assertThat(browser.getPageSource()).contains("Voit la fiche et ses données.", "Peut la modifier.");
        chromium.checkAccessibility("aperçu");

        chromium.open("/admin/journal");
        waitForText("Membre d’organisation");
        chromium.checkAccessibility("journal");
        assertThat(chromium.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems()))
                .isEmpty();
    }

    /**
     * The dataset rules' screen with the keyboard: a bad CQL2 rule refused in French in the page (focusable alert,
     * nothing saved), then a row rule and a hidden column seen by one organisation, and the preview of what a person
     * of that organisation sees — axe-clean at each step.
     */
    @Test
    void datasetRulesAndTheirPreviewWithTheKeyboardWithoutAccessibilityViolations() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String insee = String.format("%05d", 100 + Math.floorMod(run.hashCode(), 9_000));
        String email = "lecteur-" + run + "@exemple.fr";
        long reader = people.insert("lecteur-" + run, "Louise Lecteur", email, PersonStatus.ACTIVE,
                encoder.encode("secret-lecteur"), "fr", Timestamps.now());
        policy.asPlatform(() -> {
            organisations.create("commune-" + run, "Commune " + run, insee, null);
            organisations.putMember("commune-" + run, reader, MembershipRole.MEMBER);
            return null;
        });
        RuledDataset data = new RuledDataset(catalog, datasets, policy, run, "lambersart", insee);

        chromium.open("/connexion");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-secret", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/connexion"));

        chromium.open("/admin/acces?record=" + data.record);
        waitForText("Règles de lignes et de colonnes des données");
        chromium.checkAccessibility("règles");
        browser.findElement(By.id("lignes")).sendKeys("code_insee IN (");
        browser.findElement(By.cssSelector("form[action='/admin/acces/regles'] button[type=submit]"))
                .sendKeys(Keys.ENTER);
        waitForText("CQL2 valide");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("CQL2");
        assertThat(browser.findElement(By.id("lignes")).getAttribute("value")).isEqualTo("code_insee IN (");
        chromium.checkAccessibility("règles en erreur");

        browser.findElement(By.id("lignes")).clear();
        browser.findElement(By.id("lignes")).sendKeys("code_insee IN reader.organisations.insee");
        browser.findElement(By.id("masquee-2")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("lecteurs-2")).sendKeys("organisation:commune-" + run, Keys.ENTER);
        waitForText("Modification enregistrée.");
        assertThat(browser.findElement(By.id("masquee-2")).isSelected()).isTrue();

        browser.findElement(By.id("personne")).sendKeys(email, Keys.ENTER);
        waitForText("Décision pour Louise Lecteur");
        assertThat(browser.findElement(By.id("apercu-donnees")).getText()).isEqualTo("Ses données");
        assertThat(browser.getPageSource()).contains("Lignes vues : 2 sur 3.", "<code>telephone</code>");
        chromium.checkAccessibility("aperçu des données");
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems()))
                .isEmpty();
    }
}
