package fr.mel.opale.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.identity.ExternalIdentity;
import fr.mel.opale.access.identity.ExternalLoginListener;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import fr.mel.opale.testing.KeycloakRealm;
import fr.mel.opale.testing.KeycloakServer;
import fr.mel.opale.testing.KeycloakUser;
import fr.mel.opale.testing.OidcUserAgent;
import fr.mel.opale.testing.OnKeycloak;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in through the three providers of the real test Keycloak (MEL's IdP, FranceConnect-like with ES256 and a
 * signed userinfo, ProConnect-like with an RS256 signed userinfo), over real HTTP with a hand-driven user agent: the
 * authorization request's parameters, Keycloak's real login form, the callback, the person created (or found again),
 * the identity and its claims, the listeners, the logout through the provider; and each refusal: no address, an
 * unverified one, a forged {@code state}, an error on the callback — nothing created. The log of the whole run is
 * searched for passwords, codes and tokens. On H2 and PostGIS ({@code OidcSignInH2Test}, {@code OidcSignInPostgisTest}).
 */
@OnKeycloak
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = OidcSignInContract.OidcTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.locations=classpath:db/migration/{vendor}",
                "spring.messages.basename=i18n/problems", "spring.main.banner-mode=off", "logging.level.root=info"})
abstract class OidcSignInContract {
    /** The access module alone, plus probes: who the session is, and its CSRF token (no pages here). */
    @SpringBootApplication(scanBasePackages = "fr.mel.opale.access")
    @Import(Probe.class)
    static class OidcTestApplication {
        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    /** Records what the sign-in tells {@link ExternalLoginListener}s. */
    static class Listener implements ExternalLoginListener {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void loggedIn(long personId, String provider, Map<String, Object> claims) {
            calls.add(personId + " " + provider + " " + claims.get("sub"));
        }
    }

    @RestController
    static class Probe {
        private final AccessPolicy policy;

        Probe(AccessPolicy policy) {
            this.policy = policy;
        }

        @GetMapping("/api/essai/moi")
        Map<String, Object> me() {
            Viewer viewer = policy.currentViewer();
            return viewer.anonymous() ? Map.of("anonyme", true)
                    : Map.of("id", viewer.personId(), "nom", viewer.displayName());
        }

        @GetMapping("/essai/csrf")
        String csrf(CsrfToken token) {
            return token.getToken();
        }
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        KeycloakServer keycloak = KeycloakServer.shared();
        for (KeycloakRealm realm : KeycloakRealm.values()) {
            String prefix = "opale.oidc.providers." + realm.realmName() + ".";
            registry.add(prefix + "issuer", () -> keycloak.issuer(realm));
            registry.add(prefix + "client-id", realm::clientId);
            registry.add(prefix + "client-secret", realm::clientSecret);
            registry.add(prefix + "kind", () -> realm == KeycloakRealm.MEL ? "generic" : realm.realmName());
            registry.add(prefix + "scopes", realm::scopes);
        }
        // a provider that never answers (nothing listens on port 9 of the loopback): Opale starts all the same
        registry.add("opale.oidc.providers.injoignable.issuer", () -> "http://127.0.0.1:9/realms/absent");
        registry.add("opale.oidc.providers.injoignable.client-id", () -> "opale");
        registry.add("opale.oidc.providers.injoignable.client-secret", () -> "secret");
    }

    @LocalServerPort
    int port;
    @Autowired
    PersonStore people;
    @Autowired
    ExternalIdentities identities;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Listener listener;
    @Autowired
    PasswordEncoder encoder;
    OidcUserAgent browser;

    @BeforeEach
    void browser() {
        browser = new OidcUserAgent();
    }

    URI app(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Clicks the provider's button and signs in at Keycloak; returns the application's answer to the callback. */
    HttpResponse<String> signIn(KeycloakUser user) {
        HttpResponse<String> toProvider = browser.get(app("/oauth2/authorization/" + user.realm().realmName()));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        HttpResponse<String> back = browser.signIn(OidcUserAgent.location(toProvider), user);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        return browser.get(OidcUserAgent.location(back));
    }

    String me() {
        return browser.get(app("/api/essai/moi")).body();
    }

    long personCount(String email) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE email_key = ?", Long.class,
                email.toLowerCase(Locale.ROOT));
    }

