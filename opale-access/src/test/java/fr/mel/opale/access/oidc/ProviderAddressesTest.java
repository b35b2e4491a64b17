package fr.mel.opale.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The addresses Opale gives providers — the redirect URI of the authorization request and the post-logout redirect
 * URI of the end-session request — against a real (in-process) provider's discovery document: from
 * {@code opale.public-url} when it is set, whatever host the request came in by (a proxy in front); from the
 * request's own address otherwise (tests on random ports).
 */
class ProviderAddressesTest {
    private HttpServer server;
    private String issuer;

    @BeforeEach
    void provider() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/essai/.well-known/openid-configuration", exchange -> {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/essai";
            byte[] body = ("{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base + "/auth\","
                    + "\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base + "/jwks\","
                    + "\"end_session_endpoint\":\"" + base + "/logout\",\"response_types_supported\":[\"code\"],"
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                    + "\"code_challenge_methods_supported\":[\"S256\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
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

    private ProviderRegistrations registrations(@Nullable String publicUrl) {
        return new ProviderRegistrations(List.of(new ProviderSettings("essai", issuer, "opale", "secret",
                ProviderKind.GENERIC, "Essai", List.of("openid"), null)), publicUrl);
    }

    /** A request as it reaches Opale behind a proxy: plain http on an inner host and port. */
    private static MockHttpServletRequest inner(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setScheme("http");
        request.setServerName("10.0.0.7");
        request.setServerPort(8123);
        return request;
    }

    private static String redirectUri(ProviderRegistrations registrations) {
        OAuth2AuthorizationRequest authorization = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization").resolve(inner("/oauth2/authorization/essai"));
        return authorization.getRedirectUri();
    }

    private static String postLogout(ProviderRegistrations registrations) {
        UsernamePasswordAuthenticationToken session = UsernamePasswordAuthenticationToken.authenticated("personne",
                null, List.of());
        session.setDetails(new ProviderDetails("essai", "eyJhbGciOiJub25lIn0.e30."));
        String target = new ProviderLogout(registrations).determineTargetUrl(inner("/deconnexion"),
                new MockHttpServletResponse(), session);
        assertThat(target).startsWith(registrations.findByRegistrationId("essai").getProviderDetails()
                .getConfigurationMetadata().get("end_session_endpoint").toString());
        String query = URLDecoder.decode(target.substring(target.indexOf('?') + 1), StandardCharsets.UTF_8);
        return query.replaceAll(".*post_logout_redirect_uri=([^&]*).*", "$1");
    }

    @Test
    void thePublicUrlGovernsTheAddressesGivenToProviders() {
        ProviderRegistrations registrations = registrations("https://donnees.exemple.fr/");
        assertThat(redirectUri(registrations)).isEqualTo("https://donnees.exemple.fr/login/oauth2/code/essai");
        assertThat(postLogout(registrations)).isEqualTo("https://donnees.exemple.fr/");
    }

    @Test
    void withoutAPublicUrlTheRequestsOwnAddressIsUsed() {
        for (String none : new String[] {null, " "}) {
            ProviderRegistrations registrations = registrations(none);
            assertThat(redirectUri(registrations)).isEqualTo("http://10.0.0.7:8123/login/oauth2/code/essai");
            assertThat(postLogout(registrations)).isEqualTo("http://10.0.0.7:8123/");
        }
    }
}
