package fr.mel.opale.web.layout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page template receives as {@code page}: the visitor's language, the translated labels, who is logged
 * in, the CSRF token for POST forms and the current address (for the language switch).
 *
 * <p>One instance per request; not thread-safe and not meant to outlive the request. Labels come from
 * {@code i18n/web*.properties} through Spring's {@link MessageSource}: a missing key fails the rendering, so a
 * forgotten translation shows up in tests rather than as a blank on screen.
 */
public final class PageContext {
    private final java.util.function.Function<String, String> assets;
    /** Dates are shown in the metropolis's time zone, whatever the server's. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final Locale locale;
    private final MessageSource messages;
    private final @Nullable String userName;
    private final String path;
    private final @Nullable String query;
    private final @Nullable CsrfToken csrf;
    private final Tabs tabs;

    /**
     * The tabs and links the header offers, as the access policy answered for this visitor: the page never reads
     * roles itself.
     *
     * @param space          "Mon espace" and the account menu: every logged-in person
     * @param publish        "Publier": producers
     * @param administration "Administration": platform administrators
     * @param signUp         "Créer un compte": anonymous visitors, when sign-up is open (an SMTP server is set)
     */
    public record Tabs(boolean space, boolean publish, boolean administration, boolean signUp) {
        public static final Tabs NONE = new Tabs(false, false, false, false);
    }

    /**
     * @param userName the logged-in person's display name, else null
     */
    public PageContext(Locale locale, MessageSource messages, @Nullable String userName, Tabs tabs,
                       String path, @Nullable String query, @Nullable CsrfToken csrf) {
        this(locale, messages, userName, tabs, path, query, csrf, name -> {
            throw new IllegalStateException("No built assets in this context: " + name);
        });
    }

    /** @param assets the fingerprinted address of a built front-end file ({@code Assets::url}) */
    public PageContext(Locale locale, MessageSource messages, @Nullable String userName, Tabs tabs,
                       String path, @Nullable String query, @Nullable CsrfToken csrf,
                       java.util.function.Function<String, String> assets) {
        this.assets = assets;
        this.locale = locale;
        this.messages = messages;
        this.userName = userName;
        this.tabs = tabs;
        this.path = path;
        this.query = query;
        this.csrf = csrf;
    }

    /** The fingerprinted address of a front-end file Vite built ({@code "site.css"} → {@code /assets/site-…css}). */
    public String asset(String name) {
        return assets.apply(name);
    }

    public Locale locale() {
        return locale;
    }

    /** The two-letter language of the page ({@code fr} or {@code en}), for {@code <html lang>}. */
    public String lang() {
        return locale.getLanguage();
    }

    /** The label {@code key} in the page's language; {@code args} fill its {@code {0}}, {@code {1}}... */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The logged-in person's display name, else null. */
    public @Nullable String userName() {
        return userName;
    }

    public boolean loggedIn() {
        return userName != null;
    }

    /** What the header offers this visitor. */
    public Tabs tabs() {
        return tabs;
    }

    /** The current path (without context path or query), e.g. {@code /catalogue}. */
    public String path() {
        return path;
    }

    /** Whether the current page is {@code section} or below it: drives {@code aria-current} in the navigation. */
    public boolean in(String section) {
        return "/".equals(section) ? "/".equals(path) : path.equals(section) || path.startsWith(section + "/");
    }

    /** The current address in {@code language}: same path and query, {@code lang} replaced. */
    public String languageUrl(String language) {
        if (in("/ogcapi")) {
            // the OGC API reads no `lang` parameter of its own (unknown parameters are a 400): switch through /langue
            return LanguageController.address(language, query == null ? path : path + "?" + query);
        }
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build()
                .toUriString();
    }

    /** Name of the hidden CSRF field of POST forms. Loading the token may open a session: call only in forms. */
    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    /** Name of the header scripts send the CSRF token in (passkeys: cles.js). */
    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    /** "28 novembre 2026", "1er janvier 2026" / "November 28, 2026". */
    public String date(@Nullable LocalDate date) {
        return date == null ? "" : firstOfMonth(date.getDayOfMonth(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date));
    }

    /** French writes the first day of a month as an ordinal ("1er janvier"); Java's long style writes "1 janvier". */
    private String firstOfMonth(int day, String formatted) {
        return day == 1 && "fr".equals(locale.getLanguage()) && formatted.startsWith("1 ")
                ? "1er " + formatted.substring(2) : formatted;
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : date(instant.atZone(ZONE).toLocalDate());
    }

    /** "28 novembre 2026 à 14:05" style, in the metropolis's time zone. */
    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : dateTime(LocalDateTime.ofInstant(instant, ZONE));
    }

    /** "28 novembre 2026 à 14:05" style, for metadata timestamps. */
    public String dateTime(@Nullable LocalDateTime dateTime) {
        return dateTime == null ? "" : firstOfMonth(dateTime.getDayOfMonth(),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                        .format(dateTime.atZone(ZONE)));
    }
}
