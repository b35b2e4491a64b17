package fr.mel.opale.web.account;

import fr.mel.opale.access.account.AccountPaths;
import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.access.account.Accounts;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgotten password: {@code /mot-de-passe-oublie} (an address) → "if an account has this address, a link was sent"
 * (the same answer for every address) → the mailed link {@code /mot-de-passe/nouveau?jeton=…}: the new password,
 * twice. Every session of the account ends; the person then logs in with the new password.
 */
@Controller
class PasswordResetController {
    static final String FORGOT = "account/forgot";
    static final String RESET = "account/reset";

    private final Accounts accounts;

    PasswordResetController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/mot-de-passe-oublie")
    String forgot(Model model) {
        model.addAttribute("form", FormView.EMPTY);
        return FORGOT;
    }

    @PostMapping("/mot-de-passe-oublie")
    String request(@RequestParam(name = "email", required = false) @Nullable String email,
                   @ModelAttribute("page") PageContext page, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        try {
            accounts.requestPasswordReset(email, request.getRemoteAddr());
            return "redirect:/mot-de-passe-oublie/envoye";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            model.addAttribute("form", FormView.of(problem, page, Map.of("email", email == null ? "" : email)));
            return FORGOT;
        }
    }

    @GetMapping("/mot-de-passe-oublie/envoye")
    String sent(Model model) {
        return LinkPages.message(model, "reset.sent.title", "reset.sent.text", "/connexion", "reset.sent.next");
    }

    @GetMapping(AccountPaths.RESET)
    String resetForm(@RequestParam(name = AccountPaths.TOKEN, required = false) @Nullable String token,
                     HttpServletResponse response, Model model) {
        if (!accounts.linkUsable(token, Accounts.LinkKind.RESET)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return LinkPages.invalidLink(model);
        }
        // the new-password form carries the link itself
        model.addAttribute("token", token);
        model.addAttribute("form", FormView.EMPTY);
        return RESET;
    }

    @PostMapping(AccountPaths.RESET)
    String reset(@RequestParam(name = AccountPaths.TOKEN, required = false) @Nullable String token,
                 @RequestParam(name = "password", required = false) @Nullable String password,
                 @RequestParam(name = "confirmation", required = false) @Nullable String confirmation,
                 @ModelAttribute("page") PageContext page, HttpServletResponse response, Model model) {
        try {
            accounts.resetPassword(token, password, confirmation);
            return LinkPages.message(model, "reset.done.title", "reset.done.text", "/connexion",
                    "reset.done.next");
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            if (problem.fields().isEmpty()) {
                return LinkPages.invalidLink(model);
            }
            model.addAttribute("token", token);
            model.addAttribute("form", FormView.of(problem, page, Map.of()));
            return RESET;
        }
    }
}
