package fr.mel.opale.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.mel.opale.testing.OnH2;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person's first visit in a real (headless) Chromium, with a real SMTP server: the sign-up form (its errors first),
 * the mail's link, the confirmation, the login, "Mon compte" through the header's menu, the forgotten-password form
 * and the administrators' users page — axe-core checking each page against WCAG 2.1 A/AA (no serious or critical
 * violation). Skipped only where Chromium is not installed.
 */
@OnH2
// a context of its own (its SMTP port): closed after the class, so that its database connections are given back
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "opale.mail.from=opale@exemple.fr")
class AccountBrowserTest {
    static final Mailbox MAIL = new Mailbox();
    @RegisterExtension
    static final GreenMailExtension SMTP = MAIL.server;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("opale.mail.host", () -> "127.0.0.1");
        registry.add("opale.mail.port", () -> MAIL.port);
    }

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

    private void waitFor(String urlPart) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(urlPart));
    }

    @Test
    void signUpConfirmLogInAndManageTheAccountWithoutAccessibilityViolations() throws Exception {
        String email = "navigateur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        chromium.open("/connexion");
        chromium.checkAccessibility("connexion");
        browser.findElement(By.linkText("Créer un compte")).click();
        waitFor("/inscription");
        chromium.checkAccessibility("inscription");

        browser.findElement(By.id("displayName")).sendKeys("Léa Navigatrice");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("court");
        browser.findElement(By.id("confirmation")).sendKeys("court", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("password-erreur")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("erreurs");
        assertThat(browser.findElement(By.id("password")).getAttribute("aria-describedby"))
                .isEqualTo("password-aide password-erreur");
        chromium.checkAccessibility("inscription en erreur");

        browser.findElement(By.id("password")).sendKeys("une phrase de passe solide");
        browser.findElement(By.id("confirmation")).sendKeys("une phrase de passe solide", Keys.ENTER);
        waitFor("/inscription/envoyee");
        chromium.checkAccessibility("inscription envoyée");

        MimeMessage mail = MAIL.await(email, 1);
        chromium.open(Mailbox.path(mail));
        chromium.checkAccessibility("confirmation");
        browser.findElement(By.id("password")).sendKeys("une phrase de passe solide");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains("Adresse confirmée"));

        chromium.open("/connexion");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("une phrase de passe solide", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/connexion"));
        browser.findElement(By.cssSelector(".account-menu > summary")).click();
        browser.findElement(By.linkText("Mon compte")).click();
        waitFor("/compte");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mon compte");
        assertThat(browser.getPageSource()).contains(email, "cette session");
        chromium.checkAccessibility("mon compte");
        chromium.screenshot("target/mon-compte.png", 1280);
        chromium.open("/compte/suppression");
        chromium.checkAccessibility("suppression du compte");
        chromium.open("/compte?lang=en");
        chromium.checkAccessibility("my account in English");

        browser.findElement(By.cssSelector(".account-menu > summary")).click();
        browser.findElement(By.cssSelector(".account-menu button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector(".account-menu")).isEmpty());
        chromium.open("/mot-de-passe-oublie?lang=fr");
        chromium.checkAccessibility("mot de passe oublié");

        chromium.open("/connexion");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-secret", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/connexion"));
        chromium.open("/admin/utilisateurs?q=navigatrice");
        assertThat(browser.getPageSource()).contains("Léa Navigatrice");
        chromium.checkAccessibility("utilisateurs");
        chromium.open("/admin/journal");
        chromium.checkAccessibility("journal des connexions");
        assertThat(chromium.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems()))
                .isEmpty();
    }
}
