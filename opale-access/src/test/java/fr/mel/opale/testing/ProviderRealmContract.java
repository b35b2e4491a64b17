package fr.mel.opale.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every provider realm of the test Keycloak must do like the real provider it plays, checked over the wire
 * with Opale's client and a {@link OidcUserAgent} on Keycloak's real login form: discovery, the authorization code
 * flow with {@code state} and {@code nonce}, an ID token signed with the provider's algorithm and verified against
 * its JWKS, userinfo (a signed JWT where the provider signs it), logout through the end-session endpoint, and
 * redirect URIs checked. Each realm's test extends this with what it declares and what is its own.
 */
@OnKeycloak
abstract class ProviderRealmContract {
    /** Opale's callback on a port nobody listens on: the tests read the redirects, never follow them. */
    static final String APP = "http://127.0.0.1:8089";

    /** Where the provider answers userinfo with a signed JWT ({@code application/jwt}) rather than JSON. */
    static final boolean SIGNED_USERINFO = true;
    static final boolean JSON_USERINFO = false;
    private static final Map<KeycloakRealm, JsonNode> DISCOVERED = new ConcurrentHashMap<>();

    final KeycloakServer keycloak = KeycloakServer.shared();
    /** The browser of tests that need one across steps; {@link #signIn(KeycloakUser)} uses a fresh one. */
    final OidcUserAgent browser = new OidcUserAgent();
    private final JsonMapper json = JsonMapper.builder().build();
    private final KeycloakRealm realm;
    private final JWSAlgorithm signature;
    private final boolean signsUserinfo;
    private final String acrValues;
    private final String acr;
    private final KeycloakUser user;

    /**
     * @param signature the only algorithm the provider signs ID tokens (and userinfo, where signed) with
     * @param acrValues what Opale asks for in {@code acr_values}, or null
     * @param acr       the {@code acr} of a fresh password login
     * @param user      the person the common checks sign in
     */
    ProviderRealmContract(KeycloakRealm realm, JWSAlgorithm signature, boolean signsUserinfo, String acrValues,
                          String acr, KeycloakUser user) {
        this.realm = realm;
        this.signature = signature;
        this.signsUserinfo = signsUserinfo;
        this.acrValues = acrValues;
        this.acr = acr;
        this.user = user;
    }

    KeycloakRealm realm() {
        return realm;
    }

    KeycloakUser user() {
        return user;
    }

    /** What userinfo tells of {@code person} (besides {@code sub}, {@code iss} and {@code aud}) for the realm's scopes. */
    abstract Map<String, Object> userinfoOf(KeycloakUser person);

    @Test
    void discoveryDescribesTheProvider() {
        JsonNode discovery = discovery(realm());
        String issuer = keycloak.issuer(realm());
        assertThat(discovery.path("issuer").asString()).isEqualTo(issuer);
        for (String endpoint : new String[]{"authorization_endpoint", "token_endpoint", "userinfo_endpoint",
                "jwks_uri", "end_session_endpoint"}) {
            assertThat(discovery.path(endpoint).asString()).as(endpoint).startsWith(issuer + "/");
        }
        assertThat(texts(discovery.path("response_types_supported"))).contains("code");
        assertThat(texts(discovery.path("id_token_signing_alg_values_supported"))).contains(signature.getName());
        assertThat(texts(discovery.path("userinfo_signing_alg_values_supported"))).contains(signature.getName());
        assertThat(texts(discovery.path("token_endpoint_auth_methods_supported")))
                .contains("client_secret_basic", "client_secret_post");
        assertThat(texts(discovery.path("scopes_supported")))
                .containsAll(Set.of(realm().scopes().split(" ")));
        assertThat(texts(discovery.path("acr_values_supported"))).contains(acr);
    }

