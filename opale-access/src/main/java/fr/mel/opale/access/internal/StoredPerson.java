package fr.mel.opale.access.internal;

import fr.mel.opale.access.PlatformRole;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code person} with its platform roles.
 *
 * @param passwordHash null for people without a local password (only external identities)
 */
public record StoredPerson(long id, @Nullable String username, String displayName, @Nullable String email,
                           @Nullable Instant emailVerifiedAt, String language, PersonStatus status,
                           @Nullable String passwordHash, @Nullable Instant passwordChangedAt, Instant createdAt,
                           @Nullable Instant lastLoginAt, Set<PlatformRole> roles) {
    public StoredPerson {
        roles = Set.copyOf(roles);
    }

    /** The name the person is recorded under: login name, else email, else {@code personne-<id>}. */
    public String recordedName() {
        if (username != null) {
            return username;
        }
        return email != null ? email : "personne-" + id;
    }

    public PersonPrincipal principal() {
        return new PersonPrincipal(id, recordedName(), displayName);
    }

    public boolean active() {
        return status == PersonStatus.ACTIVE;
    }

    @Override
    public String toString() {
        return "StoredPerson[id=" + id + ", status=" + status + "]";
    }
}
