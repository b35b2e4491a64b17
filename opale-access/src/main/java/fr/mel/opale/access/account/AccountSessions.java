package fr.mel.opale.access.account;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.internal.SessionRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The current person's browser sessions: list them, end one, end them all ("logout everywhere"). Sessions live in the
 * database (Spring Session JDBC), so this sees the sessions of every browser and survives restarts.
 */
@Service
public class AccountSessions {
    private final SessionRegistry registry;
    private final AccessPolicy policy;
    private final Audit audit;

    AccountSessions(SessionRegistry registry, AccessPolicy policy, Audit audit) {
        this.registry = registry;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * The current person's sessions, most recently used first.
     *
     * @param currentSessionId the session of the request, marked {@link ActiveSession#current()}
     */
    public List<ActiveSession> mine(@Nullable String currentSessionId) {
        String current = currentSessionId == null ? "" : SessionRegistry.handle(currentSessionId);
        return registry.of(person()).stream().map(s -> new ActiveSession(s.handle(), s.created(), s.lastAccessed(),
                s.ip(), s.userAgent(), s.handle().equals(current))).toList();
    }

    /** Ends the current person's session named {@code handle}; false when they have none such. */
    public boolean end(String handle) {
        long person = person();
        boolean ended = registry.end(person, handle);
        if (ended) {
            audit.record(AuditKind.SESSION_REVOKED, person, null, null, null);
        }
        return ended;
    }

    /** Ends every session of the current person, this one included; returns how many. */
    public int endEverywhere() {
        long person = person();
        int ended = registry.endAll(person, null);
        audit.record(AuditKind.LOGOUT_EVERYWHERE, person, null, null, ended + " session(s)");
        return ended;
    }

    private long person() {
        Viewer viewer = policy.currentViewer();
        if (viewer.personId() == null) {
            throw new AccessDenied(viewer);
        }
        return viewer.personId();
    }
}
