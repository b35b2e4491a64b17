package fr.mel.opale.access.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of the current person's browser sessions, as "Mon compte" lists them.
 *
 * @param handle    names the session to end it; not its id (the id is the cookie's value and never leaves the server)
 * @param ip        the address it logged in from
 * @param userAgent the browser that logged in
 * @param current   whether it is the session of the request asking
 */
public record ActiveSession(String handle, Instant created, Instant lastAccessed, @Nullable String ip,
                            @Nullable String userAgent, boolean current) {
}
