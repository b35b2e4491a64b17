package fr.mel.opale.access.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses the language of pages and error messages: the visitor's explicit choice (a cookie set by the language
 * switch), else the best of French and English in {@code Accept-Language}, else French. French is the default:
 * a request without the header (curl, scripts) gets French, not the server's locale.
 *
 * <p>Registered as the {@code localeResolver} bean Spring MVC looks up by name.
 */
@Component("localeResolver")
class LanguageResolver implements LocaleResolver {
    static final String COOKIE = "opale-langue";
    /** The language chosen during this request, which its cookie (only sent back next time) cannot tell yet. */
    static final String CHOSEN = LanguageResolver.class.getName() + ".chosen";
    private static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    Locale chosen = supported(cookie.getValue());
                    if (chosen != null) {
                        return chosen;
                    }
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is the client's problem; fall back to French
            }
        }
        return Locale.FRENCH;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        Locale chosen = locale == null ? null : supported(locale.getLanguage());
        // the page that switches language (?lang=en) must itself be rendered in the new language
        if (chosen != null) {
            request.setAttribute(CHOSEN, chosen);
        } else {
            request.removeAttribute(CHOSEN);
        }
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, chosen == null ? "" : chosen.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(chosen == null ? 0 : (int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static @Nullable Locale supported(@Nullable String language) {
        if (language == null) {
            return null;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
