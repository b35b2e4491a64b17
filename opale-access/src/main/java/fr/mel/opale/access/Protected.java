package fr.mel.opale.access;

import org.jspecify.annotations.Nullable;

/**
 * What the policy needs to know of a resource to decide: who owns it and how visible it is.
 *
 * @param ownerOrganisation id of the owning organisation, or {@code null} while the resource belongs to the platform
 * @param visibility        never null
 */
public record Protected(@Nullable String ownerOrganisation, Visibility visibility) {
    public static Protected publicResource() {
        return new Protected(null, Visibility.PUBLIC);
    }
}
