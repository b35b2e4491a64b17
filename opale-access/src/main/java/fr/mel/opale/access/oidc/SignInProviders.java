package fr.mel.opale.access.oidc;

import java.util.List;

/** The declared providers as the login page shows them: one button each, in id order. */
public class SignInProviders {
    /**
     * @param path where the button leads: the authorization request, then the provider's login page
     */
    public record SignInProvider(String id, String label, ProviderKind kind, String path) {
    }

    private final List<SignInProvider> providers;

    SignInProviders(ProviderRegistrations registrations) {
        this.providers = registrations.settings().stream()
                .map(p -> new SignInProvider(p.id(), p.label(), p.kind(), OidcLogin.AUTHORIZATION + "/" + p.id()))
                .toList();
    }

    public List<SignInProvider> all() {
        return providers;
    }
}
