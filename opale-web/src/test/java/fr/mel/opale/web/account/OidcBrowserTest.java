package fr.mel.opale.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.testing.KeycloakRealm;
import fr.mel.opale.testing.KeycloakServer;
import fr.mel.opale.testing.KeycloakUser;
import fr.mel.opale.testing.OnH2;
import fr.mel.opale.testing.OnKeycloak;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with OpenID Connect in a real headless Chromium against the real test Keycloak: each provider's button on
 * {@code /connexion}, Keycloak's real login form, back logged in with the person's name and "Mon espace" in the
 * header, logout through the provider (whose session ends: its form shows again); a provider login matching an
 * existing account offered for linking, proved by the password or by a link mailed to it (GreenMail) and opened in
 * the same browser only, then listed in "Mon compte" and unlinked; the last
 * way in refused; the messages of a refusal. axe-core checks the login, link and account pages (WCAG 2.1 A/AA, no
 * serious or critical violation). Skipped only where Chromium or Keycloak cannot run (unless CI requires them).
 */
@OnKeycloak
@OnH2
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "opale.mail.from=opale@exemple.fr")
class OidcBrowserTest {
    static final Mailbox MAIL = new Mailbox();
    @RegisterExtension
    static final GreenMailExtension SMTP = MAIL.server;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("opale.mail.host", () -> "127.0.0.1");
        registry.add("opale.mail.port", () -> MAIL.port);
        KeycloakServer keycloak = KeycloakServer.shared();
        for (KeycloakRealm realm : KeycloakRealm.values()) {
            String prefix = "opale.oidc.providers." + realm.realmName() + ".";
            registry.add(prefix + "issuer", () -> keycloak.issuer(realm));
            registry.add(prefix + "client-id", realm::clientId);
            registry.add(prefix + "client-secret", realm::clientSecret);
            registry.add(prefix + "kind", () -> realm == KeycloakRealm.MEL ? "generic" : realm.realmName());
            registry.add(prefix + "scopes", realm::scopes);
        }
        registry.add("opale.oidc.providers.mel.label", () -> "MEL (agents)");
    }

    @LocalServerPort
    int port;
    @Autowired
    PersonStore people;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ExternalIdentities identities;
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

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void waitForApp(String path) {
        waiting().until(d -> d.getCurrentUrl().startsWith(chromium.url(path)));
    }

    /** Fills Keycloak's real login form, once the button has led there. */
    private void keycloakLogin(KeycloakUser user) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.getCurrentUrl()).startsWith(KeycloakServer.shared().issuer(user.realm()));
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("kc-login")).click();
    }

    private void logOut() {
        browser.findElement(By.cssSelector(".account-menu > summary")).click();
        browser.findElement(By.cssSelector(".account-menu button[type=submit]")).click();
    }

    private String header(WebDriver d) {
        return d.findElement(By.cssSelector(".nav-account")).getText();
    }

    @Test
    void eachProviderButtonSignsInAndOutThroughTheProvider() throws Exception {
        chromium.open("/connexion");
        chromium.checkAccessibility("connexion avec fournisseurs");
        assertThat(browser.findElement(By.cssSelector("a.connect-franceconnect")).getText())
                .isEqualTo("S’identifier avec\nFranceConnect");
        assertThat(browser.findElement(By.linkText("Qu’est-ce que FranceConnect ?")).getAttribute("href"))
                .isEqualTo("https://franceconnect.gouv.fr/");
        assertThat(browser.findElement(By.linkText("Qu’est-ce que ProConnect ?")).getAttribute("target"))
                .isEqualTo("_blank");

        record Case(By button, KeycloakUser user, String name) {
        }
        for (Case c : new Case[] {
                new Case(By.linkText("Se connecter avec MEL (agents)"), KeycloakUser.MEL_AGENT, "Claire Dubois"),
                new Case(By.cssSelector("a.connect-franceconnect"), KeycloakUser.FC_CITIZEN, "Camille Roussel"),
                new Case(By.cssSelector("a.connect-proconnect"), KeycloakUser.PC_MEL_AGENT, "Amélie Fontaine")}) {
            chromium.open("/connexion");
            browser.findElement(c.button()).click();
            keycloakLogin(c.user());
            waitForApp("/");
            waiting().until(d -> header(d).contains(c.name()));
            assertThat(browser.findElement(By.cssSelector(".nav-sections")).getText()).contains("Mon espace");
            assertThat(browser.getCurrentUrl()).doesNotContain("code=");

            logOut();
            // through Keycloak's end-session endpoint and back home, logged out
            waiting().until(d -> d.getCurrentUrl().startsWith(chromium.url("/"))
                    && d.findElements(By.cssSelector(".account-menu")).isEmpty());
            assertThat(header(browser)).contains("Se connecter");
            // the provider's session ended too: its form asks again
            chromium.open("/connexion");
            browser.findElement(c.button()).click();
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        }
        assertThat(chromium.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }

    /** The local account holding the agent's address (made by the first test that needs it). */
    private long holderOf(KeycloakUser agent) {
        return people.findByEmail(agent.email()).map(p -> p.id()).orElseGet(() -> {
            long id = people.insert(null, "Karim Benali", agent.email(), PersonStatus.ACTIVE,
                    encoder.encode("mon mot de passe opale"), "fr", Instant.now());
            people.setVerifiedEmail(id, agent.email(), Instant.now());
            return id;
        });
    }

    @Test
    void anExistingAccountIsLinkedThroughALinkMailedToItsAddressOpenedInTheSameBrowser() throws Exception {
        KeycloakUser agent = KeycloakUser.PC_COMMUNE_AGENT;
        long holder = holderOf(agent);
        chromium.open("/connexion");
        browser.findElement(By.cssSelector("a.connect-proconnect")).click();
        keycloakLogin(agent);
        waitForApp("/connexion/liaison");
        browser.findElement(By.cssSelector("form[action='/connexion/liaison/courriel'] button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main [role=status]")));
        assertThat(browser.findElement(By.cssSelector("main [role=status]")).getText()).contains(agent.email());
        chromium.checkAccessibility("liaison : lien envoyé");
        MimeMessage mail = MAIL.await(agent.email(), 1);
        assertThat(mail.getSubject()).contains("Liez votre identité");
        assertThat(identities.of(holder)).isEmpty();

        // another browser (no offer in its session) cannot use the link
        try (HeadlessChromium other = HeadlessChromium.start(port)) {
            other.open(Mailbox.path(mail));
            assertThat(other.driver().getPageSource()).contains("Aucune liaison n’est en attente");
        }
        assertThat(identities.of(holder)).isEmpty();

        chromium.open(Mailbox.path(mail));
        chromium.checkAccessibility("liaison : confirmation");
        browser.findElement(By.cssSelector("form[action='/connexion/liaison/confirmation'] button")).click();
        waitForApp("/compte");
        assertThat(browser.getPageSource()).contains("Identité liée");
        assertThat(identities.of(holder)).singleElement()
                .satisfies(identity -> assertThat(identity.provider()).isEqualTo("proconnect"));
        browser.findElement(By.cssSelector("#identites button")).click();
        waitForApp("/compte?fait=identite-retiree");
        assertThat(identities.of(holder)).isEmpty();
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }

    @Test
    void anExistingAccountIsLinkedAfterItsPasswordThenListedAndUnlinked() throws Exception {
        KeycloakUser agent = KeycloakUser.PC_COMMUNE_AGENT;
        long holder = holderOf(agent);

        chromium.open("/connexion");
        browser.findElement(By.cssSelector("a.connect-proconnect")).click();
        keycloakLogin(agent);
        waitForApp("/connexion/liaison");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("existe déjà");
        assertThat(browser.getPageSource()).contains(agent.email(), "ProConnect");
        assertThat(browser.findElements(By.cssSelector(".account-menu"))).isEmpty();
        assertThat(identities.of(holder)).isEmpty();
        chromium.checkAccessibility("liaison");

        browser.findElement(By.id("password")).sendKeys("pas le bon mot de passe");
        browser.findElement(By.cssSelector("main form button.button:not(.button-secondary)")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("password-erreur")));
        assertThat(identities.of(holder)).isEmpty();
        chromium.checkAccessibility("liaison refusée");

        browser.findElement(By.id("password")).sendKeys("mon mot de passe opale");
        browser.findElement(By.cssSelector("main form button.button:not(.button-secondary)")).click();
        waitForApp("/compte");
        assertThat(browser.getPageSource()).contains("Identité liée");
        assertThat(identities.of(holder)).singleElement()
                .satisfies(identity -> assertThat(identity.provider()).isEqualTo("proconnect"));
        assertThat(browser.findElement(By.id("identites")).getText()).contains("ProConnect", agent.email());
        chromium.checkAccessibility("mon compte avec identité");

        browser.findElement(By.cssSelector("#identites button")).click();
        waitForApp("/compte?fait=identite-retiree");
        assertThat(identities.of(holder)).isEmpty();
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }

    @Test
    void theOnlyWayInCannotBeUnlinkedAndRefusalsAreExplained() throws Exception {
        chromium.open("/connexion");
        browser.findElement(By.linkText("Se connecter avec MEL (agents)")).click();
        keycloakLogin(KeycloakUser.MEL_COMMUNE_AGENT);
        waiting().until(d -> header(d).contains("Marc Lefebvre"));
        chromium.open("/compte");
        browser.findElement(By.cssSelector("#identites button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#identites [role=alert]")));
        assertThat(browser.findElement(By.cssSelector("#identites [role=alert]")).getText())
                .contains("seul moyen de connexion");
        assertThat(browser.findElement(By.id("identites")).getText()).contains("MEL (agents)");
        logOut();
        waiting().until(d -> d.findElements(By.cssSelector(".account-menu")).isEmpty());

        chromium.open("/connexion");
        browser.findElement(By.cssSelector("a.connect-franceconnect")).click();
        keycloakLogin(KeycloakUser.FC_NO_EMAIL);
        waitForApp("/connexion?fournisseur=email-absent");
        assertThat(browser.findElement(By.cssSelector("main [role=alert]")).getText())
                .contains("n’a pas transmis d’adresse électronique", "aucun compte n’a été créé");
        chromium.checkAccessibility("connexion refusée");
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }
}
