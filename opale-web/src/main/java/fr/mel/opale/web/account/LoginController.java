package fr.mel.opale.web.account;

import fr.mel.opale.access.account.Accounts;
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
 * {@code POST /deconnexion} logs out and lands on {@code /}.
 */
@Controller
class LoginController {
    static final String VIEW = "account/login";

    private final Accounts accounts;

    LoginController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/connexion")
    String login(@RequestParam(required = false) @Nullable String error,
                 @RequestParam(name = "bloque", required = false) @Nullable String locked,
                 @RequestParam(name = "en-attente", required = false) @Nullable String pending,
                 @RequestParam(name = "desactive", required = false) @Nullable String disabled, Model model) {
        String reason = null;
        if (locked != null) {
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