    @Test
    void theAuthorizationRequestCarriesStateNonceAndPkceAndAcrForFranceConnect() {
        Map<String, String> mel = OidcUserAgent.query(OidcUserAgent.location(
                browser.get(app("/oauth2/authorization/mel"))));
        assertThat(mel).containsKeys("state", "nonce", "code_challenge").containsEntry("code_challenge_method", "S256")
                .containsEntry("response_type", "code").containsEntry("client_id", "opale")
                .doesNotContainKey("acr_values");
        assertThat(mel.get("redirect_uri")).isEqualTo("http://127.0.0.1:" + port + "/login/oauth2/code/mel");
        URI toFranceConnect = OidcUserAgent.location(browser.get(app("/oauth2/authorization/franceconnect")));
        assertThat(toFranceConnect.toString()).startsWith(KeycloakServer.shared().issuer(KeycloakRealm.FRANCECONNECT));
        assertThat(OidcUserAgent.query(toFranceConnect)).containsEntry("acr_values", "eidas1")
                .containsEntry("scope", "openid given_name family_name email").containsKeys("state", "nonce");
        assertThat(browser.get(app("/oauth2/authorization/inconnu")).statusCode()).isEqualTo(404);
    }

    @Test
    void aMelAgentSignsInIsCreatedOnceAndLogsOutThroughTheProvider(CapturedOutput log) {
        KeycloakUser agent = KeycloakUser.MEL_AGENT;
        HttpResponse<String> landed = signIn(agent);
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(OidcUserAgent.location(landed).getPath()).isEqualTo("/");
        assertThat(me()).contains("\"nom\":\"Claire Dubois\"");

        StoredPerson person = people.findByEmail(agent.email()).orElseThrow();
        assertThat(person.active()).isTrue();
        assertThat(person.emailVerifiedAt()).isNotNull();
        assertThat(person.passwordHash()).isNull();
        ExternalIdentity identity = identities.find("mel", agent.subject()).orElseThrow();
        assertThat(identity.personId()).isEqualTo(person.id());
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.lastClaims()).containsEntry("groups", List.of("MEL_DSI", "MEL_SIG"))
                .containsEntry("preferred_username", "claire.dubois").doesNotContainKeys("nonce", "at_hash");
        assertThat(listener.calls).contains(person.id() + " mel " + agent.subject());

        // logout: through Keycloak's end-session endpoint, which comes back home and forgets its session
        String csrf = browser.get(app("/essai/csrf")).body();
        HttpResponse<String> logout = browser.postForm(app("/deconnexion"), Map.of("_csrf", csrf));
        URI endSession = OidcUserAgent.location(logout);
        assertThat(endSession.toString()).startsWith(KeycloakServer.shared().issuer(KeycloakRealm.MEL));
        assertThat(OidcUserAgent.query(endSession)).containsKeys("id_token_hint", "state")
                .containsEntry("post_logout_redirect_uri", "http://127.0.0.1:" + port + "/");
        assertThat(me()).contains("anonyme");
        HttpResponse<String> home = browser.get(endSession);
        assertThat(OidcUserAgent.location(home).toString()).startsWith("http://127.0.0.1:" + port + "/");
        HttpResponse<String> again = browser.get(OidcUserAgent.location(
                browser.get(app("/oauth2/authorization/mel"))));
        assertThat(again.statusCode()).as("Keycloak asks for the password again").isEqualTo(200);
        assertThat(again.body()).contains("kc-form-login");

