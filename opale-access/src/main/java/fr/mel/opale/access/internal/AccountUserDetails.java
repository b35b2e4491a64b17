package fr.mel.opale.access.internal;

import fr.mel.opale.access.AccessPolicy;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Feeds Spring Security (form login and HTTP Basic) from the local accounts. */
@Component
class AccountUserDetails implements UserDetailsService {
    private final AccountRepository accounts;

    AccountUserDetails(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findById(username)
                .orElseThrow(() -> new UsernameNotFoundException("Compte inconnu"));
        List<SimpleGrantedAuthority> authorities = account.platformAdmin()
                ? List.of(new SimpleGrantedAuthority(AccessPolicy.PLATFORM_ADMIN))
                : List.of();
        return User.withUsername(account.username()).password(account.passwordHash()).authorities(authorities).build();
    }
}