    @Test
    void codeFlowGivesAnIdTokenSignedWithTheProviderKeyCarryingNonceAndAcr() throws Exception {
        SignedIn signedIn = signIn(user());

        JWTClaimsSet id = verify(signedIn.tokens().path("id_token").asString(), jwks(), Set.of("sub", "iat", "exp"));
        assertThat(id.getSubject()).isEqualTo(user().subject());
        assertThat(id.getAudience()).containsExactly(realm().clientId());
        assertThat(id.getStringClaim("nonce")).isEqualTo(signedIn.nonce());
        assertThat(id.getStringClaim("acr")).isEqualTo(acr);
        assertThat(id.getStringClaim("typ")).isEqualTo("ID");
        assertThat(id.getExpirationTime().toInstant()).isAfter(Instant.now());
        assertThat(signedIn.tokens().path("token_type").asString()).isEqualTo("Bearer");
    }

    @Test
    void idTokenIsRefusedWithAnotherProviderKeys() throws Exception {
        KeycloakRealm other = realm() == KeycloakRealm.MEL ? KeycloakRealm.FRANCECONNECT : KeycloakRealm.MEL;
        String idToken = signIn(user()).tokens().path("id_token").asString();
        JWKSet otherKeys = JWKSet.parse(browser.get(URI.create(discovery(other).path("jwks_uri").asString())).body());

        assertThatThrownBy(() -> verify(idToken, otherKeys, Set.of("sub"))).isInstanceOf(BadJOSEException.class);
        String[] parts = idToken.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user().subject(), UUID.randomUUID().toString());
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> verify(forged, jwks(), Set.of("sub"))).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void userinfoAnswersAsTheProviderDoes() throws Exception {
        SignedIn signedIn = signIn(user());

        HttpResponse<String> userinfo = userinfo(signedIn);
        Map<String, Object> claims = readUserinfo(userinfo);
        assertThat(claims).containsEntry("sub", user().subject());
        assertThat(claims).containsAllEntriesOf(userinfoOf(user()));
    }

    @Test
    void endSessionReturnsToTheApplicationWithStateAndEndsTheSession() {
        SignedIn signedIn = signIn(browser, user(), realm().scopes());
        assertThat(OidcUserAgent.query(silentAuthorization())).as("with its session, the provider answers at once")
                .containsKey("code");

        String state = state();
        URI logout = OidcUserAgent.withQuery(discovery().path("end_session_endpoint").asString(), Map.of(
                "id_token_hint", signedIn.tokens().path("id_token").asString(),
                "post_logout_redirect_uri", APP + "/deconnexion",
                "state", state));
        HttpResponse<String> answer = browser.get(logout);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(OidcUserAgent.location(answer)).isEqualTo(URI.create(APP + "/deconnexion?state=" + state));
        assertThat(OidcUserAgent.query(silentAuthorization())).as("session ended")
                .containsEntry("error", "login_required").doesNotContainKey("code");
    }

    /** An authorization request with {@code prompt=none} in {@link #browser}: a code with a session, an error without. */
    private URI silentAuthorization() {
        URI request = OidcUserAgent.withQuery(discovery().path("authorization_endpoint").asString(), Map.of(
                "response_type", "code", "client_id", realm().clientId(), "redirect_uri", callback(),
                "scope", realm().scopes(), "state", state(), "nonce", nonce(), "prompt", "none"));
        HttpResponse<String> answer = browser.get(request);
        assertThat(answer.statusCode()).isEqualTo(302);
        return OidcUserAgent.location(answer);
    }

    @Test
    void unregisteredRedirectsAreRefused() {
        URI toLocalhost = OidcUserAgent.withQuery(discovery().path("authorization_endpoint").asString(), Map.of(
                "response_type", "code", "client_id", realm().clientId(), "scope", realm().scopes(),
                "redirect_uri", "http://localhost:8089/login/oauth2/code/" + realm().realmName(),
                "state", state(), "nonce", nonce()));
        HttpResponse<String> refused = browser.get(toLocalhost);
        assertThat(refused.statusCode()).as("only 127.0.0.1 is registered").isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();

        SignedIn signedIn = signIn(user());
        URI elsewhere = OidcUserAgent.withQuery(discovery().path("end_session_endpoint").asString(), Map.of(
                "id_token_hint", signedIn.tokens().path("id_token").asString(),
                "post_logout_redirect_uri", "https://ailleurs.example/deconnexion", "state", state()));
        HttpResponse<String> logout = browser.get(elsewhere);
        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(logout.headers().firstValue("Location")).isEmpty();
    }

    /** What one successful sign-in gave: the parameters sent and the token endpoint's answer. */
    record SignedIn(String state, String nonce, Map<String, String> redirect, JsonNode tokens) {
    }

    /**
     * Signs {@code person} in with the realm's scopes in a browser of their own (a shared one would carry the
     * previous person's session), checks the redirect and exchanges its code.
     */
    SignedIn signIn(KeycloakUser person) {
        return signIn(person, realm().scopes());
    }

    SignedIn signIn(KeycloakUser person, String scopes) {
        return signIn(new OidcUserAgent(), person, scopes);
    }

    SignedIn signIn(OidcUserAgent agent, KeycloakUser person, String scopes) {
        String state = state();
        String nonce = nonce();
        HttpResponse<String> answer = agent.signIn(authorizationRequest(state, nonce, scopes), person);
        assertThat(answer.statusCode()).as("after the login form: " + answer.body()).isEqualTo(302);
        URI redirect = OidcUserAgent.location(answer);
        assertThat(redirect.toString()).startsWith(callback() + "?");
        Map<String, String> parameters = OidcUserAgent.query(redirect);
        assertThat(parameters).containsEntry("state", state).containsEntry("iss", keycloak.issuer(realm()))
                .containsKey("code");

        HttpResponse<String> token = agent.postForm(URI.create(discovery().path("token_endpoint").asString()),
                Map.of("grant_type", "authorization_code", "code", parameters.get("code"), "redirect_uri", callback()),
                "Authorization", HttpTestClient.basic(realm().clientId(), realm().clientSecret()));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return new SignedIn(state, nonce, parameters, json.readTree(token.body()));
    }

    URI authorizationRequest(String state, String nonce, String scopes) {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("response_type", "code",
                "client_id", realm().clientId(), "redirect_uri", callback(), "scope", scopes,
                "state", state, "nonce", nonce));
        if (acrValues != null) {
            parameters.put("acr_values", acrValues);
        }
        return OidcUserAgent.withQuery(discovery().path("authorization_endpoint").asString(), parameters);
    }

    HttpResponse<String> userinfo(SignedIn signedIn) {
        return browser.get(URI.create(discovery().path("userinfo_endpoint").asString()),
                "Authorization", "Bearer " + signedIn.tokens().path("access_token").asString());
    }

    /**
     * The claims of a userinfo answer, of the type the provider must answer: a JWT signed with its key, for Opale,
     * by its issuer, where {@code signsUserinfo}, plain JSON elsewhere.
     */
    Map<String, Object> readUserinfo(HttpResponse<String> userinfo) throws Exception {
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        String type = userinfo.headers().firstValue("Content-Type").orElse("");
        if (!signsUserinfo) {
            assertThat(type).startsWith("application/json");
            return json.readValue(userinfo.body(), Map.class);
        }
        assertThat(type).startsWith("application/jwt");
        return verify(userinfo.body(), jwks(), Set.of("sub", "iss", "aud")).getClaims();
    }

    /**
     * Verifies a signed JWT as a client must: the realm's algorithm only, a key of the given set (by {@code kid}),
     * issuer the realm's, audience Opale, expiry if any, the required claims present.
     */
    JWTClaimsSet verify(String jwt, JWKSet keys, Set<String> required) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(signature, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(realm().clientId(),
                new JWTClaimsSet.Builder().issuer(keycloak.issuer(realm())).build(), required));
        return processor.process(jwt, null);
    }

    JWKSet jwks() throws Exception {
        return JWKSet.parse(browser.get(URI.create(discovery().path("jwks_uri").asString())).body());
    }

    /** The realm's discovery document, read once per JVM (the server does not change under the tests). */
    JsonNode discovery() {
        return DISCOVERED.computeIfAbsent(realm(), this::discovery);
    }

    private JsonNode discovery(KeycloakRealm of) {
        HttpResponse<String> response = browser.get(keycloak.discovery(of));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    String callback() {
        return APP + "/login/oauth2/code/" + realm().realmName();
    }

    static String state() {
        return "etat-" + UUID.randomUUID();
    }

    static String nonce() {
        return "nonce-" + UUID.randomUUID();
    }

    static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
