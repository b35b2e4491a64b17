package fr.mel.opale.catalog.ownership;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The operator's mapping from publishers to owner organisations.
 *
 * @param publishers publisher names, {@linkplain PublisherNames#normalised normalised}, to organisation slugs
 * @param domains    email domains (lower case) to organisation slugs
 * @param fallback   the owner of records whose publisher nothing maps; null: the platform
 * @param source     where the rules come from, for messages
 */
public record OwnerRules(Map<String, String> publishers, Map<String, String> domains, @Nullable String fallback,
                         String source) {
    public static final OwnerRules NONE = new OwnerRules(Map.of(), Map.of(), null, "aucune (noms des organisations)");

    public OwnerRules {
        publishers = Map.copyOf(publishers);
        domains = Map.copyOf(domains);
    }
}
