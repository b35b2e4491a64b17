package fr.mel.opale.catalog.iso;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Model values turned into the lexical forms of the XSD simple types ISO 19139 uses ({@code xs:anyURI},
 * {@code xs:date}, {@code xs:dateTime}, {@code xs:decimal}) and into text XML 1.0 can hold. Each method returns null
 * when the value cannot be made valid, so that the writer leaves it out instead of emitting an invalid document.
 */
final class SchemaValues {
    private static final String URI_UNSAFE = " \"<>\\^`{|}";

    private SchemaValues() {
    }

    /**
     * A URI the schema and every client accept: characters forbidden in URIs (spaces, quotes, braces, non-ASCII...)
     * and a {@code %} not starting an escape are percent-encoded in UTF-8; the result must then parse as an RFC 3986
     * reference (a second {@code #}, a bad host or port: null).
     */
    static @Nullable String uri(@Nullable String value) {
        String text = value == null ? null : xmlText(value).strip();
        if (text == null || text.isEmpty()) {
            return null;
        }
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = c == '%' && isHex(text, i + 1) && isHex(text, i + 2);
            if (c > 0x20 && c < 0x7f && URI_UNSAFE.indexOf(c) < 0 && (c != '%' || escape)) {
                encoded.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                i = end - 1;
            }
        }
        try {
            new URI(encoded.toString());
            return encoded.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    /** An {@code xs:date}: years 1 to 9999 only (a five-digit or negative year is outside the lexical space). */
    static @Nullable String date(@Nullable LocalDate date) {
        return date == null || date.getYear() < 1 || date.getYear() > 9999 ? null : date.toString();
    }

    /**
     * An {@code xs:dateTime} without zone, as ISO records write it: seconds always, fractions when there are some
     * (so that a re-imported record keeps its exact date); null outside years 1-9999.
     */
    static @Nullable String dateTime(@Nullable LocalDateTime dateTime) {
        return dateTime == null || dateTime.getYear() < 1 || dateTime.getYear() > 9999 ? null
                : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
    }

    /**
     * An {@code xs:decimal}: never in exponent notation ({@code 1.0E-5} is not a decimal), and the shortest digits
     * that read back as the same double.
     */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    /**
     * The text without the characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF):
     * StAX writes them as they are, which would make the document unreadable.
     */
    static String xmlText(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r'
                    || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && kept != null) {
                kept.append(c);
            }
            if (pair) {
                if (kept != null) {
                    kept.append(text.charAt(i + 1));
                }
                i++;
            }
        }
        return kept == null ? text : kept.toString();
    }
}
