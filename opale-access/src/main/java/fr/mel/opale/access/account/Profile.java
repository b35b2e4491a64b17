package fr.mel.opale.access.account;

import fr.mel.opale.access.PlatformRole;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What "Mon compte" shows of the current person.
 *
 * @param username      the login name of accounts made before sign-up (e.g. {@code admin}); null for sign-ups
 * @param email         null for accounts without one (the bootstrap administrator)
 * @param language      {@code fr} or {@code en}: the language of mails
 * @param hasPassword   whether the person can log in with a password (not those who only use an identity provider)
 * @param platformRoles for display only; decisions are {@link fr.mel.opale.access.AccessPolicy}'s
 */
public record Profile(long id, @Nullable String username, String displayName, @Nullable String email,
                      boolean emailVerified, String language, boolean hasPassword, Instant created,
                      @Nullable Instant lastLogin, Set<PlatformRole> platformRoles) {
}
