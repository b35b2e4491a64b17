package fr.mel.opale.access;

import org.jspecify.annotations.Nullable;

/**
 * The person (or API client) a request acts for.
 *
 * @param username      null for an anonymous visitor
 * @param platformAdmin true for the platform administrators
 */
public record Viewer(@Nullable String username, boolean platformAdmin) {
    public static final Viewer ANONYMOUS = new Viewer(null, false);

    public boolean anonymous() {
        return username == null;
    }
}
