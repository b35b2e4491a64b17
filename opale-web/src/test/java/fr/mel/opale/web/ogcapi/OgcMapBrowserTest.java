package fr.mel.opale.web.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.testing.OnH2;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.support.ServletRequestHandledEvent;

/**
 * The OGC API pages in headless Chromium: collections → collection (map preview of the vector tiles) → items (map of
 * the page's GeoJSON, paging) → one item, axe-core on each page (WCAG 2.1 A/AA, fails on serious/critical), no CSP
 * error in the console. Tile requests are counted on the server (the dispatcher's request events): MapLibre's
 * worker fetches them, so the page's {@code performance} timeline does not list them. A second test
 * runs Chromium without WebGL: the French message replaces the map, the text alternative stays.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OgcMapBrowserTest {
    private static final AtomicInteger TILE_REQUESTS = new AtomicInteger();
    private static final AtomicBoolean COUNTING = new AtomicBoolean();
    private static final String WEBGL = "const c = document.createElement('canvas');"
            + " return Boolean(c.getContext('webgl2') || c.getContext('webgl'));";

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    @Autowired
    ConfigurableApplicationContext context;

    private OgcPagesData data;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void publish() {
        data = new OgcPagesData(datasets, catalog, policy);
        if (COUNTING.compareAndSet(false, true)) {
            // added at run time, so that this class shares the test context of the other web tests
            context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof ServletRequestHandledEvent handled
                        && handled.getRequestUrl().contains("/tiles/WebMercatorQuad/")) {
                    TILE_REQUESTS.incrementAndGet();
                }
            });
        }
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void collectionsCollectionItemsAndItemWithMapsAndNoAccessibilityViolations() throws Exception {
        chromium = HeadlessChromium.startWithWebGl(port);
        browser = chromium.driver();
        chromium.open("/ogcapi/collections?f=html");
        assertThat(browser.getTitle()).contains("Collections");
        boolean webgl = (Boolean) chromium.script(WEBGL);
        System.out.println("WebGL dans Chromium headless (--use-angle=swiftshader --enable-unsafe-swiftshader) : "
                + webgl);
        chromium.checkAccessibility("collections OGC");

        int tilesBefore = TILE_REQUESTS.get();
        browser.findElement(By.linkText(data.geoTitle)).click();
        waitFor(() -> browser.getCurrentUrl().contains("/ogcapi/collections/" + data.geo.slug()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(data.geoTitle);
        assertThat(browser.findElement(By.cssSelector(".carte-texte")).getText()).startsWith("150 entités, étendue");
        if (webgl) {
            waitFor(() -> !browser.findElements(By.cssSelector(".carte canvas")).isEmpty());
            waitFor(() -> "tuiles".equals(browser.findElement(By.cssSelector("[data-carte]"))
                    .getAttribute("data-carte-chargee")));
            waitFor(() -> TILE_REQUESTS.get() > tilesBefore);
            // not in the page's performance timeline: MapLibre's worker fetches the tiles, hence the server count
            System.out.println("Tuiles demandées au serveur pour l'aperçu : " + (TILE_REQUESTS.get() - tilesBefore));
        } else {
            assertFrenchFallback();
        }
        chromium.checkAccessibility("collection OGC");
        chromium.screenshot("target/ogc-collection.png", 1280);

        browser.findElement(By.linkText("Parcourir les lignes")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/items"));
        assertThat(browser.findElement(By.tagName("caption")).getText()).startsWith("Lignes 1 à 100 sur 150 de");
        assertThat(browser.findElements(By.cssSelector(".ogc-table tbody tr"))).hasSize(100);
        if (webgl) {
            waitFor(() -> "geojson".equals(browser.findElement(By.cssSelector("[data-carte]"))
                    .getAttribute("data-carte-chargee")));
        }
        chromium.checkAccessibility("objets OGC");
        browser.findElement(By.linkText("Suivant")).click();
        waitFor(() -> browser.findElement(By.tagName("caption")).getText().startsWith("Lignes 101 à 150 sur 150"));
        assertThat(browser.findElements(By.cssSelector(".ogc-table tbody tr"))).hasSize(50);
        browser.findElement(By.linkText("Précédent")).click();
        waitFor(() -> browser.findElement(By.tagName("caption")).getText().startsWith("Lignes 1 à 100"));

        browser.findElement(By.cssSelector(".ogc-table tbody tr:nth-child(2) th a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/items/2"));
        assertThat(browser.findElement(By.tagName("caption")).getText()).isEqualTo("Propriétés de la ligne 2");
        if (webgl) {
            waitFor(() -> "geojson".equals(browser.findElement(By.cssSelector("[data-carte]"))
                    .getAttribute("data-carte-chargee")));
        }
        chromium.checkAccessibility("objet OGC");

        assertNoCspError();
        assertThat(chromium.accessibilityProblems()).isEmpty();
    }

    @Test
    void withoutWebGlTheFrenchMessageReplacesTheMapAndTheTextAlternativeStays() throws Exception {
        chromium = HeadlessChromium.start(port, List.of("--disable-gpu", "--disable-webgl", "--disable-3d-apis"));
        browser = chromium.driver();
        chromium.open("/ogcapi/collections/" + data.geo.slug() + "?f=html");
        assertThat((Boolean) chromium.script(WEBGL)).isFalse();
        assertFrenchFallback();
        assertThat(browser.findElement(By.cssSelector(".carte-texte")).getText()).contains("150 entités");
        chromium.checkAccessibility("collection OGC sans WebGL");
        assertNoCspError();
        assertThat(chromium.accessibilityProblems()).isEmpty();
    }

    private void assertFrenchFallback() {
        waitFor(() -> !browser.findElements(By.cssSelector(".carte-indisponible")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("[data-carte]"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".carte-indisponible")).getText())
                .startsWith("La carte ne peut pas s’afficher : votre navigateur ne permet pas WebGL.");
    }

    private void assertNoCspError() {
        assertThat(chromium.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy")
                || m.contains("Refused to"));
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> condition.getAsBoolean());
    }
}
