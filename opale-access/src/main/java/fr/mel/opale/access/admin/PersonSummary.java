package fr.mel.opale.access.admin;

import fr.mel.opale.access.PlatformRole;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person as the administrators' users page lists them.
 *
 * @param status        {@code PENDING} (address not verified yet), {@code ACTIVE} or {@code DISABLED}
 * @param platformRoles the roles an administrator may grant or take back here
 */
public record PersonSummary(long id, @Nullable String username, String displayName, @Nullable String email,
                            String status, Set<PlatformRole> platformRoles, Instant created,
                            @Nullable Instant lastLogin) {
    public boolean disabled() {
        return "DISABLED".equals(status);
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
