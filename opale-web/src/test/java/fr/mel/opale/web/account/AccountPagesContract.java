package fr.mel.opale.web.account;

import static fr.mel.opale.web.PageSession.assertSentToLogin;
import static fr.mel.opale.web.PageSession.csrf;
import static fr.mel.opale.web.PageSession.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.access.account.Accounts;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.Timestamps;
import fr.mel.opale.web.PageSession;
import fr.mel.opale.web.WebTestApplication;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Local accounts as people meet them, over real HTTP, with a real SMTP server (GreenMail) and a real database (H2
 * and PostGIS subclasses): sign-up → mail → confirmation → login, reset, change of address, sessions, "Mon compte",
 * the administrators' users page and log, and every refusal — bad links, weak passwords, CSRF-less posts, tampered
 * cookies, throttling, 10 000 sign-ups from one address — with nothing created and no secret in the logs. Each
 * visitor comes from an address of its own ({@code X-Forwarded-For}): the limits per address stay per test.
 */
@ExtendWith(OutputCaptureExtension.class)
// a context of its own (its SMTP port): closed after the class, so that its database connections are given back
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=framework", "opale.mail.from=Opale <opale@exemple.fr>",
                "logging.level.fr.mel.opale=debug", "logging.level.org.springframework.security=debug"})
abstract class AccountPagesContract {
    static final Mailbox MAIL = new Mailbox();
    @RegisterExtension
    static final GreenMailExtension SMTP = MAIL.server;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern SESSION_END = Pattern.compile("action=\"(/compte/sessions/[0-9a-f]{16}/fin)\"");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("opale.mail.host", () -> "127.0.0.1");
        registry.add("opale.mail.port", () -> MAIL.port);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonStore people;
    @Autowired
    Accounts accounts;

    /** A new visitor from an address nobody else uses. */
    PageSession visitor() {
        int n = ADDRESSES.incrementAndGet();
        return new PageSession(port, "10.77." + (n / 250) + "." + (n % 250 + 1));
    }

