package fr.mel.opale.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Roles a person holds on the whole platform, whatever their organisations. Stored by {@link #slug()}: never change
 * one. Only {@link AccessPolicy} reads them.
 */
public enum PlatformRole {
    /** Administers the platform: users, thesauri, every record and dataset. */
    ADMIN("admin"),
    /** Moderates contributions and discussions (arrives with them); no other right today. */
    MODERATOR("moderator");

    private final String slug;

    PlatformRole(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The role named {@code slug} ({@code admin}, {@code moderator}, any case); empty for anything else. */
    public static Optional<PlatformRole> of(String slug) {
        String wanted = slug.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.slug.equals(wanted)).findFirst();
    }

    /** The Spring Security authority carrying this role. */
    public String authority() {
        return "ROLE_PLATFORM_" + name();
    }
}
