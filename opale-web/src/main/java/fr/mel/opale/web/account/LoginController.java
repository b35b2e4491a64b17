package fr.mel.opale.web.account;

import fr.mel.opale.access.account.Accounts;
import fr.mel.opale.access.oidc.SignInProviders;
import fr.mel.opale.web.assets.Assets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /connexion}: the login form. Spring Security (configured in opale-access) processes
 * {@code POST /connexion} and comes back here with the reason of a failure: {@code ?error} (wrong login or password,
 * the same for unknown accounts), {@code ?bloque=<minutes>} (too many failures), {@code ?en-attente} (address not
 * verified yet), {@code ?desactive}; on success it goes to the page asked for, else {@code /}.
 * {@code POST /deconnexion} logs out and lands on {@code /} (through the provider's end-session endpoint first for
 * a provider login).
 *
 * <p>One button per declared OpenID Connect provider (FranceConnect's and ProConnect's as their guidelines draw
 * them); a provider login that did not become an Opale login comes back with {@code ?fournisseur=<code>}, shown as
 * a French message ({@code login.provider.<code>}; an unknown code is shown as a generic failure, never echoed).
 */
@Controller
class LoginController {
    static final String VIEW = "account/login";

    /** The codes of {@code ProviderLoginOutcomes} and {@code ProviderSignIn} in opale-access. */
    private static final Set<String> PROVIDER_REASONS = Set.of("annule", "echec", "indisponible", "email-absent",
            "email-non-verifie", "desactive");

    private final Accounts accounts;
    private final SignInProviders providers;

    private final Assets assets;

    LoginController(Accounts accounts, SignInProviders providers, Assets assets) {
        this.assets = assets;
        this.accounts = accounts;
        this.providers = providers;
    }

    @GetMapping("/connexion")
    String login(@RequestParam(required = false) @Nullable String error,
                 @RequestParam(name = "bloque", required = false) @Nullable String locked,
                 @RequestParam(name = "en-attente", required = false) @Nullable String pending,
                 @RequestParam(name = "desactive", required = false) @Nullable String disabled,
                 @RequestParam(name = "fournisseur", required = false) @Nullable String provider,
                 @RequestParam(name = "cle-refusee", required = false) @Nullable String passkeyRefused, Model model) {
        String reason = null;
        if (passkeyRefused != null) {
            reason = "login.passkey.refused";
        } else if (provider != null) {
            reason = "login.provider." + (PROVIDER_REASONS.contains(provider) ? provider : "echec");
        } else if (locked != null) {
            reason = "login.locked";
        } else if (pending != null) {
            reason = "login.pending";
        } else if (disabled != null) {
            reason = "login.disabled";
        } else if (error != null) {
            reason = "login.error";
        }
        model.addAttribute("reason", reason);
        model.addAttribute("minutes", minutes(locked));
        model.addAttribute("signUpOpen", accounts.signUpOpen());
        model.addAttribute("providers", providers.all());
        model.addAttribute("script", assets.url("cles.js"));
        return VIEW;
    }

    private static int minutes(@Nullable String locked) {
        try {
            return locked == null ? 0 : Math.max(1, Math.min(1440, Integer.parseInt(locked)));
        } catch (NumberFormatException e) {
            return 15;
        }
    }
}
