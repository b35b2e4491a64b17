package fr.mel.opale.access;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The person (or API client acting for a person) a request acts for. Built once per request by
 * {@link AccessPolicy#currentViewer()} (memberships come from a short cache dropped on every membership change); the
 * policy decides from it. Callers outside this module use {@link #personId()}, {@link #username()} and
 * {@link #displayName()} to name the viewer, and ask the policy for anything else: the roles are the policy's
 * business.
 *
 * @param personId      the person's stable id; null for anonymous visitors and for the platform itself
 *                      ({@link AccessPolicy#asPlatform})
 * @param username      the name the viewer is recorded under (who imported a file...): the login name, else the
 *                      email, else {@code personne-<id>}; null for an anonymous visitor
 * @param displayName   what the person is called on screen; null for an anonymous visitor
 * @param platformRoles never null; empty for most people
 * @param organisations organisation slug → the person's role in it (direct memberships only: a parent organisation
 *                      gives no right over its children's data)
 * @param projects      project slug → the person's role in it, directly or through an organisation or a project that
 *                      is a member (the strongest when several paths lead to it)
 * @param inseeCodes    the INSEE codes of the person's organisations that have one (communes): what row rules such as
 *                      {@code code_insee IN reader.organisations.insee} compare with
 */
public record Viewer(@Nullable Long personId, @Nullable String username, @Nullable String displayName,
                     Set<PlatformRole> platformRoles, Map<String, MembershipRole> organisations,
                     Map<String, MembershipRole> projects, Set<String> inseeCodes) {
    public static final Viewer ANONYMOUS = new Viewer(null, null, null, Set.of());

    public Viewer {
        platformRoles = Set.copyOf(platformRoles);
        organisations = Map.copyOf(organisations);
        projects = Map.copyOf(projects);
        inseeCodes = Set.copyOf(inseeCodes);
    }

    /** A viewer without organisation or project (the platform itself, a test's ad-hoc authentication). */
    public Viewer(@Nullable Long personId, @Nullable String username, @Nullable String displayName,
                  Set<PlatformRole> platformRoles) {
        this(personId, username, displayName, platformRoles, Map.of(), Map.of(), Set.of());
    }

    public boolean anonymous() {
        return username == null;
    }

    /** Whether the viewer administers the platform. For {@link AccessPolicy}: other callers ask the policy. */
    public boolean platformAdmin() {
        return platformRoles.contains(PlatformRole.ADMIN);
    }
}
