package fr.mel.opale.access.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The claim mapping: which organisations and roles a login's claims give. Configured in a YAML file
 * ({@link ClaimRulesFile}); applied at each login by the organisations to come, which add what it gives and remove
 * what it no longer gives. Immutable and thread-safe.
 *
 * @param rules    tried in order, all of them: a login may match several
 * @param defaults given when no rule matched a login through their provider (e.g. citizens coming through
 *                 FranceConnect become members of a « citoyens » organisation); their {@code claim} and
 *                 {@code value} are unused
 * @param source   where the rules came from, for the logs
 */
public record ClaimRules(List<ClaimRule> rules, List<ClaimRule> defaults, String source) {
    public static final ClaimRules NONE = new ClaimRules(List.of(), List.of(), "aucune règle");

    public ClaimRules {
        rules = List.copyOf(rules);
        defaults = List.copyOf(defaults);
    }

    /**
     * The organisation roles that a login through {@code provider} with {@code claims} gives, each once, in rule
     * order. A claim may be a string, a number, a boolean or a list of them (each element tried); objects are read
     * through dotted paths.
     */
    public List<OrganisationRole> match(String provider, Map<String, ?> claims) {
        Set<OrganisationRole> granted = new LinkedHashSet<>();
        for (ClaimRule rule : rules) {
            if (appliesTo(rule, provider)) {
                for (String value : values(claims, rule.claim())) {
                    rule.apply(value).ifPresent(granted::add);
                }
            }
        }
        if (granted.isEmpty()) {
            for (ClaimRule fallback : defaults) {
                if (appliesTo(fallback, provider)) {
                    granted.add(new OrganisationRole(fallback.organisation(), fallback.role()));
                }
            }
        }
        return List.copyOf(granted);
    }

    private static boolean appliesTo(ClaimRule rule, String provider) {
        return rule.provider() == null || rule.provider().equals(provider);
    }

    private static List<String> values(Map<String, ?> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return List.of();
            }
            current = map.get(part);
        }
        List<String> values = new ArrayList<>();
        collect(current, values);
        return values;
    }

    private static void collect(@Nullable Object value, List<String> into) {
        if (value instanceof Collection<?> many) {
            many.forEach(v -> collect(v, into));
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            into.add(value.toString());
        }
    }
}
