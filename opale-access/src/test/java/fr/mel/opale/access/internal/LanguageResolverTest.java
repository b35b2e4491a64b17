package fr.mel.opale.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LanguageResolverTest {
    private final LanguageResolver resolver = new LanguageResolver();

    @Test
    void frenchByDefaultThenHeaderThenCookie() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.FRENCH);
        request.addHeader("Accept-Language", "en-GB,en;q=0.9");
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
        request.setCookies(new Cookie(LanguageResolver.COOKIE, "fr"));
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.FRENCH);
    }

    @Test
    void aChoiceAppliesToTheRequestThatMadeIt() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(LanguageResolver.COOKIE, "fr"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        resolver.setLocale(request, response, Locale.ENGLISH);
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
        assertThat(response.getCookie(LanguageResolver.COOKIE).getValue()).isEqualTo("en");
    }
}