    static String email() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
    }

    static HttpResponse<String> post(PageSession visitor, String path, String form) throws Exception {
        String token = csrf(visitor.get("/connexion").body());
        return visitor.postForm(path, form + (form.isEmpty() ? "" : "&") + "_csrf=" + encode(token));
    }

    static HttpResponse<String> signUp(PageSession visitor, String name, String email, String password,
                                       String confirmation) throws Exception {
        return post(visitor, "/inscription", "displayName=" + encode(name) + "&email=" + encode(email) + "&password="
                + encode(password) + "&confirmation=" + encode(confirmation));
    }

    static HttpResponse<String> login(PageSession visitor, String login, String password) throws Exception {
        return post(visitor, "/connexion", "username=" + encode(login) + "&password=" + encode(password));
    }

    static void assertLoggedIn(HttpResponse<String> login) {
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("/connexion");
    }

    static void assertLoginRefused(HttpResponse<String> login, String reason) {
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/connexion?" + reason);
    }

    /** Signs a person up and follows the mailed link; returns a visitor logged in as them. */
    PageSession member(String name, String email, String password) throws Exception {
        PageSession visitor = visitor();
        assertThat(signUp(visitor, name, email, password, password).statusCode()).isEqualTo(302);
        MimeMessage mail = MAIL.await(email, 1);
        assertThat(post(visitor, "/inscription/confirmation", "jeton=" + Mailbox.token(mail) + "&password="
                + encode(password)).statusCode()).isEqualTo(200);
        assertLoggedIn(login(visitor, email, password));
        return visitor;
    }

    long personCount(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE email_key = ?", Long.class, email.toLowerCase());
    }

    @Test
    void signUpMailConfirmationLoginAndMyAccount() throws Exception {
        PageSession visitor = visitor();
        String email = email();
        HttpResponse<String> form = visitor.get("/inscription");
        assertThat(form.body()).contains("<h1>Créer un compte</h1>", "autocomplete=\"new-password\"");
        HttpResponse<String> sent = signUp(visitor, "Anne Martin", email, "cheval agrafe batterie", "cheval agrafe batterie");
        assertThat(sent.headers().firstValue("Location").orElse("")).endsWith("/inscription/envoyee");
        assertThat(visitor.get("/inscription/envoyee").body()).contains("Vérifiez votre messagerie");

        MimeMessage mail = MAIL.await(email, 1);
        assertThat(mail.getSubject()).isEqualTo("Confirmez votre adresse pour activer votre compte Opale");
        assertThat(mail.getFrom()[0].toString()).contains("opale@exemple.fr");
        assertThat(Mailbox.part(mail, "text/plain")).startsWith("Bonjour Anne Martin,").contains("valable 24 heures");
        assertThat(Mailbox.part(mail, "text/html")).contains("<a href=\"http://localhost:", "/inscription/confirmation?jeton=");
        assertLoginRefused(login(visitor(), email, "cheval agrafe batterie"), "en-attente");

        String link = Mailbox.path(mail);
        assertThat(visitor.get(link).body()).as("a GET shows a button, uses nothing").contains("Confirmer mon adresse");
        assertThat(visitor.get(link).statusCode()).isEqualTo(200);
        HttpResponse<String> otherPassword = post(visitor, "/inscription/confirmation", "jeton=" + Mailbox.token(mail)
                + "&password=" + encode("le mot de passe d'un autre"));
        assertThat(otherPassword.statusCode()).as("the link alone does not activate").isEqualTo(400);
        assertThat(otherPassword.body()).contains("Le mot de passe actuel est incorrect.", "aria-invalid=\"true\"");
        HttpResponse<String> verified = post(visitor, "/inscription/confirmation", "jeton=" + Mailbox.token(mail)
                + "&password=" + encode("cheval agrafe batterie"));
        assertThat(verified.body()).contains("Adresse confirmée");
        HttpResponse<String> again = post(visitor, "/inscription/confirmation", "jeton=" + Mailbox.token(mail)
                + "&password=" + encode("cheval agrafe batterie"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("Lien inutilisable", "a déjà servi");

        visitor.get("/connexion");
        String before = visitor.cookie("opale_session");
        assertLoggedIn(login(visitor, email.toUpperCase(), "cheval agrafe batterie"));
        assertThat(visitor.cookie("opale_session")).as("a new session id at login (fixation)").isNotNull()
                .isNotEqualTo(before);
        String home = visitor.get("/").body();
        assertThat(home).contains("Anne Martin", ">Mon espace</a>", "action=\"/deconnexion\"")
                .doesNotContain(">Se connecter</a>", ">Administration</a>", ">Publier</a>");
        String account = visitor.get("/compte").body();
        assertThat(account).contains("<h1>Mon compte</h1>", email, "(confirmée)", "Identités liées",
                "Aucune identité externe", "(cette session)", "Télécharger mes données", "Supprimer mon compte");

        HttpResponse<String> data = visitor.get("/compte/donnees");
        assertThat(data.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(data.headers().firstValue("Content-Type").orElse("")).contains("application/json");
        assertThat(data.body()).contains("\"courriel\":\"" + email + "\"", "\"identitesLiees\":[]", "SIGNED_UP",
                "EMAIL_VERIFIED", "LOGIN_SUCCEEDED").doesNotContain("argon2", "cheval agrafe");
    }

    @Test
    void aTakenAddressGetsTheSameAnswerAndAReminderNotASecondAccount() throws Exception {
        String email = email();
        member("Bruno", email, "une phrase assez longue");
        HttpResponse<String> second = signUp(visitor(), "Intrus", email, "autre phrase bien longue",
                "autre phrase bien longue");
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location").orElse("")).endsWith("/inscription/envoyee");
        MimeMessage reminder = MAIL.await(email, 2);
        assertThat(reminder.getSubject()).isEqualTo("Vous avez déjà un compte Opale");
        assertThat(personCount(email)).isEqualTo(1);
        assertThat(people.findByEmail(email).orElseThrow().displayName()).isEqualTo("Bruno");
        assertLoginRefused(login(visitor(), email, "autre phrase bien longue"), "error");
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkOnce() throws Exception {
        String email = email();
        PageSession old = member("Chloé", email, "ancienne phrase secrète");
        PageSession visitor = visitor();
        HttpResponse<String> asked = post(visitor, "/mot-de-passe-oublie", "email=" + encode(email));
        assertThat(asked.headers().firstValue("Location").orElse("")).endsWith("/mot-de-passe-oublie/envoye");
        String unknown = email();
        HttpResponse<String> nobody = post(visitor(), "/mot-de-passe-oublie", "email=" + encode(unknown));
        assertThat(nobody.statusCode()).isEqualTo(asked.statusCode());
        assertThat(nobody.headers().firstValue("Location")).isEqualTo(asked.headers().firstValue("Location"));

        MimeMessage mail = MAIL.await(email, 2);
        assertThat(mail.getSubject()).isEqualTo("Choisissez un nouveau mot de passe Opale");
        String token = Mailbox.token(mail);
        assertThat(visitor.get(Mailbox.path(mail)).body()).contains("Choisir un nouveau mot de passe");
        HttpResponse<String> weak = post(visitor, "/mot-de-passe/nouveau", "jeton=" + token
                + "&password=qwerty123456&confirmation=qwerty123456");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("parmi les plus courants", "aria-invalid=\"true\"");
        HttpResponse<String> done = post(visitor, "/mot-de-passe/nouveau", "jeton=" + token
                + "&password=" + encode("nouvelle phrase secrète") + "&confirmation=" + encode("nouvelle phrase secrète"));
        assertThat(done.body()).contains("Mot de passe changé");
        assertThat(post(visitor, "/mot-de-passe/nouveau", "jeton=" + token + "&password=x&confirmation=x")
                .statusCode()).isEqualTo(400);
        assertSentToLogin(old.get("/compte"));
        assertLoginRefused(login(visitor(), email, "ancienne phrase secrète"), "error");
        assertLoggedIn(login(visitor(), email, "nouvelle phrase secrète"));
        assertThat(MAIL.await(email, 3).getSubject()).isEqualTo("Votre mot de passe Opale a changé");
        Thread.sleep(500);
        assertThat(MAIL.to(unknown)).as("no mail to an address without account").isEmpty();
    }

    @Test
    void aNewAddressIsConfirmedFromItselfAndTheOldOneIsTold() throws Exception {
        String email = email();
        String newEmail = email();
        PageSession me = member("Driss", email, "phrase de passe de Driss");
        HttpResponse<String> wrong = post(me, "/compte/adresse", "email=" + encode(newEmail) + "&current=faux");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Le mot de passe actuel est incorrect.");
        HttpResponse<String> asked = post(me, "/compte/adresse", "email=" + encode(newEmail) + "&current="
                + encode("phrase de passe de Driss"));
        assertThat(asked.headers().firstValue("Location").orElse("")).endsWith("/compte?fait=adresse");
        MimeMessage confirm = MAIL.await(newEmail, 1);
        assertThat(confirm.getSubject()).isEqualTo("Confirmez votre nouvelle adresse Opale");
        assertThat(people.findByEmail(email)).as("unchanged until confirmed").isPresent();
        assertThat(post(visitor(), "/compte/adresse/confirmation", "jeton=" + Mailbox.token(confirm)).body())
                .contains("Adresse changée");
        assertThat(MAIL.await(email, 2).getSubject()).isEqualTo("L’adresse de votre compte Opale a changé"
                .replace('’', '\''));
        assertLoggedIn(login(visitor(), newEmail, "phrase de passe de Driss"));
        assertLoginRefused(login(visitor(), email, "phrase de passe de Driss"), "error");
    }

    @Test
    void badFormsLinksPostsAndCookiesAreRefusedAndNothingIsCreated() throws Exception {
        String email = email();
        PageSession visitor = visitor();
        HttpResponse<String> bad = signUp(visitor, " ", "pas-une-adresse", "court", "court");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Indiquez un nom.", "Saisissez une adresse électronique valide",
                "au moins 12 caractères", "id=\"email-erreur\"", "aria-describedby=\"email-erreur\"");
        assertThat(signUp(visitor, "Eve", email, "1qaz2wsx3edc", "1qaz2wsx3edc").body())
                .contains("parmi les plus courants");
        assertThat(signUp(visitor, "Eve", email, "phrase bien longue un", "phrase bien longue deux").body())
                .contains("ne sont pas identiques");
        assertThat(signUp(visitor, "Eve", email, email, email).body()).contains("ne doit pas être votre adresse");
        assertThat(personCount(email)).isZero();

        HttpResponse<String> noCsrf = visitor.postForm("/inscription", "displayName=Eve&email=" + encode(email)
                + "&password=phrase+bien+longue&confirmation=phrase+bien+longue");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(personCount(email)).isZero();

        for (String path : new String[] {"/inscription/confirmation", "/mot-de-passe/nouveau",
                "/compte/adresse/confirmation"}) {
            HttpResponse<String> unknown = visitor.get(path + "?jeton=inconnu");
            assertThat(unknown.statusCode()).as(path).isEqualTo(400);
            assertThat(unknown.body()).contains("Lien inutilisable");
            assertThat(visitor.get(path).statusCode()).isEqualTo(400);
        }
        signUp(visitor, "Eve", email, "phrase bien longue", "phrase bien longue");
        MimeMessage mail = MAIL.await(email, 1);
        jdbc.update("UPDATE email_link SET expires_at = ? WHERE person_id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), people.findByEmail(email).orElseThrow().id());
        HttpResponse<String> expired = post(visitor, "/inscription/confirmation", "jeton=" + Mailbox.token(mail)
                + "&password=" + encode("phrase bien longue"));
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(people.findByEmail(email).orElseThrow().status()).isEqualTo(PersonStatus.PENDING);

        PageSession tampered = member("Fanny", email(), "phrase de Fanny ici");
        tampered.setCookie("opale_session", tampered.cookie("opale_session") + "x");
        assertSentToLogin(tampered.get("/compte"));
        for (String forged : new String[] {"AAAA", "JzsgRFJPUCBUQUJMRSBwZXJzb247IC0t", "x".repeat(4000)}) {
            tampered.setCookie("opale_session", forged);
            HttpResponse<String> home = tampered.get("/");
            assertThat(home.statusCode()).as(forged).isEqualTo(200);
            assertThat(home.body()).contains(">Se connecter</a>");
        }
    }

    @Test
    void loginFailuresLockAnyLoginAliveOrNotWithTheSameAnswer() throws Exception {
        String email = email();
        member("Gaston", email, "phrase de Gaston ici");
        String nobody = email();
        for (String login : new String[] {email, nobody}) {
            for (int i = 0; i < 5; i++) {
                assertLoginRefused(login(visitor(), login, "mauvais mot de passe"), "error");
            }
            HttpResponse<String> locked = login(visitor(), login, "phrase de Gaston ici");
            assertThat(locked.headers().firstValue("Location").orElse("")).contains("/connexion?bloque=");
        }
        assertThat(visitor().get("/connexion?bloque=15").body()).contains("Trop de tentatives de connexion");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM auth_event WHERE kind = 'LOGIN_LOCKED'", Long.class))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void tenThousandSignUpsFromOneAddressCreateFiveAccountsAndAreRefusedInFrench() throws Exception {
        String domain = UUID.randomUUID().toString().substring(0, 8) + ".exemple.fr";
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            try {
                accounts.signUp("Robot " + i, "robot" + i + "@" + domain, "phrase du robot numéro " + i,
                        "phrase du robot numéro " + i, "fr", "192.0.2.77");
                accepted++;
            } catch (AccountProblem problem) {
                assertThat(problem.code()).isEqualTo("trop-d-inscriptions");
                assertThat(problem.getBody().getDetail()).isEqualTo(
                        "Trop d'inscriptions depuis votre adresse réseau : réessayez dans une heure.");
                refused++;
            }
        }
        assertThat(accepted).isEqualTo(5);
        assertThat(refused).isEqualTo(9_995);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE email_key LIKE ?", Long.class,
                "%@" + domain)).isEqualTo(5);

        PageSession bot = visitor();
        for (int i = 0; i < 5; i++) {
            assertThat(signUp(bot, "Bot", "bot" + i + "@" + domain, "phrase du bot ici", "phrase du bot ici")
                    .statusCode()).isEqualTo(302);
        }
        HttpResponse<String> sixth = signUp(bot, "Bot", "bot6@" + domain, "phrase du bot ici", "phrase du bot ici");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Trop d’inscriptions depuis votre adresse réseau");
        assertThat(personCount("bot6@" + domain)).isZero();
    }

    @Test
    void sessionsAreListedEndedOneByOneAndEverywhere() throws Exception {
        String email = email();
        PageSession first = member("Hugo", email, "phrase de Hugo ici");
        PageSession second = visitor();
        assertLoggedIn(login(second, email, "phrase de Hugo ici"));
        String list = first.get("/compte").body();
        assertThat(SESSION_END.matcher(list).results().count()).isEqualTo(2);
        String other = null;
        for (String row : list.split("<tr>")) {
            Matcher end = SESSION_END.matcher(row);
            if (end.find() && !row.contains("(cette session)")) {
                other = end.group(1);
            }
        }
        assertThat(other).as("the other browser's session").isNotNull();
        assertThat(post(first, other, "").headers().firstValue("Location").orElse(""))
                .endsWith("/compte?fait=session");
        assertSentToLogin(second.get("/compte"));
        assertThat(first.get("/compte").statusCode()).isEqualTo(200);

        PageSession third = visitor();
        assertLoggedIn(login(third, email, "phrase de Hugo ici"));
        assertThat(post(first, "/compte/sessions/fin", "").headers().firstValue("Location").orElse("")).endsWith("/");
        assertSentToLogin(first.get("/compte"));
        assertSentToLogin(third.get("/compte"));
    }

    @Test
    void administratorsFindDisableEnableAndGrantAndSeeItInTheLog() throws Exception {
        String email = email();
        PageSession person = member("Inès Admin-Test", email, "phrase d'Inès ici");
        long id = people.findByEmail(email).orElseThrow().id();
        assertThat(person.get("/admin/utilisateurs").statusCode()).isEqualTo(403);
        assertSentToLogin(visitor().get("/admin/utilisateurs"));

        PageSession admin = PageSession.loggedInAsAdmin(port);
        assertThat(admin.get("/").body()).contains(">Administration</a>", ">Publier</a>", ">Mon espace</a>");
        String found = admin.get("/admin/utilisateurs?q=" + encode("inès admin")).body();
        assertThat(found).contains("Inès Admin-Test", email, "1 compte(s)", "Actif");
        assertThat(post(admin, "/admin/utilisateurs/" + id + "/statut", "action=desactiver").statusCode())
                .isEqualTo(302);
        assertSentToLogin(person.get("/compte"));
        assertLoginRefused(login(visitor(), email, "phrase d'Inès ici"), "desactive");
        post(admin, "/admin/utilisateurs/" + id + "/statut", "action=activer");
        PageSession back = visitor();
        assertLoggedIn(login(back, email, "phrase d'Inès ici"));

        post(admin, "/admin/utilisateurs/" + id + "/roles", "role=admin&action=ajouter");
        assertThat(back.get("/").body()).as("roles apply from the next request").contains(">Administration</a>");
        post(admin, "/admin/utilisateurs/" + id + "/roles", "role=admin&action=retirer");
        assertThat(back.get("/").body()).doesNotContain(">Administration</a>");
        long adminId = people.findByUsername("admin").orElseThrow().id();
        HttpResponse<String> self = post(admin, "/admin/utilisateurs/" + adminId + "/roles", "role=admin&action=retirer");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("Vous ne pouvez pas désactiver votre propre compte");

        String log = admin.get("/admin/journal?personne=" + id).body();
        assertThat(log).contains("Journal des connexions", "Rôle attribué", "Rôle retiré", "Compte désactivé",
                "Compte réactivé", "Connexion refusée", "Connexion réussie", "Administrateur", "10.77.");
        assertThat(back.get("/admin/journal").statusCode()).isEqualTo(403);
    }

    @Test
    void deletingMyAccountNeedsMyPasswordAndRemovesEverything() throws Exception {
        String email = email();
        PageSession me = member("Jules", email, "phrase de Jules ici");
        assertThat(me.get("/compte/suppression").body()).contains("Supprimer définitivement mon compte");
        HttpResponse<String> wrong = post(me, "/compte/suppression", "current=faux");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(personCount(email)).isEqualTo(1);
        assertThat(post(me, "/compte/suppression", "current=" + encode("phrase de Jules ici")).body())
                .contains("Compte supprimé");
        assertThat(personCount(email)).isZero();
        assertSentToLogin(me.get("/compte"));
        assertLoginRefused(login(visitor(), email, "phrase de Jules ici"), "error");
    }

    @Test
    void olderHashesAreReplacedByArgon2idAtLogin() throws Exception {
        String login = "ancien-" + UUID.randomUUID().toString().substring(0, 6);
        long id = people.insert(login, "Ancien", null, PersonStatus.ACTIVE,
                "{bcrypt}" + new BCryptPasswordEncoder().encode("ancien mot de passe"), "fr", Timestamps.now());
        assertLoggedIn(login(visitor(), login, "ancien mot de passe"));
        assertThat(people.find(id).orElseThrow().passwordHash()).startsWith("{argon2}$argon2id$");
        assertLoggedIn(login(visitor(), login, "ancien mot de passe"));
    }

    @Test
    void englishSpeakersGetEnglishMailsAndPages(CapturedOutput output) throws Exception {
        String email = email();
        PageSession visitor = visitor();
        assertThat(visitor.get("/inscription?lang=en").body()).contains("<h1>Create an account</h1>");
        signUp(visitor, "Kate", email, "kate's long passphrase", "kate's long passphrase");
        MimeMessage mail = MAIL.await(email, 1);
        assertThat(mail.getSubject()).isEqualTo("Confirm your address to activate your Opale account");
        String token = Mailbox.token(mail);
        post(visitor, "/inscription/confirmation", "jeton=" + token + "&password=" + encode("kate's long passphrase"));
        post(visitor(), "/mot-de-passe-oublie", "email=" + encode(email));
        String reset = Mailbox.token(MAIL.await(email, 2));
        login(visitor(), email, "a wrong password here");
        assertLoggedIn(login(visitor(), email, "kate's long passphrase"));
        assertThat(output.getAll()).as("the log, at debug level").isNotEmpty()
                .doesNotContain("kate's long passphrase", "a wrong password here", token, reset, "argon2id$");
    }
}
