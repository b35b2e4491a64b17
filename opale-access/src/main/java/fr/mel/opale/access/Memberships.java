package fr.mel.opale.access;

import java.util.Map;
import java.util.Set;

/**
 * What a person belongs to, resolved once: organisation and project roles (projects reached through organisations and
 * other projects included) and the INSEE codes of the person's organisations.
 */
public record Memberships(Map<String, MembershipRole> organisations, Map<String, MembershipRole> projects,
                          Set<String> inseeCodes) {
    public static final Memberships NONE = new Memberships(Map.of(), Map.of(), Set.of());

    public Memberships {
        organisations = Map.copyOf(organisations);
        projects = Map.copyOf(projects);
        inseeCodes = Set.copyOf(inseeCodes);
    }

    /** How the policy finds a person's memberships (a short cache over the tables in production). */
    @FunctionalInterface
    public interface Lookup {
        Memberships of(long personId);

        Lookup NONE = personId -> Memberships.NONE;
    }
}
