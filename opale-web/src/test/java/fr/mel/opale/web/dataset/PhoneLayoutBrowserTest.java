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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main pages on a phone (390 x 844, emulated as a mobile viewport in headless Chromium): no page wider than the
 * screen (document scrollWidth <= 390), the header on one line with its "Menu" button, the facets folded behind a
 * "Filtres" button that counts the active filters, axe-core without serious or critical violation, in the light and
 * the dark theme (prefers-color-scheme emulated). Screenshots of a failing page under {@code target/}.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLayoutBrowserTest {
    private static final int WIDTH = 390;

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    private DatasetPageData data;
    private HeadlessChromium chromium;

    @BeforeAll
    void publish() {
        data = new DatasetPageData(datasets, catalog, policy, 300);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private List<String> mainPages() {
        String page = "/catalogue/" + data.recordId;
        String collection = "/ogcapi/collections/" + data.dataset.slug();
        return List.of("/", "/catalogue", page, page + "/tableau", page + "/graphique", page + "/api",
                page + "/telechargements", page + "/qualite", "/qualite", "/connexion", "/ogcapi?f=html",
                "/ogcapi/collections?f=html", collection + "?f=html", collection + "/items?f=html",
                collection + "/items/1?f=html", collection + "/queryables?f=html", "/ogcapi/api?f=html");
    }

    @Test
    void noMainPageScrollsSidewaysAt390PixelsInEitherTheme() throws Exception {
        chromium = HeadlessChromium.start(port);
        ChromeDriver browser = phone(chromium);
        List<String> tooWide = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
            for (String path : mainPages()) {
                chromium.open(path);
                long width = ((Number) chromium.script("return document.documentElement.scrollWidth;")).longValue();
                if (width > WIDTH) {
                    tooWide.add(path + " (" + theme + "): " + width + " px, widest: " + chromium.script(WIDEST));
                    screenshot(path, theme);
                }
                chromium.checkAccessibility(path + " " + theme + " 390px");
            }
            chromium.open("/");
            String background = (String) chromium.script(
                    "return getComputedStyle(document.body).backgroundColor;");
            assertThat(background).as(theme).isEqualTo(theme.equals("dark") ? "rgb(20, 24, 29)" : "rgb(255, 255, 255)");
        }
        assertThat(tooWide).as(String.join("\n", tooWide)).isEmpty();
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }

    @Test
    void theHeaderIsOneLineWithAMenuAndTheFacetsFoldBehindACountingButton() throws Exception {
        chromium = HeadlessChromium.start(port);
        ChromeDriver browser = phone(chromium);
        chromium.open("/catalogue");
        screenshot("/catalogue", "entete");
        WebElement menu = browser.findElement(By.cssSelector(".menu-toggle"));
        WebElement nav = browser.findElement(By.id("navigation"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> menu.isDisplayed());
        assertThat(nav.isDisplayed()).as("navigation folded").isFalse();
        long headerHeight = ((Number) chromium.script(
                "return document.querySelector('.header-bar').getBoundingClientRect().height;")).longValue();
        assertThat(headerHeight).as("one line of header: %s", chromium.script(
                "return document.querySelector('.header-bar').innerText;")).isLessThan(64);
        menu.click();
        assertThat(nav.isDisplayed()).isTrue();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        menu.click();
        assertThat(nav.isDisplayed()).isFalse();

        WebElement filters = browser.findElement(By.cssSelector(".facets-toggle"));
        assertThat(filters.isDisplayed()).isTrue();
        assertThat(filters.getText()).isEqualTo("Filtres");
        assertThat(browser.findElement(By.id("facets-panel")).isDisplayed()).isFalse();
        filters.click();
        assertThat(browser.findElement(By.id("facets-panel")).isDisplayed()).isTrue();
        WebElement first = browser.findElement(By.cssSelector("#facets-panel .facet-input"));
        String filtered = "/catalogue?" + first.getAttribute("name") + "=" + first.getAttribute("value");
        chromium.open(filtered);
        assertThat(browser.findElement(By.cssSelector(".facets-toggle")).getText()).isEqualTo("Filtres (1 actif)");
        assertThat(browser.findElement(By.id("facets-panel")).isDisplayed()).isFalse();

        // wide screens: no button, the panel and the navigation always shown
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        chromium.open(filtered);
        assertThat(browser.findElement(By.cssSelector(".facets-toggle")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("facets-panel")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".menu-toggle")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("navigation")).isDisplayed()).isTrue();
    }

    /** The outermost elements sticking out of the screen (document order), to name the culprit of a failure. */
    private static final String WIDEST = """
            const out = [];
            for (const e of document.querySelectorAll('body *')) {
              const r = e.getBoundingClientRect().right;
              if (r > 391 && !out.some(o => o.contains(e))) out.push(e);
            }
            const chain = [];
            for (let a = out.length ? out[0].parentElement : null; a && a !== document.body; a = a.parentElement) {
              chain.push(a.tagName + '.' + a.className + ' ' + Math.round(a.getBoundingClientRect().width));
            }
            return out.slice(0, 3).map(e => e.tagName + '.' + e.className + ' '
                + Math.round(e.getBoundingClientRect().right)).join(', ') + ' in ' + chain.join(' < ');""";

    private static ChromeDriver phone(HeadlessChromium chromium) {
        ChromeDriver browser = chromium.driver();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        return browser;
    }

    private void screenshot(String path, String theme) throws Exception {
        Files.createDirectories(Path.of("target"));
        Path file = Path.of("target", "telephone-" + theme + path.replaceAll("[^a-zA-Z0-9]+", "-") + ".png");
        Files.write(file, chromium.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
