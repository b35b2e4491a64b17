package fr.mel.opale.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The token-level checks, with tokens signed by Nimbus and a provider's JWKS and token endpoint served over real
 * HTTP by the JDK: ID tokens (ES256 and RS256 accepted; bad signature, wrong {@code aud} or {@code iss}, expired,
 * {@code alg: none}, HMAC refused; an unknown key id fetches the key set again), signed userinfo answers (bad
 * signature, wrong {@code aud} or {@code iss} refused), and the {@code nonce}, checked by the code-exchange provider
 * assembled as in the application.
 */
class ProviderJwtDecodersTest {
    static final String CLIENT = "opale";
    HttpServer server;
    String issuer;
    final AtomicReference<JWKSet> published = new AtomicReference<>();
    final AtomicInteger jwksFetches = new AtomicInteger();
    final AtomicReference<String> tokenAnswer = new AtomicReference<>();
    final AtomicReference<String[]> userinfoAnswer = new AtomicReference<>();
    ECKey ec;
    RSAKey rsa;

    @BeforeEach
    void provider() throws Exception {
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        published.set(new JWKSet(List.of(ec.toPublicJWK(), rsa.toPublicJWK())));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/token", exchange -> {
            byte[] body = tokenAnswer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/userinfo", exchange -> {
            byte[] body = userinfoAnswer.get()[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", userinfoAnswer.get()[0]);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/essai";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    ClientRegistration registration() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return ClientRegistration.withRegistrationId("essai").clientId(CLIENT).clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/login/oauth2/code/essai").scope("openid")
                .authorizationUri(base + "/auth").tokenUri(base + "/token").jwkSetUri(base + "/jwks")
                .userInfoUri(base + "/userinfo")
                .issuerUri(issuer).userNameAttributeName("sub").build();
    }

    JWTClaimsSet.Builder idClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("sujet-1").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    static String sign(JWSSigner signer, JWSAlgorithm algorithm, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    String es256(JWTClaimsSet claims) throws Exception {
        return sign(new ECDSASigner(ec), JWSAlgorithm.ES256, ec.getKeyID(), claims);
    }

    String rs256(JWTClaimsSet claims) throws Exception {
        return sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID(), claims);
    }

    @Test
    void idTokensSignedEs256OrRs256WithTheProviderKeysAreAccepted() throws Exception {
        JwtDecoder decoder = new ProviderJwtDecoders().createDecoder(registration());
        assertThat(decoder.decode(es256(idClaims().build())).getSubject()).isEqualTo("sujet-1");
        assertThat(decoder.decode(rs256(idClaims().build())).getSubject()).isEqualTo("sujet-1");
    }

    @Test
    void idTokensThatFailACheckAreRefused() throws Exception {
        JwtDecoder decoder = new ProviderJwtDecoders().createDecoder(registration());
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        Instant now = Instant.now();
        Map<String, String> refused = Map.of(
                "bad signature (another key, same kid)",
                sign(new ECDSASigner(stranger), JWSAlgorithm.ES256, "ec-1", idClaims().build()),
                "altered after signing", alter(es256(idClaims().build())),
                "wrong aud", es256(idClaims().audience("un-autre-client").build()),
                "wrong iss", es256(idClaims().issuer("https://faux.exemple.fr/realms/essai").build()),
                "expired", es256(idClaims().issueTime(Date.from(now.minusSeconds(3600)))
                        .expirationTime(Date.from(now.minusSeconds(1800))).build()),
                "alg none", new PlainJWT(idClaims().build()).serialize(),
                "HS256 keyed with the client secret", sign(new MACSigner("secret-secret-secret-secret-secret!"),
                        JWSAlgorithm.HS256, "ec-1", idClaims().build()));
        refused.forEach((why, token) -> assertThatThrownBy(() -> decoder.decode(token)).as(why)
                .isInstanceOf(JwtException.class));
    }

    @Test
    void anUnknownKeyIdFetchesTheKeySetAgain() throws Exception {
        JwtDecoder decoder = new ProviderJwtDecoders(0).createDecoder(registration());
        decoder.decode(es256(idClaims().build()));
        int before = jwksFetches.get();
        ECKey rotated = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
        published.set(new JWKSet(List.<JWK>of(rotated.toPublicJWK(), rsa.toPublicJWK())));
        String signedWithNewKey = sign(new ECDSASigner(rotated), JWSAlgorithm.ES256, "ec-2", idClaims().build());
        assertThat(decoder.decode(signedWithNewKey).getSubject()).isEqualTo("sujet-1");
        assertThat(jwksFetches.get()).isGreaterThan(before);
    }

    @Test
    void signedUserinfoIsCheckedForSignatureAudienceAndIssuer() throws Exception {
        JwtDecoder decoder = new ProviderJwtDecoders().userInfoDecoder(registration());
        JWTClaimsSet userinfo = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT).subject("sujet-1")
                .claim("email", "camille@exemple.fr").build();
        assertThat(decoder.decode(es256(userinfo)).getClaimAsString("email")).isEqualTo("camille@exemple.fr");
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        assertThatThrownBy(() -> decoder.decode(sign(new ECDSASigner(stranger), JWSAlgorithm.ES256, "ec-1",
                userinfo))).as("bad signature").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(alter(rs256(userinfo)))).as("altered")
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(es256(new JWTClaimsSet.Builder(userinfo).audience("autre").build())))
                .as("wrong aud").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(es256(new JWTClaimsSet.Builder(userinfo)
                .issuer("https://faux.exemple.fr").build()))).as("wrong iss").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(new PlainJWT(userinfo).serialize())).as("alg none")
                .isInstanceOf(JwtException.class);
    }

    @Test
    void theNonceOfTheIdTokenMustBeTheOneOfTheAuthorizationRequest() throws Exception {
        ProviderSettings settings = new ProviderSettings("essai", issuer, CLIENT, "secret", ProviderKind.GENERIC,
                "Essai", List.of("openid"), null);
        userinfoAnswer.set(new String[] {"application/json", "{\"sub\":\"sujet-1\"}"});
        ProviderRegistrations registrations = new ProviderRegistrations(List.of(settings), null);
        ProviderJwtDecoders decoders = new ProviderJwtDecoders();
        AuthenticationProvider codes = new OidcLogin(registrations, decoders, null).authenticationProviders().get(0);
        String nonce = "nonce-de-la-requete";

        tokenAnswer.set(tokenResponse(es256(idClaims().claim("nonce", "un-autre-nonce").build())));
        assertThatThrownBy(() -> codes.authenticate(login(nonce))).isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                        .isEqualTo("invalid_nonce"));

        tokenAnswer.set(tokenResponse(es256(idClaims().claim("nonce", sha256(nonce)).build())));
        Authentication accepted = codes.authenticate(login(nonce));
        assertThat(((OidcUser) accepted.getPrincipal()).getSubject()).isEqualTo("sujet-1");
    }

    /**
     * The userinfo answer through {@link SignedUserInfo} as the code exchange uses it: a FranceConnect-kind
     * provider's JWT is read once verified; a bad signature, or plain JSON where a JWT is due, refuses the login; a
     * {@code sub} other than the ID token's too (Spring's check, kept).
     */
    @Test
    void franceConnectUserinfoMustBeAVerifiedJwtAboutTheSamePerson() throws Exception {
        ProviderSettings settings = new ProviderSettings("essai", issuer, CLIENT, "secret", ProviderKind.FRANCECONNECT,
                "FranceConnect", List.of("openid", "email"), null);
        ProviderRegistrations registrations = new ProviderRegistrations(List.of(settings), null);
        AuthenticationProvider codes = new OidcLogin(registrations, new ProviderJwtDecoders(), null)
                .authenticationProviders().get(0);
        String nonce = "n-1";
        tokenAnswer.set(tokenResponse(es256(idClaims().claim("nonce", sha256(nonce)).build())));
        JWTClaimsSet userinfo = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT).subject("sujet-1")
                .claim("given_name", "Camille").claim("email", "camille@exemple.fr").build();

        userinfoAnswer.set(new String[] {"application/jwt", es256(userinfo)});
        OidcUser user = (OidcUser) codes.authenticate(login(nonce)).getPrincipal();
        assertThat(user.getEmail()).isEqualTo("camille@exemple.fr");
        assertThat(user.getGivenName()).isEqualTo("Camille");

        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        Map<String, String[]> refused = Map.of(
                "bad signature", new String[] {"application/jwt",
                        sign(new ECDSASigner(stranger), JWSAlgorithm.ES256, "ec-1", userinfo)},
                "plain JSON from FranceConnect", new String[] {"application/json",
                        "{\"sub\":\"sujet-1\",\"email\":\"camille@exemple.fr\"}"},
                "another person", new String[] {"application/jwt",
                        es256(new JWTClaimsSet.Builder(userinfo).subject("sujet-2").build())},
                "alg none", new String[] {"application/jwt", new PlainJWT(userinfo).serialize()});
        refused.forEach((why, answer) -> {
            userinfoAnswer.set(answer);
            assertThatThrownBy(() -> codes.authenticate(login(nonce))).as(why)
                    .isInstanceOf(OAuth2AuthenticationException.class);
        });
    }

    private OAuth2LoginAuthenticationToken login(String nonce) {
        ClientRegistration registration = registration();
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri()).clientId(CLIENT)
                .redirectUri(registration.getRedirectUri()).scope("openid").state("etat")
                .attributes(a -> a.put("nonce", nonce))
                .additionalParameters(p -> p.put("nonce", sha256(nonce))).build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code-essai").state("etat")
                .redirectUri(registration.getRedirectUri()).build();
        return new OAuth2LoginAuthenticationToken(registration, new OAuth2AuthorizationExchange(request, response));
    }

    private static String tokenResponse(String idToken) {
        return "{\"access_token\":\"jeton-d-acces\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"scope\":\"openid\",\"id_token\":\"" + idToken + "\"}";
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes one character of the payload: the signature no longer matches. */
    private static String alter(String jwt) {
        String[] parts = jwt.split("\\.");
        char[] payload = parts[1].toCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }
}
