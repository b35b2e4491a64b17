package fr.mel.opale.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.testing.TestAccounts;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passkeys end to end in a real headless Chromium with its virtual authenticator (DevTools' WebAuthn domain: a CTAP2
 * platform authenticator with resident keys and user verification, which answers without a person): a person logged
 * in with a password adds a passkey on "Mon compte", logs out, logs in with it alone on {@code /connexion} (a new
 * session id, "Mon compte" shows the key as used, the audit log says so), renames it; once disabled the key no longer
 * opens a session; a passkey is a way in for the unlink rule (an identity of a person without password can go while
 * a key remains, the last key of such a person cannot); a deleted key is refused; deleting the account deletes its
 * WebAuthn user entity. axe-core checks each new page
 * state. The application runs on {@code localhost} with a fixed port, because the relying party ({@code
 * opale.public-url}) must be a domain name and the origin is checked to the port.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class PasskeyBrowserContract {
    private static final int PORT = freePort();
    private static final String PASSWORD = "une phrase de passe solide";

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("opale.public-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    PersonStore people;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExternalIdentities identities;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start(PORT).onLocalhost();
        browser = chromium.driver();
        browser.executeCdpCommand("WebAuthn.enable", Map.of());
        browser.executeCdpCommand("WebAuthn.addVirtualAuthenticator", Map.of("options", Map.of(
                "protocol", "ctap2", "transport", "internal", "hasResidentKey", true,
                "hasUserVerification", true, "isUserVerified", true, "automaticPresenceSimulation", true)));
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void addLogInWithRenameDisableUnlinkAndDeleteAPasskey() throws Exception {
        String login = "cle-" + UUID.randomUUID().toString().substring(0, 8);
        long person = TestAccounts.ensure(people, encoder, login, PASSWORD, false);

        logInWithPassword(login);
        chromium.open("/compte");
        assertThat(browser.findElement(By.id("cles")).getText())
                .contains("Aucune clé d’accès n’est enregistrée pour votre compte.");
        chromium.checkAccessibility("mon compte, sans clé d'accès");

        // no name: the script says so and asks nothing of the authenticator
        browser.findElement(By.cssSelector("form[data-cle=ajout] button")).click();
        waitUntil(d -> d.findElement(By.cssSelector("form[data-cle=ajout] [data-cle-message]")).getText()
                .contains("Donnez un nom"));
        assertThat(passkeyCount(person)).isZero();
        // the form posted without its script (form.submit() fires no submit event): a French message, nothing made
        chromium.script("document.querySelector('form[data-cle=ajout]').submit()");
        waitUntil(d -> d.findElement(By.id("cles")).getText().contains("demande JavaScript"));
        assertThat(passkeyCount(person)).isZero();

        browser.findElement(By.id("cle-nouvelle")).sendKeys("Ordinateur <b>d’essai</b>", Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().contains("fait=cle-ajoutee"));
        assertThat(browser.findElement(By.cssSelector("#cles .passkey strong")).getText())
                .isEqualTo("Ordinateur <b>d’essai</b>"); // shown as text, never as markup
        assertThat(passkeyCount(person)).isEqualTo(1);
        chromium.checkAccessibility("mon compte, une clé d'accès");
        // Spring Security's own DELETE endpoint is closed: keys go through "Mon compte" (its rules, its audit)
        String credential = jdbc.sql("SELECT credential_id FROM user_credentials").query(String.class).list().stream()
                .filter(id -> browser.getPageSource().contains("/compte/cles/" + id + "/nom")).findFirst().orElseThrow();
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector('form[data-cle=ajout]');
                fetch('/webauthn/register/' + arguments[0], {method: 'DELETE',
                    headers: {[form.dataset.csrfHeader]: form.querySelector('input[name=_csrf]').value}})
                  .then((r) => done(r.status), () => done(-1));
                """, credential);
        assertThat(((Number) status).intValue()).isEqualTo(405);
        assertThat(passkeyCount(person)).isEqualTo(1);

        logOut();
        chromium.open("/connexion");
        chromium.checkAccessibility("connexion avec clé d'accès");
        String before = sessionCookie();
        browser.findElement(By.cssSelector("form[data-cle=connexion] button")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/connexion"));
        assertThat(sessionCookie()).as("a new session id at login").isNotEqualTo(before);
        chromium.open("/compte");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mon compte");
        assertThat(browser.getPageSource()).contains("Compte " + login);
        assertThat(auditDetails(person, "LOGIN_SUCCEEDED")).contains("clé d'accès");
        assertThat(auditDetails(person, "PASSKEY_ADDED")).containsExactly("Ordinateur <b>d’essai</b>");

        // rename: an empty name is refused in French, a good one kept
        browser.findElement(By.cssSelector("#cles .passkey input[name=nom]")).clear();
        chromium.script("document.querySelector('#cles .passkey input[name=nom]').removeAttribute('required')");
        browser.findElement(By.cssSelector("#cles .passkey input[name=nom]")).sendKeys(" ", Keys.ENTER);
        waitUntil(d -> d.findElement(By.id("cles")).getText().contains("Donnez un nom à cette clé d’accès."));
        chromium.checkAccessibility("mon compte, nom de clé refusé");
        browser.findElement(By.cssSelector("#cles .passkey input[name=nom]")).clear();
        browser.findElement(By.cssSelector("#cles .passkey input[name=nom]")).sendKeys("Portable", Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().contains("fait=cle-renommee"));
        assertThat(browser.findElement(By.cssSelector("#cles .passkey strong")).getText()).isEqualTo("Portable");
        assertThat(auditDetails(person, "PASSKEY_RENAMED")).containsExactly("Portable");

        // a disabled person is logged out at once and cannot come back with the key
        people.setStatus(person, PersonStatus.DISABLED);
        chromium.open("/connexion");
        browser.findElement(By.cssSelector("form[data-cle=connexion] button")).click();
        waitUntil(d -> d.getCurrentUrl().contains("desactive"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("désactivé");
        chromium.open("/compte");
        waitUntil(d -> d.getCurrentUrl().contains("/connexion"));
        people.setStatus(person, PersonStatus.ACTIVE);

        // a passkey is a way in: without a password, the only identity can go while the key remains...
        jdbc.sql("UPDATE person SET password_hash = NULL WHERE id = ?").param(person).update();
        long identity = identities.attach(person, "mel", "sujet-" + login, null, false, Map.of()).id();
        browser.findElement(By.cssSelector("form[data-cle=connexion] button")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/connexion"));
        chromium.open("/compte");
        browser.findElement(By.cssSelector("form[action='/compte/identites/" + identity + "/suppression'] button"))
                .click();
        waitUntil(d -> d.getCurrentUrl().contains("fait=identite-retiree"));
        // ... and then the key is the last way in: it cannot be deleted
        browser.findElement(By.cssSelector("#cles form[action$='/suppression'] button")).click();
        waitUntil(d -> d.findElement(By.id("cles")).getText()
                .contains("Cette clé d’accès est votre seul moyen de connexion"));
        assertThat(passkeyCount(person)).isEqualTo(1);
        chromium.checkAccessibility("mon compte, dernière clé d'accès refusée");

        // with a password again, the key can go; the authenticator still holds it, the server refuses it
        jdbc.sql("UPDATE person SET password_hash = ? WHERE id = ?").params(encoder.encode(PASSWORD), person).update();
        chromium.open("/compte");
        browser.findElement(By.cssSelector("#cles form[action$='/suppression'] button")).click();
        waitUntil(d -> d.getCurrentUrl().contains("fait=cle-retiree"));
        assertThat(passkeyCount(person)).isZero();
        assertThat(auditDetails(person, "PASSKEY_REMOVED")).containsExactly("Portable");
        logOut();
        chromium.open("/connexion");
        browser.findElement(By.cssSelector("form[data-cle=connexion] button")).click();
        waitUntil(d -> d.getCurrentUrl().contains("cle-refusee"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("pas été reconnue");
        chromium.checkAccessibility("connexion, clé d'accès refusée");
        chromium.open("/compte");
        waitUntil(d -> d.getCurrentUrl().contains("/connexion"));

        // deleting the account takes its WebAuthn user entity (and any key left) with it
        assertThat(userEntityCount(person)).isEqualTo(1);
        logInWithPassword(login);
        chromium.open("/compte/suppression");
        browser.findElement(By.id("current")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitUntil(d -> people.find(person).isEmpty());
        assertThat(userEntityCount(person)).isZero();

        assertThat(chromium.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems()))
                .isEmpty();
    }

    private void logInWithPassword(String login) {
        chromium.open("/connexion");
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        waitUntil(d -> !d.getCurrentUrl().contains("/connexion"));
    }

    private void logOut() {
        browser.findElement(By.cssSelector(".account-menu > summary")).click();
        browser.findElement(By.cssSelector(".account-menu button[type=submit]")).click();
        waitUntil(d -> d.findElements(By.cssSelector(".account-menu")).isEmpty());
    }

    private String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed("opale_session");
        return cookie == null ? "" : cookie.getValue();
    }

    private int passkeyCount(long person) {
        return jdbc.sql("SELECT COUNT(*) FROM user_credentials c JOIN user_entities u ON u.id = c.user_entity_user_id "
                + "WHERE u.name = ?").param(Long.toString(person)).query(Integer.class).single();
    }

    private int userEntityCount(long person) {
        return jdbc.sql("SELECT COUNT(*) FROM user_entities WHERE name = ?").param(Long.toString(person))
                .query(Integer.class).single();
    }

    private List<String> auditDetails(long person, String kind) {
        return jdbc.sql("SELECT detail FROM auth_event WHERE person_id = ? AND kind = ? ORDER BY id")
                .params(person, kind).query(String.class).list();
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        // a click that posts a form reloads the page: an element found just before the new page is stale or "does
        // not belong to the document" (ChromeDriver's words for the same race), not an error; a real one still ends
        // in the wait's timeout, with the last exception as its cause
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class).until(condition::apply);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