        // a second login finds the same person
        signIn(agent);
        assertThat(me()).contains("\"id\":" + person.id());
        assertThat(personCount(agent.email())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM external_identity WHERE provider = 'mel' AND subject = ?",
                Long.class, agent.subject())).isEqualTo(1);

        // nothing secret in the log: password, client secret, authorization codes, JWTs (ID or access tokens)
        assertThat(log.getAll()).doesNotContain(KeycloakUser.PASSWORD, KeycloakRealm.MEL.clientSecret())
                .doesNotContainPattern("eyJ[A-Za-z0-9_-]{8,}\\.eyJ").doesNotContain("code=");
    }

    @Test
    void aFranceConnectCitizenSignsInThroughTheSignedUserinfo() {
        KeycloakUser citizen = KeycloakUser.FC_CITIZEN;
        signIn(citizen);
        assertThat(me()).contains("\"nom\":\"Camille Roussel\"");
        ExternalIdentity identity = identities.find("franceconnect", citizen.subject()).orElseThrow();
        // given_name, family_name and email come in the signed userinfo only: read once verified
        assertThat(identity.lastClaims()).containsEntry("given_name", "Camille").containsEntry("family_name", "Roussel")
                .containsEntry("acr", "eidas1");
        assertThat(identity.email()).isEqualTo(citizen.email());
    }

    @Test
    void aProConnectAgentSignsInWithSiretAndUsualName() {
        KeycloakUser agent = KeycloakUser.PC_MEL_AGENT;
        signIn(agent);
        assertThat(me()).contains("\"nom\":\"Amélie Fontaine\"");
        ExternalIdentity identity = identities.find("proconnect", agent.subject()).orElseThrow();
        assertThat(identity.lastClaims()).containsEntry("siret", agent.siret());
        assertThat(identity.emailVerified()).isTrue();
    }

    @Test
    void noAddressOrAnUnverifiedOneIsRefusedAndNothingIsCreated() {
        for (KeycloakUser user : List.of(KeycloakUser.MEL_NO_EMAIL, KeycloakUser.FC_NO_EMAIL)) {
            browser = new OidcUserAgent();
            HttpResponse<String> refused = signIn(user);
            assertThat(OidcUserAgent.location(refused).toString()).as(user.username())
                    .endsWith("/connexion?fournisseur=email-absent");
            assertThat(me()).contains("anonyme");
            assertThat(identities.find(user.realm().realmName(), user.subject())).isEmpty();
        }
        for (KeycloakUser user : List.of(KeycloakUser.MEL_UNVERIFIED_EMAIL, KeycloakUser.FC_UNVERIFIED_EMAIL)) {
            browser = new OidcUserAgent();
            HttpResponse<String> refused = signIn(user);
            assertThat(OidcUserAgent.location(refused).toString()).as(user.username())
                    .endsWith("/connexion?fournisseur=email-non-verifie");
            assertThat(me()).contains("anonyme");
            assertThat(personCount(user.email())).isZero();
            assertThat(identities.find(user.realm().realmName(), user.subject())).isEmpty();
        }
    }

    @Test
    void aProviderThatDoesNotAnswerIsReportedWithoutStoppingTheOthers() {
        HttpResponse<String> refused = browser.get(app("/oauth2/authorization/injoignable"));
        assertThat(OidcUserAgent.location(refused).toString()).endsWith("/connexion?fournisseur=indisponible");
        // at once the second time (no new discovery attempt within 30 s)
        long start = System.nanoTime();
        assertThat(OidcUserAgent.location(browser.get(app("/oauth2/authorization/injoignable"))).toString())
                .endsWith("/connexion?fournisseur=indisponible");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(browser.get(app("/oauth2/authorization/mel")).statusCode()).isEqualTo(302);
    }

    @Test
    void aForgedStateIsRefused() {
        KeycloakUser agent = KeycloakUser.MEL_COMMUNE_AGENT;
        HttpResponse<String> toProvider = browser.get(app("/oauth2/authorization/mel"));
        URI callback = OidcUserAgent.location(browser.signIn(OidcUserAgent.location(toProvider), agent));
        Map<String, String> parameters = OidcUserAgent.query(callback);
        URI forged = OidcUserAgent.withQuery("http://127.0.0.1:" + port + "/login/oauth2/code/mel",
                Map.of("code", parameters.get("code"), "state", "etat-forge-" + parameters.get("state")));
        HttpResponse<String> refused = browser.get(forged);
        assertThat(OidcUserAgent.location(refused).toString()).endsWith("/connexion?fournisseur=echec");
        assertThat(me()).contains("anonyme");
        assertThat(personCount(agent.email())).isZero();
        // another browser (no authorization request in its session) replaying the real callback: refused too
        OidcUserAgent attacker = new OidcUserAgent();
        assertThat(OidcUserAgent.location(attacker.get(callback)).toString()).endsWith("/connexion?fournisseur=echec");
        assertThat(personCount(agent.email())).isZero();
    }

    @Test
    void anErrorOnTheCallbackIsShownAsCancelled() {
        URI toProvider = OidcUserAgent.location(browser.get(app("/oauth2/authorization/proconnect")));
        String state = OidcUserAgent.query(toProvider).get("state");
        HttpResponse<String> back = browser.get(OidcUserAgent.withQuery(
                "http://127.0.0.1:" + port + "/login/oauth2/code/proconnect",
                Map.of("error", "access_denied", "error_description", "L'usager a annulé", "state", state)));
        assertThat(OidcUserAgent.location(back).toString()).endsWith("/connexion?fournisseur=annule");
        assertThat(me()).contains("anonyme");
    }

    @Test
    void aVerifiedAddressOfAnExistingAccountIsOfferedForLinkingNeverMerged() {
        KeycloakUser agent = KeycloakUser.PC_COMMUNE_AGENT;
        long holder = people.insert(null, "Karim Local", agent.email(),
                fr.mel.opale.access.internal.PersonStatus.ACTIVE, encoder.encode("mot de passe local solide"), "fr",
                java.time.Instant.now());
        HttpResponse<String> offered = signIn(agent);
        assertThat(OidcUserAgent.location(offered).toString()).endsWith("/connexion/liaison");
        assertThat(me()).contains("anonyme");
        assertThat(identities.find("proconnect", agent.subject())).isEmpty();
        assertThat(identities.of(holder)).isEmpty();
        Optional<StoredPerson> same = people.findByEmail(agent.email());
        assertThat(same).map(StoredPerson::id).contains(holder);
    }
}
