package fr.mel.opale.access.internal;

import static fr.mel.opale.access.internal.Timestamps.column;

import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.Grant;
import fr.mel.opale.access.grant.GrantPrincipal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code access_grant} table, through {@link JdbcClient}. No rule, no transaction. */
@Component
public class GrantStore {
    private final JdbcClient jdbc;

    GrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Grant> of(String resourceId) {
        return jdbc.sql("SELECT principal, access_right FROM access_grant WHERE resource_id = ? ORDER BY id")
                .param(resourceId)
                .query((row, i) -> new Grant(resourceId, GrantPrincipal.parse(row.getString("principal")),
                        AccessRight.valueOf(row.getString("access_right"))))
                .list();
    }

    public void deleteAll(String resourceId) {
        jdbc.sql("DELETE FROM access_grant WHERE resource_id = ?").param(resourceId).update();
    }

    public void insert(Grant grant, @Nullable Long grantedBy) {
        jdbc.sql("INSERT INTO access_grant (resource_id, principal, access_right, granted_at, granted_by) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(grant.resourceId(), grant.principal().key(), grant.right().name(), column(Timestamps.now()),
                        grantedBy)
                .update();
    }

    /** Whether person {@code personId} exists (a grant to an unknown person is refused). */
    public boolean personExists(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE id = ?").param(personId).query(Long.class).single() > 0;
    }
}
