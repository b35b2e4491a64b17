package fr.mel.opale.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.OnH2;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API console in headless Chromium: Swagger UI, served by the application from its own fingerprinted chunk, draws
 * the OGC API's operations from {@code /ogcapi/api?f=json}; nothing is fetched from another origin and the
 * Content-Security-Policy is never violated; the chunk is loaded by the console page only.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiConsoleBrowserTest {
    @LocalServerPort
    int port;

    private HeadlessChromium chromium;

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theConsoleDrawsTheOgcApiFromLocalFilesOnly() throws Exception {
        chromium = HeadlessChromium.start(port);
        ChromeDriver browser = chromium.driver();
        chromium.open("/api/console?api=ogc");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(
                By.cssSelector("#console .opblock-summary-path")).isEmpty());
        List<String> paths = browser.findElements(By.cssSelector("#console .opblock-summary-path")).stream()
                .map(e -> e.getAttribute("data-path")).toList();
        assertThat(paths).contains("/conformance", "/collections");
        assertThat(browser.findElement(By.cssSelector("a[aria-current=page]")).getText())
                .startsWith("API OGC");

        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) chromium.script(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(loaded).allMatch(url -> url.startsWith("http://127.0.0.1:" + port + "/"));
        assertThat(loaded).anyMatch(url -> url.matches(".*/assets/swagger-ui-es-bundle-[\\w-]+\\.js"));
        assertThat(chromium.consoleMessages()).as("no CSP violation")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        chromium.checkAccessibility("console de l'API");

        // the other pages never download it
        chromium.open("/");
        @SuppressWarnings("unchecked")
        List<String> home = (List<String>) chromium.script(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(home).noneMatch(url -> url.contains("swagger"));
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }
}
