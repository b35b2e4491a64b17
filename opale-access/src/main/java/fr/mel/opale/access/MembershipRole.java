package fr.mel.opale.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The one role a person (or an organisation, or a project) holds in an organisation or a project. Ordered: each role
 * includes the rights of the ones before it. Stored by {@link #slug()}: never change one. Only {@link AccessPolicy}
 * reads them to decide.
 */
public enum MembershipRole {
    /** Reads the restricted data of the organisation (or shared with the project). */
    MEMBER("member"),
    /** Also creates and edits the organisation's records and datasets, imports files for it, sees its drafts. */
    EDITOR("editor"),
    /** Also manages the organisation's members and settings (its own organisation only). */
    ADMIN("admin");

    private final String slug;

    MembershipRole(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** Whether this role gives at least the rights of {@code other}. */
    public boolean atLeast(MembershipRole other) {
        return compareTo(other) >= 0;
    }

    /** The stronger of two roles. */
    public static MembershipRole max(MembershipRole a, MembershipRole b) {
        return a.atLeast(b) ? a : b;
    }

    /** The role named {@code slug} ({@code member}, {@code editor}, {@code admin}, any case); empty otherwise. */
    public static Optional<MembershipRole> of(String slug) {
        String wanted = slug.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.slug.equals(wanted)).findFirst();
    }
}
