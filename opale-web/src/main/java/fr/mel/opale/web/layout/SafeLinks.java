package fr.mel.opale.web.layout;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses from a record may become a link or an image source. Records are imported from other catalogues,
 * so a URL such as {@code javascript:...} or {@code data:text/html...} must never reach an {@code href}: jte escapes
 * the quotes of an attribute but not its scheme.
 */
public final class SafeLinks {
    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "mailto");

    private SafeLinks() {
    }

    /** The URL when it is absolute with an http(s), ftp or mailto scheme; null otherwise (show it as text). */
    public static @Nullable String href(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String scheme = URI.create(url.strip()).getScheme();
            return scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) ? url.strip() : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** A mailto link for an email address, or null when it does not look like one. */
    public static @Nullable String mailto(@Nullable String email) {
        if (email == null || !email.contains("@") || email.chars().anyMatch(c -> c <= ' ' || c == ':' || c == '<')) {
            return null;
        }
        return "mailto:" + email.strip();
    }
}
