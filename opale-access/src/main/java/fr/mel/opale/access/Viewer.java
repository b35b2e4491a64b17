package fr.mel.opale.access;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The person (or API client acting for a person) a request acts for. Built by {@link AccessPolicy#currentViewer()};
 * the policy decides from it. Callers outside this module use {@link #personId()}, {@link #username()} and
 * {@link #displayName()} to name the viewer, and ask the policy for anything else: the roles are the policy's
 * business.
 *
 * @param personId      the person's stable id; null for anonymous visitors and for the platform itself
 *                      ({@link AccessPolicy#asPlatform})
 * @param username      the name the viewer is recorded under (who imported a file...): the login name, else the
 *                      email, else {@code personne-<id>}; null for an anonymous visitor
 * @param displayName   what the person is called on screen; null for an anonymous visitor
 * @param platformRoles never null; empty for most people. Organisation memberships join this record later
 */
public record Viewer(@Nullable Long personId, @Nullable String username, @Nullable String displayName,
                     Set<PlatformRole> platformRoles) {
    public static final Viewer ANONYMOUS = new Viewer(null, null, null, Set.of());

    public Viewer {
        platformRoles = Set.copyOf(platformRoles);
    }

    public boolean anonymous() {
        return username == null;
    }

    /** Whether the viewer administers the platform. For {@link AccessPolicy}: other callers ask the policy. */
    public boolean platformAdmin() {
        return platformRoles.contains(PlatformRole.ADMIN);
    }
}
