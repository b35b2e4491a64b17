package fr.mel.opale.web.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /connexion}: the login form. Spring Security (configured in opale-access) processes
 * {@code POST /connexion}, redirects back here with {@code ?error} on failure, and to {@code /} on success;
 * {@code POST /deconnexion} logs out and lands on {@code /}.
 */
@Controller
class LoginController {
    static final String VIEW = "account/login";

    @GetMapping("/connexion")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        return VIEW;
    }
}
