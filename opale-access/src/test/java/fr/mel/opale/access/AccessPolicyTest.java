package fr.mel.opale.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.Grant;
import fr.mel.opale.access.grant.GrantPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The policy alone, as the injectable port it is: no Spring, no database, no security context — viewers and grants
 * made by hand. Reading, editing, sharing and the reader keys, for each kind of resource.
 */
class AccessPolicyTest {
    private static final String RESTRICTED_ID = "restreinte";
    private final AccessPolicy policy = new AccessPolicy(Memberships.Lookup.NONE, resource -> resource.equals(RESTRICTED_ID)
            ? List.of(new Grant(resource, GrantPrincipal.project("plan"), AccessRight.READ),
                      new Grant(resource, GrantPrincipal.person(7), AccessRight.WRITE))
            : List.of());

    private static Viewer person(long id, Map<String, MembershipRole> organisations, Map<String, MembershipRole> projects) {
        return new Viewer(id, "p" + id, "P" + id, Set.of(), organisations, projects, Set.of());
    }

    private final Viewer citizen = person(1, Map.of(), Map.of());
    private final Viewer memberA = person(2, Map.of("a", MembershipRole.MEMBER), Map.of());
    private final Viewer editorA = person(3, Map.of("a", MembershipRole.EDITOR), Map.of());
    private final Viewer adminA = person(4, Map.of("a", MembershipRole.ADMIN), Map.of());
    private final Viewer planMember = person(5, Map.of(), Map.of("plan", MembershipRole.MEMBER));
    private final Viewer writer = person(7, Map.of(), Map.of());
    private final Viewer platform = new Viewer(9L, "admin", "Admin", Set.of(PlatformRole.ADMIN));

    private final Protected open = new Protected("ouverte", "a", Visibility.PUBLIC);
    private final Protected restricted = new Protected(RESTRICTED_ID, "a", Visibility.RESTRICTED);
    private final Protected draft = new Protected("brouillon", "a", Visibility.DRAFT);
    private final Protected platformOwned = new Protected("ancienne", null, Visibility.RESTRICTED);

    @Test
    void reading() {
        for (Viewer v : List.of(Viewer.ANONYMOUS, citizen, memberA, editorA, planMember, writer, platform)) {
            assertThat(policy.canRead(v, open)).isTrue();
        }
        assertThat(policy.canRead(Viewer.ANONYMOUS, restricted)).isFalse();
        assertThat(policy.canRead(citizen, restricted)).isFalse();
        assertThat(policy.canRead(memberA, restricted)).as("members of the owner").isTrue();
        assertThat(policy.canRead(planMember, restricted)).as("granted to the project").isTrue();
        assertThat(policy.canRead(writer, restricted)).as("granted to the person").isTrue();
        assertThat(policy.canRead(memberA, draft)).as("drafts: editors only").isFalse();
        assertThat(policy.canRead(editorA, draft)).isTrue();
        assertThat(policy.canRead(adminA, draft)).isTrue();
        assertThat(policy.canRead(writer, draft)).as("a grant does not open a draft").isFalse();
        assertThat(policy.canRead(memberA, platformOwned)).isFalse();
        assertThat(policy.canRead(platform, platformOwned)).isTrue();
        assertThat(policy.canRead(platform, Protected.unpublished())).isTrue();
        assertThat(policy.canRead(editorA, Protected.unpublished())).isFalse();
    }

    @Test
    void editingAndSharing() {
        assertThat(policy.canEditCatalog(memberA, open)).isFalse();
        assertThat(policy.canEditCatalog(editorA, open)).isTrue();
        assertThat(policy.canEditDataset(editorA, draft)).isTrue();
        assertThat(policy.canEditCatalog(writer, restricted)).as("write grant").isTrue();
        assertThat(policy.canEditCatalog(planMember, restricted)).as("read grant").isFalse();
        assertThat(policy.canManageAccess(writer, restricted)).as("a write grant does not share").isFalse();
        assertThat(policy.canManageAccess(editorA, restricted)).isTrue();
        assertThat(policy.canEditCatalog(editorA, platformOwned)).isFalse();
        assertThat(policy.canEditCatalog(platform, platformOwned)).isTrue();
        assertThat(policy.canPublish(editorA)).isTrue();
        assertThat(policy.canPublish(memberA)).isFalse();
        assertThat(policy.canPublishFor(editorA, "a")).isTrue();
        assertThat(policy.canPublishFor(editorA, "b")).isFalse();
        assertThat(policy.canManageOrganisation(adminA, "a")).isTrue();
        assertThat(policy.canManageOrganisation(editorA, "a")).isFalse();
        assertThat(policy.canManageOrganisation(adminA, "b")).isFalse();
    }

    @Test
    void readerKeysAndFiltersAgree() {
        assertThat(policy.readersOf(open)).containsExactly("public");
        assertThat(policy.readersOf(restricted)).containsExactlyInAnyOrder("organisation:a", "project:plan", "person:7");
        assertThat(policy.readersOf(draft)).containsExactly("editor:a");
        assertThat(policy.readFilter(Viewer.ANONYMOUS)).isEqualTo(ReadFilter.PUBLIC_ONLY);
        assertThat(policy.readFilter(editorA).keys())
                .containsExactlyInAnyOrder("public", "logged-in", "person:3", "organisation:a", "editor:a");
        assertThat(policy.readFilter(platform).everything()).isTrue();
        for (Viewer v : List.of(Viewer.ANONYMOUS, citizen, memberA, editorA, planMember, writer, platform)) {
            for (Protected p : List.of(open, restricted, draft, platformOwned)) {
                assertThat(policy.readFilter(v).admits(policy.readersOf(p))).as(v + " " + p)
                        .isEqualTo(policy.canRead(v, p));
            }
        }
        assertThat(policy.readFilter(Viewer.ANONYMOUS).sql("v", "o", "i").sql()).isEqualTo("(v = :rf_public)");
        assertThat(policy.readFilter(platform).sql("v", "o", "i").sql()).isEqualTo("1 = 1");
    }

    @Test
    void cacheability() {
        assertThat(policy.publiclyCacheable(open)).isTrue();
        assertThat(policy.publiclyCacheable(restricted)).isFalse();
        assertThat(policy.publiclyCacheable(draft)).isFalse();
    }
}
