package fr.mel.opale.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.testing.OnH2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visitor's journey and a producer's import in a real (headless) Chromium: home, search, results, a record, the skip link by keyboard,
 * with axe-core checking every page against WCAG 2.1 A/AA. Fails on any serious or critical violation and prints
 * them all. Skipped only where Chromium is not installed.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTest {
    @LocalServerPort
    int port;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start(port);
        browser = chromium.driver();
        WebFixtures.seed(catalog, policy);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void searchOpenARecordAndSkipToContentByKeyboardWithoutAccessibilityViolations() throws Exception {
        open("/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        checkAccessibility("accueil");

        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("parking");
        search.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/catalogue?q=parking"));
        assertThat(browser.findElement(By.id("results-heading")).getText()).isEqualTo("25 fiches correspondent à « parking »");
        checkAccessibility("résultats");

        browser.findElement(By.cssSelector(".card-title a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/catalogue/web-parking-"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Parking relais");
        checkAccessibility("fiche simple");

        open("/catalogue/" + WebFixtures.FULL);
        checkAccessibility("fiche complète");
        screenshot("target/fiche-" + WebFixtures.FULL + ".png");
        open("/catalogue/" + WebFixtures.FULL);
        // keyboard only: the first Tab reaches the skip link, Enter moves focus into the main content
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Aller au contenu");
        assertThat(focused.isDisplayed()).as("the skip link shows when focused").isTrue();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        Object inMain = ((JavascriptExecutor) browser).executeScript(
                "return document.activeElement.closest('main') !== null && document.activeElement.closest('main').id === 'contenu';");
        assertThat(inMain).as("focus is in <main id=contenu> after the skip link").isEqualTo(true);

        open("/catalogue/" + WebFixtures.FULL);
        browser.findElement(By.cssSelector(".quality-criteria summary")).click();
        assertThat(browser.findElement(By.cssSelector(".criterion-hint")).isDisplayed())
                .as("the criteria unfold, hints of missed ones shown").isTrue();
        checkAccessibility("fiche : qualité dépliée");

        open("/qualite");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Qualité des métadonnées par organisation");
        checkAccessibility("tableau de bord qualité");
        browser.findElement(By.linkText("Métropole Européenne de Lille")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/qualite/metropole"));
        checkAccessibility("qualité d'une organisation");

        open("/connexion");
        checkAccessibility("connexion");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("faux", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("error"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("Identifiant ou mot de passe incorrect");
        checkAccessibility("connexion en erreur");

        open("/catalogue/inconnue");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page introuvable");
        checkAccessibility("page introuvable");

        open("/?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        checkAccessibility("home in English");

        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems()))
                .isEmpty();
    }

    @Test
    void aProducerUploadsAFileSeesTheAnalysisPublishesAndReachesTheRecord() throws Exception {
        Path csv = Files.createTempDirectory("opale-import-").resolve("arceaux-navigateur.csv");
        Files.writeString(csv, """
                Nom;Date de pose;Nb places;Longitude;Latitude
                Gare;01/03/2024;12;3.0707;50.6366
                Mairie;02/03/2024;8;3.0633;50.6372
                """, StandardCharsets.UTF_8);
        open("/connexion");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-secret", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/connexion"));

        open("/admin/import");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Importer des données");
        checkAccessibility("import");
        browser.findElement(By.id("fichier")).sendKeys(csv.toString());
        browser.findElement(By.cssSelector("#import-upload button[type=submit]")).click();
        // the module uploads through XMLHttpRequest (progress bar), then opens the analysis page
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/admin/import/analyse/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("arceaux-navigateur.csv");
        assertThat(browser.findElement(By.id("col-2-name")).getAttribute("value")).isEqualTo("nb_places");
        checkAccessibility("analyse d'un fichier");

        browser.findElement(By.id("title")).sendKeys("Arceaux du navigateur");
        browser.findElement(By.cssSelector("button[value=publier]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/admin/import/taches/"));
        // polled by the module until the job ends, then reloaded with the outcome
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job-succeeded, .job-failed")));
        assertThat(browser.findElement(By.id("job-status")).getText()).isEqualTo("Réussi");
        checkAccessibility("tâche d'import");
        browser.findElement(By.linkText("Voir la fiche publiée")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/catalogue/"));
        assertThat(browser.findElement(By.id("s-data-quality")).getText()).isEqualTo("Qualité des données");
        checkAccessibility("fiche d'un jeu importé");
        // the context is shared with the page tests, which count records: take ours away again
        String recordId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        policy.asPlatform(() -> {
            catalog.delete(recordId);
            return null;
        });
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems()))
                .isEmpty();
    }

    private void open(String path) {
        chromium.open(path);
    }

    private void checkAccessibility(String pageName) throws Exception {
        chromium.checkAccessibility(pageName);
    }

    private void screenshot(String file) throws Exception {
        chromium.screenshot(file, 1280);
    }
}
