package fr.mel.opale.access;

import org.jspecify.annotations.Nullable;

/**
 * What the policy needs to know of a resource to decide: which it is (its grants hang on that id), who owns it and
 * how visible it is.
 *
 * @param resourceId        the id grants are recorded under (a record's id; a dataset is protected by the record
 *                          describing it); null for a resource not stored yet, which then has no grant
 * @param ownerOrganisation slug of the owning organisation, or {@code null} for resources the platform owns
 *                          (records from before organisations: platform administrators edit them)
 * @param visibility        never null
 */
public record Protected(@Nullable String resourceId, @Nullable String ownerOrganisation, Visibility visibility) {
    /** A resource not stored yet (no grant). */
    public Protected(@Nullable String ownerOrganisation, Visibility visibility) {
        this(null, ownerOrganisation, visibility);
    }

    public static Protected publicResource() {
        return new Protected(null, null, Visibility.PUBLIC);
    }

    /**
     * What is not published (yet, or any more): a dataset without a record, a record that is gone. Restricted, no
     * owner, no grant: platform administrators only.
     */
    public static Protected unpublished() {
        return new Protected(null, null, Visibility.RESTRICTED);
    }

    /** A new resource for {@code ownerOrganisation} (null: the platform) with {@code visibility}, not stored yet. */
    public static Protected newResource(@Nullable String ownerOrganisation, Visibility visibility) {
        return new Protected(null, ownerOrganisation, visibility);
    }
}
