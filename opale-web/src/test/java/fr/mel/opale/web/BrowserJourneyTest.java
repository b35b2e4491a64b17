package fr.mel.opale.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.testing.OnH2;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * A visitor's journey in a real (headless) Chromium: home, search, results, a record, the skip link by keyboard,
 * with axe-core checking every page against WCAG 2.1 A/AA. Fails on any serious or critical violation and prints
 * them all. Skipped only where Chromium is not installed.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Installed by `npm ci` (run by Maven in generate-resources). */
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(result => done(result.violations.map(v => ({
                  id: v.id, impact: v.impact || '', help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '')).join('\\n    ')}))))
              .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: ''}]));
            """;

    @LocalServerPort
    int port;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    private ChromeDriver browser;
    private Path profile;
    private final List<String> accessibilityProblems = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) && "true".equals(System.getenv("OPALE_REQUIRE_BROWSER"))) {
            // CI sets it: there a missing browser is a broken setup, not a reason to pass silently.
            throw new IllegalStateException("OPALE_REQUIRE_BROWSER=true mais /usr/bin/chromium est absent");
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium absent (/usr/bin/chromium) : test navigateur ignoré");
        assertThat(AXE).as("axe-core missing: run `npm ci` in opale-web (Maven does it unless -Dskip.npm)").exists();
        WebFixtures.seed(catalog, policy);
        // Selenium Manager must never try to download a browser or a driver
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("opale-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
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

        assertThat(accessibilityProblems).as(String.join("\n", accessibilityProblems)).isEmpty();
    }

    @Test
    void aProducerUploadsAFileSeesTheAnalysisPublishesAndReachesTheRecord() throws Exception {
        Path csv = profile.resolve("arceaux-navigateur.csv");
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
        assertThat(accessibilityProblems).as(String.join("\n", accessibilityProblems)).isEmpty();
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    @SuppressWarnings("unchecked")
    private void checkAccessibility(String pageName) throws Exception {
        JavascriptExecutor js = browser;
        js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(AXE_RUN);
        for (Map<String, Object> violation : violations) {
            String line = "[" + pageName + "] " + violation.get("impact") + " " + violation.get("id") + ": "
                    + violation.get("help") + "\n    " + violation.get("nodes");
            System.out.println("axe " + line);
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                accessibilityProblems.add(line);
            }
        }
        System.out.println("axe [" + pageName + "] " + violations.size() + " violation(s)");
    }

    private void screenshot(String file) throws Exception {
        Object height = browser.executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1280, Math.min(4000, ((Number) height).intValue())));
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), Path.of(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
