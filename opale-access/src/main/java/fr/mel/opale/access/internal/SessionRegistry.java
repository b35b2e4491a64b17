package fr.mel.opale.access.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's browser sessions, found in Spring Session's tables by the person id they are indexed under
 * ({@link PersonPrincipal#getName()}). A session is named outside by a <em>handle</em>, the first characters of the
 * SHA-256 of its id: the id is the cookie's value and never leaves the server, not even to its owner's page.
 */
@Component
public class SessionRegistry {
    /** Session attributes set at login, to tell sessions apart in "Mon compte". */
    public static final String IP = "opale.session.ip";
    public static final String AGENT = "opale.session.agent";

    /**
     * One session.
     *
     * @param handle     its public name
     * @param ip         the address it logged in from
     * @param userAgent  the browser's {@code User-Agent} at login, cut to 300 characters
     */
    public record SessionView(String handle, Instant created, Instant lastAccessed, @Nullable String ip,
                              @Nullable String userAgent) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    public static String handle(String sessionId) {
        return Secrets.sha256(sessionId).substring(0, 16);
    }

    /** The person's sessions, most recently used first. */
    public List<SessionView> of(long personId) {
        return byId(personId).values().stream()
                .map(s -> new SessionView(handle(s.getId()), s.getCreationTime(), s.getLastAccessedTime(),
                        s.getAttribute(IP), s.getAttribute(AGENT)))
                .sorted(Comparator.comparing(SessionView::lastAccessed).reversed()).toList();
    }

    /** Ends the person's session named {@code handle}; false when they have none such. */
    public boolean end(long personId, String handle) {
        for (String id : byId(personId).keySet()) {
            if (handle(id).equals(handle)) {
                sessions.deleteById(id);
                return true;
            }
        }
        return false;
    }

    /** Ends every session of the person but {@code keptSessionId} (null: all); returns how many. */
    public int endAll(long personId, @Nullable String keptSessionId) {
        int ended = 0;
        for (String id : byId(personId).keySet()) {
            if (!id.equals(keptSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    private Map<String, ? extends Session> byId(long personId) {
        return sessions.findByPrincipalName(PersonPrincipal.nameOf(personId));
    }
}
