package fr.mel.opale.data.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Readable identifiers from titles: "Stations V'Lille" → {@code stations-vlille}. */
public final class Slugs {
    public static final int MAX_LENGTH = 80;
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /** The slug of a title: accents dropped, apostrophes removed (V'Lille is one word), anything else a hyphen. */
    public static String of(String title) {
        String plain = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’‘`´]", "");
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "jeu-de-donnees" : slug;
    }

    /** The n-th candidate for a title whose slug is taken: {@code base}, {@code base-2}, {@code base-3}... */
    public static String candidate(String base, int n) {
        if (n <= 1) {
            return base;
        }
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > MAX_LENGTH
                ? base.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "") : base;
        return head + suffix;
    }
}
