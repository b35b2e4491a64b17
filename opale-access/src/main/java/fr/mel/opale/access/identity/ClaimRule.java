package fr.mel.opale.access.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One rule of the claim mapping: when the claim {@link #claim} of a login (through {@link #provider}, or any) has a
 * value matching {@link #value}, the person gets {@link #role} in {@link #organisation}.
 *
 * <p>{@code value} is matched whole, case-sensitively, with two wildcards: {@code *} (any run of characters, empty
 * included) and {@code ?} (one character). {@code organisation} may name what the wildcards matched: {@code {1}} is
 * the first {@code *} or {@code ?}, {@code {2}} the second...; the result is lower-cased and must be a slug. So
 * {@code groups: EL_*} with {@code organisation: "{1}"} gives {@code lambersart} for the group {@code EL_LAMBERSART}.
 *
 * @param provider     the provider id it applies to; null for every provider
 * @param claim        the claim's name; a dotted path reads into objects ({@code realm_access.roles})
 * @param value        the pattern
 * @param organisation a slug, or a template with {@code {n}}
 * @param role         {@code member}, {@code editor} or {@code admin}
 */
public record ClaimRule(@Nullable String provider, String claim, String value, String organisation, String role) {
    /** Organisation roles. */
    public static final List<String> ROLES = List.of("member", "editor", "admin");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    /** The grant for a claim value, if it matches. */
    Optional<OrganisationRole> apply(String claimValue) {
        Matcher matcher = regex().matcher(claimValue);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        StringBuilder slug = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(organisation);
        while (placeholder.find()) {
            int group = Integer.parseInt(placeholder.group(1));
            String captured = group >= 1 && group <= matcher.groupCount() ? matcher.group(group) : "";
            placeholder.appendReplacement(slug, Matcher.quoteReplacement(slugify(captured)));
        }
        placeholder.appendTail(slug);
        String result = slug.toString().toLowerCase(Locale.ROOT);
        return SLUG.matcher(result).matches() ? Optional.of(new OrganisationRole(result, role)) : Optional.empty();
    }

    /** What is wrong with this rule, in French; empty when it is valid. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (claim.isBlank()) {
            problems.add("« claim » manque (le nom de la revendication, p. ex. groups)");
        }
        if (value.isEmpty()) {
            problems.add("« value » manque (la valeur attendue, jokers * et ? permis)");
        }
        if (!ROLES.contains(role)) {
            problems.add("« role » doit valoir member, editor ou admin (et non « " + role + " »)");
        }
        String probe = PLACEHOLDER.matcher(organisation).replaceAll("x");
        if (!SLUG.matcher(probe).matches()) {
            problems.add("« organisation » doit être un identifiant en minuscules (lettres, chiffres, tirets), "
                    + "avec éventuellement {1}, {2}... (et non « " + organisation + " »)");
        }
        Matcher placeholder = PLACEHOLDER.matcher(organisation);
        long wildcards = value.chars().filter(c -> c == '*' || c == '?').count();
        while (placeholder.find()) {
            if (Integer.parseInt(placeholder.group(1)) < 1 || Integer.parseInt(placeholder.group(1)) > wildcards) {
                problems.add("« organisation » nomme {" + placeholder.group(1) + "} mais « value » n'a que "
                        + wildcards + " joker(s)");
            }
        }
        return problems;
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? "(.*?)" : "(.)");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String slugify(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
