package fr.mel.opale.catalog.dcat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.jspecify.annotations.Nullable;

/**
 * Turns URLs found in records into IRIs that every RDF syntax accepts. Source metadata is full of typos (spaces,
 * backslashes, missing schemes, {@code www.} without {@code http}); one bad IRI would make the whole Turtle or
 * RDF/XML document unreadable for a harvester, so what cannot be repaired by escaping is dropped.
 */
final class IriSanitizer {
    private IriSanitizer() {
    }

    /**
     * The URL as an absolute http(s) or ftp IRI, with spaces and characters IRIs forbid percent-encoded; null when
     * it cannot be one (no scheme, another scheme, unparseable).
     */
    static @Nullable String webIri(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String value = escapeForbidden(url.strip());
        String lower = value.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://"))
                || value.length() <= lower.indexOf("://") + 3) {
            return null;
        }
        return checked(value);
    }

    /** A {@code mailto:} IRI for an e-mail address, or null when it does not look like one. */
    static @Nullable String mailto(@Nullable String email) {
        if (email == null) {
            return null;
        }
        String value = email.strip();
        if (value.regionMatches(true, 0, "mailto:", 0, 7)) {
            value = value.substring(7);
        }
        if (!value.matches("[^\\s@<>\"(),;:\\[\\]\\\\]+@[^\\s@<>\"(),;:\\[\\]\\\\]+\\.[^\\s@<>\"(),;:\\[\\]\\\\]+")) {
            return null;
        }
        return checked("mailto:" + value);
    }

    /** A path segment percent-encoded so that any record identifier (URNs, spaces, slashes) fits in our URIs. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escapeForbidden(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ' ' -> escaped.append("%20");
                case '"' -> escaped.append("%22");
                case '<' -> escaped.append("%3C");
                case '>' -> escaped.append("%3E");
                case '\\' -> escaped.append("%5C");
                case '^' -> escaped.append("%5E");
                case '`' -> escaped.append("%60");
                case '{' -> escaped.append("%7B");
                case '|' -> escaped.append("%7C");
                case '}' -> escaped.append("%7D");
                default -> {
                    if (c > ' ' && c != 0x7F) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static @Nullable String checked(String value) {
        try {
            IRIx iri = IRIx.create(value);
            return iri.isAbsolute() && !iri.hasViolations() ? iri.str() : null;
        } catch (IRIException invalid) {
            return null;
        }
    }
}
