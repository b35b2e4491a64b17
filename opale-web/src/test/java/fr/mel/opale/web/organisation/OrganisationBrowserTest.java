package fr.mel.opale.web.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.catalog.Catalog;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The organisation pages in headless Chromium: on a phone (390 px, light and dark themes) no page scrolls sideways
 * and axe-core finds no serious or critical violation; an anonymous visitor sees 3 of the organisation's 5 records
 * (the restricted ones neither counted nor listed); a card's owner link leads to the page; the record page's extent
 * map loads MapLibre only once scrolled near, then draws (WebGL on SwiftShader). No CSP violation.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationBrowserTest {
    private static final int WIDTH = 390;

    @LocalServerPort
    int port;
    @Autowired
    Organisations organisations;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    private OrganisationPagesData data;
    private HeadlessChromium chromium;

    @BeforeAll
    void seed() {
        data = new OrganisationPagesData(organisations, catalog, policy);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            assertThat(chromium.consoleMessages()).as("no CSP violation")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
            chromium.close();
        }
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndAxeIsCleanInBothThemes() throws Exception {
        chromium = HeadlessChromium.start(port);
        ChromeDriver browser = chromium.driver();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        List<String> tooWide = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
            for (String path : List.of("/organisations", "/organisations/" + data.slug,
                    "/organisations/" + data.slug + "?kind=reuse", "/catalogue/" + data.dataset)) {
                chromium.open(path);
                long width = ((Number) chromium.script("return document.documentElement.scrollWidth;")).longValue();
                if (width > WIDTH) {
                    tooWide.add(path + " (" + theme + "): " + width + " px");
                    Files.createDirectories(Path.of("target"));
                    chromium.screenshot("target/organisation-" + theme + path.replaceAll("[^a-z0-9]+", "-") + ".png",
                            WIDTH);
                }
                chromium.checkAccessibility(path + " " + theme + " 390px");
            }
        }
        assertThat(tooWide).as(String.join("\n", tooWide)).isEmpty();
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }

    @Test
    void anAnonymousVisitorSeesOnlyThePublicRecordsAndReachesThePageFromACard() throws Exception {
        chromium = HeadlessChromium.start(port);
        ChromeDriver browser = chromium.driver();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        chromium.open("/catalogue?q=" + data.run);
        WebElement owner = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".card-owner a[href='/organisations/" + data.slug + "']")));
        assertThat(owner.getText()).isEqualTo(data.name);
        owner.click();
        wait.until(ExpectedConditions.urlContains("/organisations/" + data.slug));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(data.name);
        assertThat(browser.findElement(By.id("results-heading")).getText()).isEqualTo("3 fiches");
        assertThat(browser.findElements(By.cssSelector(".card-title a"))).extracting(WebElement::getText)
                .hasSize(3).noneMatch(t -> t.equals(data.secretTitle) || t.equals(data.secretReuseTitle));
        chromium.checkAccessibility("organisation " + data.slug);

        chromium.open("/organisations");
        WebElement card = browser.findElement(By.xpath("//li[@class='organisation-card'][.//a[@href='/organisations/"
                + data.slug + "']]"));
        assertThat(card.getText()).contains("3 fiches").doesNotContain("5 fiches");
        chromium.screenshot("target/organisations.png", 1280);
        chromium.checkAccessibility("organisations");
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }

    @Test
    void theExtentMapLoadsMapLibreOnlyWhenScrolledNearThenDraws() throws Exception {
        chromium = HeadlessChromium.startWithWebGl(port);
        ChromeDriver browser = chromium.driver();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        chromium.open("/catalogue/" + data.dataset);
        String scripts = "return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes('maplibre')).length;";
        // the extent section is far below the first screen of a phone: nothing of MapLibre yet
        assertThat(((Number) chromium.script(scripts)).intValue()).isZero();
        chromium.script("document.querySelector('[data-etendue]').scrollIntoView();");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "etendue".equals(
                d.findElement(By.cssSelector("[data-etendue]")).getAttribute("data-carte-chargee")));
        assertThat(browser.findElements(By.cssSelector("[data-etendue] canvas"))).isNotEmpty();
        assertThat(((Number) chromium.script(scripts)).intValue()).isPositive();
        assertThat(browser.findElement(By.cssSelector(".extent-figure figcaption")).getText())
                .isEqualTo("Emprise de la fiche : de 2,9° à 3,2° de longitude, de 50,55° à 50,75° de latitude "
                        + "(WGS 84).");
        chromium.checkAccessibility("fiche avec emprise");
        chromium.screenshot("target/fiche-emprise.png", WIDTH);
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }
}
