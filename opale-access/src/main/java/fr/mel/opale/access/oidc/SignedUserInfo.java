package fr.mel.opale.access.oidc;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches the userinfo answer and, when it is a JWT ({@code application/jwt}, as FranceConnect and ProConnect
 * always send), verifies it before reading a single claim: signature against the provider's JWKS, {@code iss},
 * {@code aud}. Spring's default user service reads only JSON. FranceConnect and ProConnect answering plain JSON are
 * refused (an unsigned answer where a signed one is due); generic providers may answer either.
 *
 * <p>Spring's {@code OidcUserService}, which calls this, then checks that the answer's {@code sub} is the ID
 * token's.
 */
final class SignedUserInfo implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {
    static final String INVALID = "invalid_user_info_response";
    private static final MediaType JWT = MediaType.parseMediaType("application/jwt");
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ProviderRegistrations registrations;
    private final ProviderJwtDecoders decoders;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    SignedUserInfo(ProviderRegistrations registrations, ProviderJwtDecoders decoders) {
        this.registrations = registrations;
        this.decoders = decoders;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) throws OAuth2AuthenticationException {
        ClientRegistration registration = request.getClientRegistration();
        ProviderKind kind = registrations.settings(registration.getRegistrationId()).map(ProviderSettings::kind)
                .orElse(ProviderKind.GENERIC);
        ResponseEntity<byte[]> answer;
        try {
            answer = http.get().uri(registration.getProviderDetails().getUserInfoEndpoint().getUri())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + request.getAccessToken().getTokenValue())
                    .accept(JWT, MediaType.APPLICATION_JSON)
                    .retrieve().toEntity(byte[].class);
        } catch (RestClientException e) {
            throw refused("userinfo unreachable or refused: " + e.getClass().getSimpleName());
        }
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody();
        MediaType type = answer.getHeaders().getContentType();
        Map<String, Object> claims;
        if (type != null && JWT.isCompatibleWith(type)) {
            try {
                Jwt verified = decoders.userInfoDecoder(registration).decode(new String(body,
                        java.nio.charset.StandardCharsets.US_ASCII).strip());
                claims = new LinkedHashMap<>(verified.getClaims());
            } catch (JwtException e) {
                throw refused("userinfo JWT refused: " + e.getMessage());
            }
        } else if (kind.signsUserInfo()) {
            throw refused("userinfo not signed by a provider that must sign it");
        } else {
            try {
                claims = json.readValue(body, OBJECT);
            } catch (RuntimeException e) {
                throw refused("userinfo not JSON");
            }
        }
        if (!(claims.get("sub") instanceof String subject) || subject.isBlank()) {
            throw refused("userinfo without sub");
        }
        return new DefaultOAuth2User(Set.of(new SimpleGrantedAuthority("OIDC_USER")), claims, "sub");
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(INVALID, why, null));
    }
}
