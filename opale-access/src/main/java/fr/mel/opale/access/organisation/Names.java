package fr.mel.opale.access.organisation;

import fr.mel.opale.access.AccessModelProblem;
import java.util.regex.Pattern;

/**
 * The checks of slugs and names shared by organisations and projects: what the services refuse before writing.
 * Public for {@link fr.mel.opale.access.project.Projects}.
 */
public final class Names {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    private Names() {
    }

    /** A slug: 1 to 100 lower-case letters, digits and single hyphens ({@code lambersart}, {@code plui-2026}). */
    public static String slug(String slug, String what) {
        String s = slug == null ? "" : slug.strip();
        if (s.length() > 100 || !SLUG.matcher(s).matches()) {
            throw AccessModelProblem.invalid("Identifiant de " + what + " invalide : 1 à 100 lettres minuscules non "
                    + "accentuées, chiffres et tirets simples (par exemple « lambersart »).");
        }
        return s;
    }

    /** A name shown on screen: 1 to 300 characters, no control character, stripped. */
    public static String name(String name, String what) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 300 || n.chars().anyMatch(Character::isISOControl)) {
            throw AccessModelProblem.invalid("Nom de " + what + " invalide : 1 à 300 caractères, sans caractère de "
                    + "contrôle.");
        }
        return n;
    }

    /** An INSEE commune code (5 characters, {@code 59350}, {@code 2A004}); null or blank means none. */
    public static String insee(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!INSEE.matcher(c).matches()) {
            throw AccessModelProblem.invalid("Code INSEE invalide « " + c.replaceAll("\\p{Cntrl}", "?")
                    + " » : cinq caractères, par exemple 59350.");
        }
        return c;
    }

    /** A logo's address: absolute http or https, with a host, at most 500 characters; null or blank means none. */
    public static String logo(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        boolean valid = u.length() <= 500 && u.chars().noneMatch(c -> Character.isISOControl(c) || c == ' ');
        if (valid) {
            try {
                java.net.URI uri = new java.net.URI(u);
                valid = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null;
            } catch (java.net.URISyntaxException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw AccessModelProblem.invalid("Adresse de logo invalide : une adresse web complète en https:// (ou "
                    + "http://), 500 caractères au plus.");
        }
        return u;
    }

    /** Longest organisation presentation: a few paragraphs, what its page shows above its records. */
    public static final int DESCRIPTION_MAX = 4000;

    /**
     * An organisation's presentation: at most {@value #DESCRIPTION_MAX} characters, line breaks and tabs allowed but
     * no other control character; null or blank means none.
     */
    public static String description(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("\r\n", "\n");
        if (t.length() > DESCRIPTION_MAX || t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'
                && c != '\t')) {
            throw AccessModelProblem.invalid("Présentation invalide : " + DESCRIPTION_MAX + " caractères au plus, "
                    + "sans caractère de contrôle.");
        }
        return t;
    }
}
