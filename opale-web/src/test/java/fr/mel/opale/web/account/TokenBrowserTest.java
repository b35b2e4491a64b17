package fr.mel.opale.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.OnH2;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access tokens page in a real (headless) Chromium, axe-core checking each state against WCAG 2.1 A/AA: empty
 * list, a new token shown once, the list after revocation. Skipped only where Chromium is not installed.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenBrowserTest {
    @LocalServerPort
    int port;
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

    @Test
    void createCopyAndRevokeATokenWithoutAccessibilityViolations() throws Exception {
        chromium.open("/connexion");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-secret", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/connexion"));

        browser.findElement(By.cssSelector(".account-menu > summary")).click();
        browser.findElement(By.linkText("Jetons d’accès")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/compte/jetons"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Jetons d’accès");
        chromium.checkAccessibility("jetons d'accès");

        browser.findElement(By.id("nom")).sendKeys("Navigateur");
        browser.findElement(By.id("nom")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("nouveau-jeton")));
        String token = browser.findElement(By.id("nouveau-jeton")).getAttribute("value");
        assertThat(token).matches("opale_[A-Za-z0-9_-]{43}");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Navigateur");
        chromium.checkAccessibility("jeton créé");
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/tokens")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);

        browser.findElement(By.xpath("//tr[th[normalize-space()='Navigateur']]//button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("revoque"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("révoqué");
        chromium.checkAccessibility("jeton révoqué");

        chromium.open("/compte/jetons?lang=en");
        chromium.checkAccessibility("access tokens in English");
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems()))
                .isEmpty();
    }
}
