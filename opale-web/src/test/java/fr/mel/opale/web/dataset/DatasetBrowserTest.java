package fr.mel.opale.web.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.testing.OnH2;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dataset page in headless Chromium (WebGL by SwiftShader), on a dataset of 100 000 rows: catalogue → record →
 * each tab by the keyboard; the table sorted and filtered through the OGC API by its script (address, status and
 * first row checked against SQL), Back restoring the previous state; the map's vector tiles drawn; the chart's numbers
 * equal to SQL counts; a download. axe-core on every tab (no serious or critical violation), no CSP error, the same
 * journey at 390 px wide. Screenshots under {@code target/} (always for the main views, and of the page at the
 * moment of a failure).
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetBrowserTest {
    private static final int ROWS = 100_000;

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    @Autowired
    JdbcTemplate jdbc;

    private DatasetPageData data;
    private HeadlessChromium chromium;

    @BeforeAll
    void publish() {
        data = new DatasetPageData(datasets, catalog, policy, ROWS);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVisitorGoesThroughEveryTabWithTheKeyboard() throws Exception {
        journey(1280, "large");
    }

    @Test
    void theSameJourneyOnAPhone() throws Exception {
        journey(390, "telephone");
    }

    private void journey(int width, String name) throws Exception {
        chromium = HeadlessChromium.startWithWebGl(port);
        ChromeDriver browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(width, 900));
        try {
            walk(browser, width, name);
        } catch (AssertionError | RuntimeException e) {
            Files.createDirectories(Path.of("target"));
            chromium.screenshot("target/fiche-echec-" + name + ".png", width);
            throw e;
        }
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
        assertThat(chromium.consoleMessages()).as("no CSP violation")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    }

    private void walk(ChromeDriver browser, int width, String name) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        chromium.open("/");
        chromium.checkAccessibility("accueil " + name);
        chromium.open("/catalogue?q=" + data.suffix);
        wait.until(d -> {
            if (d.findElements(By.linkText(data.title)).isEmpty()) {
                d.navigate().refresh(); // the search index follows the catalog after the commit
                return false;
            }
            return true;
        });
        browser.findElement(By.linkText(data.title)).click();
        wait.until(ExpectedConditions.urlContains("/catalogue/" + data.recordId));
        assertThat(browser.findElement(By.cssSelector(".dataset-tabs a[aria-current=page]")).getText())
                .isEqualTo("Présentation");
        chromium.checkAccessibility("présentation " + name);
        assertThat(chromium.script("return performance.getEntriesByType('resource')"
                + ".filter(e => /maplibre|carte-|graphique-/.test(e.name)).length")).as("no map or chart code here")
                .isEqualTo(0L);

        // Tab to the "Tableau" tab link and follow it with Enter
        focusLink(browser, "Tableau");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/tableau"));
        chromium.checkAccessibility("tableau " + name);
        WebElement status = browser.findElement(By.id("table-status"));
        assertThat(status.getText()).isEqualTo("100\u202F000 lignes correspondent ; lignes 1 à 50 affichées.");

        // sort by population, descending: two activations of the header link, answered by the OGC API
        Map<String, Object> max = jdbc.queryForMap("SELECT \"_fid\" AS f FROM \"" + data.table()
                + "\" ORDER BY \"population\" DESC, \"_fid\" LIMIT 1");
        By populationHeader = By.cssSelector("th[data-column=population] a");
        browser.findElement(populationHeader).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-column=population]"), "aria-sort", "ascending"));
        browser.findElement(populationHeader).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-column=population]"), "aria-sort", "descending"));
        assertThat(browser.getCurrentUrl()).endsWith("/tableau?tri=-population");
        wait.until(d -> d.findElement(By.cssSelector("tbody tr th a")).getText().equals(max.get("f").toString()));

        // a column filter typed and submitted with Enter
        WebElement filter = browser.findElement(By.id("f-population"));
        filter.sendKeys("> 90 000");
        filter.sendKeys(Keys.ENTER);
        Long matched = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + data.table() + "\" WHERE \"population\" > 90000",
                Long.class);
        String expected = FrenchValues.format(matched, "fr") + " lignes correspondent ; lignes 1 à 50 affichées.";
        wait.until(ExpectedConditions.textToBe(By.id("table-status"), expected));
        assertThat(browser.getCurrentUrl()).contains("f.population=%3E+90+000", "tri=-population");
        chromium.screenshot("target/fiche-tableau-" + name + ".png", width);
        browser.navigate().back();
        wait.until(ExpectedConditions.textToBe(By.id("table-status"),
                "100\u202F000 lignes correspondent ; lignes 1 à 50 affichées."));
        // the next page, by the keyboard
        browser.findElement(By.cssSelector("[data-pager] [data-next]")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("table-status"),
                "100\u202F000 lignes correspondent ; lignes 51 à 100 affichées."));

        // the map: vector tiles over the built-in basemap
        focusLink(browser, "Carte");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/carte"));
        wait.until(d -> "tuiles".equals(d.findElement(By.cssSelector("[data-dataset-map]")).getAttribute("data-carte-chargee")));
        assertThat(browser.findElements(By.cssSelector("[data-dataset-map] canvas"))).isNotEmpty();
        wait.until(d -> !d.findElement(By.cssSelector("[data-extent-link]")).getAttribute("href").isEmpty());
        chromium.checkAccessibility("carte " + name);
        chromium.screenshot("target/fiche-carte-" + name + ".png", width);

        // the chart: counts per town equal to SQL's
        focusLink(browser, "Graphique");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/graphique"));
        // the form: group by town, exact values, drawn by the Enter key on its button
        new Select(browser.findElement(By.id("chart-group"))).selectByVisibleText("Commune");
        new Select(browser.findElement(By.id("chart-period"))).selectByValue("");
        browser.findElement(By.cssSelector(".chart-form button[type=submit]")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("groupe=commune"));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-chart]")).getAttribute("data-chart-drawn")));
        List<Map<String, Object>> counts = jdbc.queryForList("SELECT \"commune\" AS k, COUNT(*) AS n FROM \""
                + data.table() + "\" GROUP BY \"commune\"");
        for (Map<String, Object> group : counts) {
            WebElement row = browser.findElement(By.xpath("//table[@id='chart-data']//th[normalize-space()=\""
                    + group.get("k") + "\"]/.."));
            assertThat(row.getAttribute("data-raw")).as("%s", group.get("k")).isEqualTo(group.get("n").toString());
        }
        assertThat(browser.findElements(By.cssSelector("[data-chart] canvas"))).isNotEmpty();
        chromium.checkAccessibility("graphique " + name);
        chromium.screenshot("target/fiche-graphique-" + name + ".png", width);

        focusLink(browser, "API");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/api"));
        chromium.checkAccessibility("api " + name);

        focusLink(browser, "Téléchargements");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/telechargements"));
        chromium.checkAccessibility("téléchargements " + name);
        String csv = browser.findElement(By.partialLinkText("CSV pour Excel")).getAttribute("href");
        Object downloaded = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(t => done(t.split('\\r\\n').length - 2))", csv);
        assertThat(downloaded).as("data lines of the CSV for Excel").isEqualTo((long) ROWS);
    }

    /** Presses Tab until the tab link named {@code label} has the focus (as a keyboard user reaches it). */
    private static void focusLink(ChromeDriver browser, String label) {
        browser.findElement(By.tagName("body")).click();
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < 60; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            if (label.equals(focused.getText()) && focused.findElements(By.xpath("ancestor::nav[@class='dataset-tabs']")).size() == 1) {
                return;
            }
        }
        throw new AssertionError("the tab " + label + " was not reached with the Tab key");
    }
}
