package fr.mel.opale.access.internal;

import fr.mel.opale.access.PlatformRole;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A person's platform roles as Spring Security authorities, and back (for {@link fr.mel.opale.access.AccessPolicy}). */
public final class Authorities {
    private Authorities() {
    }

    public static List<GrantedAuthority> of(Set<PlatformRole> roles) {
        return roles.stream().sorted().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    public static Set<PlatformRole> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        for (GrantedAuthority authority : authorities) {
            for (PlatformRole role : PlatformRole.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
