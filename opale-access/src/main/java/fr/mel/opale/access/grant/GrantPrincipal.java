package fr.mel.opale.access.grant;

import fr.mel.opale.access.AccessModelProblem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whom a grant is for: an organisation (all its members), a project (all who belong to it, directly or through an
 * organisation or project), one person, or any logged-in person. Stored and compared as its {@link #key()}
 * ({@code organisation:lambersart}, {@code project:plui}, {@code person:42}, {@code logged-in}), which is also what
 * the policy matches against the keys a viewer holds, in memory and in SQL alike.
 *
 * @param kind what sort of principal
 * @param name the organisation or project slug, or the person id; empty for {@link Kind#LOGGED_IN}
 */
public record GrantPrincipal(Kind kind, String name) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public enum Kind {
        ORGANISATION("organisation"), PROJECT("project"), PERSON("person"), LOGGED_IN("logged-in");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public GrantPrincipal {
        if (kind == Kind.LOGGED_IN ? !name.isEmpty() : name.isEmpty()) {
            throw new IllegalArgumentException("principal " + kind + " « " + name + " »");
        }
    }

    public static final GrantPrincipal LOGGED_IN = new GrantPrincipal(Kind.LOGGED_IN, "");

    public static GrantPrincipal organisation(String slug) {
        return new GrantPrincipal(Kind.ORGANISATION, slug);
    }

    public static GrantPrincipal project(String slug) {
        return new GrantPrincipal(Kind.PROJECT, slug);
    }

    public static GrantPrincipal person(long id) {
        return new GrantPrincipal(Kind.PERSON, Long.toString(id));
    }

    /** The stored form: {@code organisation:<slug>}, {@code project:<slug>}, {@code person:<id>}, {@code logged-in}. */
    public String key() {
        return kind == Kind.LOGGED_IN ? kind.prefix : kind.prefix + ":" + name;
    }

    /** Reads a {@link #key()}; a French {@link AccessModelProblem} for anything malformed. */
    public static GrantPrincipal parse(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        if (k.equals(Kind.LOGGED_IN.prefix)) {
            return LOGGED_IN;
        }
        int colon = k.indexOf(':');
        if (colon > 0) {
            String prefix = k.substring(0, colon);
            String name = k.substring(colon + 1);
            for (Kind kind : Kind.values()) {
                if (kind != Kind.LOGGED_IN && kind.prefix.equals(prefix)) {
                    boolean valid = kind == Kind.PERSON ? name.matches("[0-9]{1,18}") : SLUG.matcher(name).matches();
                    if (valid && name.length() <= 100) {
                        return new GrantPrincipal(kind, name);
                    }
                }
            }
        }
        throw AccessModelProblem.invalid("Bénéficiaire inconnu « " + shorten(key) + " » : attendu organisation:<identifiant>, "
                + "project:<identifiant>, person:<numéro> ou logged-in.");
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 59) + "…";
    }
}
