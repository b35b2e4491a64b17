package fr.mel.opale.access.internal;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Memberships;
import fr.mel.opale.access.grant.Grant;
import fr.mel.opale.access.grant.GrantLookup;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the policy reads about people and resources, behind short bounded caches: a person's memberships (read on
 * each request that carries a person) and a resource's grants (read for each protected resource shown). Both are
 * dropped on every {@link AccessChanged} once its transaction ends, so a change applies from the next request; the
 * one-minute expiry only bounds what another node's change could leave stale. A read racing a commit never stores
 * a stale answer ({@link GenerationCache}: entries are kept per generation).
 */
@Component
public class AccessDirectory implements Memberships.Lookup, GrantLookup {
    private final JdbcClient jdbc;
    private final GrantStore grants;
    private final GenerationCache<Long, Memberships> memberships =
            new GenerationCache<>(10_000, Duration.ofMinutes(1));
    private final GenerationCache<String, List<Grant>> grantsByResource =
            new GenerationCache<>(50_000, Duration.ofMinutes(1));

    AccessDirectory(JdbcClient jdbc, GrantStore grants) {
        this.jdbc = jdbc;
        this.grants = grants;
    }

    @Override
    public Memberships of(long personId) {
        return memberships.get(personId, this::load);
    }

    @Override
    public List<Grant> of(String resourceId) {
        return grantsByResource.get(resourceId, id -> List.copyOf(grants.of(id)));
    }

    @Override
    public List<Grant> fresh(String resourceId) {
        return List.copyOf(grants.of(resourceId));
    }

    /**
     * A change of memberships or grants is being written (published inside its transaction): the changing
     * transaction reads past the caches, and everything read so far is forgotten now and again when it ends — so
     * that a read racing the commit cannot store a stale answer (see {@link GenerationCache}).
     */
    @EventListener
    void changing(AccessChanged change) {
        (change.kind() == AccessChanged.Kind.GRANTS ? grantsByResource : memberships).changing();
    }

    /** Forgets once more when the change's transaction has ended (committed or rolled back). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void changed(AccessChanged change) {
        (change.kind() == AccessChanged.Kind.GRANTS ? grantsByResource : memberships).forget();
    }

    private Memberships load(long personId) {
        Map<String, MembershipRole> organisations = new HashMap<>();
        Set<String> insee = new HashSet<>();
        jdbc.sql("SELECT o.slug, o.insee_code, m.role FROM organisation_member m "
                        + "JOIN organisation o ON o.id = m.organisation_id WHERE m.person_id = ?")
                .param(personId).query(row -> {
                    organisations.put(row.getString("slug"), OrganisationStore.role(row.getString("role")));
                    if (row.getString("insee_code") != null) {
                        insee.add(row.getString("insee_code"));
                    }
                });
        // projects reached directly or through one of the person's organisations, with the role the membership states
        Map<Long, MembershipRole> byId = new HashMap<>();
        jdbc.sql("SELECT project_id, role FROM project_member WHERE person_id = :p OR organisation_id IN "
                        + "(SELECT organisation_id FROM organisation_member WHERE person_id = :p)")
                .param("p", personId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) row -> {
                    byId.merge(row.getLong("project_id"), OrganisationStore.role(row.getString("role")),
                            MembershipRole::max);
                });
        if (!byId.isEmpty()) {
            // then the projects containing those projects, and so on (the service forbids cycles; the visited set
            // stops here anyway)
            Map<Long, List<long[]>> containers = new HashMap<>();
            jdbc.sql("SELECT project_id, member_project_id, role FROM project_member WHERE member_project_id IS NOT NULL")
                    .query((org.springframework.jdbc.core.RowCallbackHandler) row -> {
                        containers.computeIfAbsent(row.getLong("member_project_id"), k -> new java.util.ArrayList<>())
                                .add(new long[] {row.getLong("project_id"),
                                        OrganisationStore.role(row.getString("role")).ordinal()});
                    });
            Deque<Long> todo = new ArrayDeque<>(byId.keySet());
            Set<Long> seen = new HashSet<>(byId.keySet());
            while (!todo.isEmpty()) {
                for (long[] container : containers.getOrDefault(todo.pop(), List.of())) {
                    byId.merge(container[0], MembershipRole.values()[(int) container[1]], MembershipRole::max);
                    if (seen.add(container[0])) {
                        todo.push(container[0]);
                    }
                }
            }
        }
        Map<String, MembershipRole> projects = new HashMap<>();
        if (!byId.isEmpty()) {
            jdbc.sql("SELECT id, slug FROM project WHERE id IN (:ids)").param("ids", byId.keySet())
                    .query(row -> {
                        projects.put(row.getString("slug"), byId.get(row.getLong("id")));
                    });
        }
        return new Memberships(organisations, projects, insee);
    }
}
