package fr.mel.opale.web.account;

import fr.mel.opale.access.AccessPolicy;
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
 * Sign-up: {@code /inscription} (display name, email, password twice) → {@code /inscription/envoyee} ("a link was
 * sent", the same answer whether the address had an account or not) → the mailed link
 * {@code /inscription/confirmation?jeton=…}, which shows a button: the address is verified by the POST, so that a
 * mail scanner that follows links does not use the single-use link up ({@link LinkPages}). Without SMTP the form says
 * sign-up is closed.
 */
@Controller
class SignUpController {
    static final String FORM = "account/signup";

    private final Accounts accounts;
    private final AccessPolicy policy;

    SignUpController(Accounts accounts, AccessPolicy policy) {
        this.accounts = accounts;
        this.policy = policy;
    }

    @GetMapping("/inscription")
    String form(Model model) {
        if (!policy.currentViewer().anonymous()) {
            return "redirect:/compte";
        }
        return form(model, FormView.EMPTY);
    }

    @PostMapping("/inscription")
    String signUp(@RequestParam(name = "displayName", required = false) @Nullable String displayName,
                  @RequestParam(name = "email", required = false) @Nullable String email,
                  @RequestParam(name = "password", required = false) @Nullable String password,
                  @RequestParam(name = "confirmation", required = false) @Nullable String confirmation,
                  @ModelAttribute("page") PageContext page, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        try {
            accounts.signUp(displayName, email, password, confirmation, page.lang(), request.getRemoteAddr());
            return "redirect:/inscription/envoyee";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return form(model, FormView.of(problem, page, Map.of("displayName", displayName == null ? "" : displayName,
                    "email", email == null ? "" : email)));
        }
    }

    @GetMapping("/inscription/envoyee")
    String sent(Model model) {
        return LinkPages.message(model, "signup.sent.title", "signup.sent.text", "/connexion", "signup.sent.next");
    }

    @GetMapping(AccountPaths.VERIFY)
    String confirmForm(@RequestParam(name = AccountPaths.TOKEN, required = false) @Nullable String token,
                       HttpServletResponse response, Model model) {
        return LinkPages.confirm(accounts, Accounts.LinkKind.VERIFY, token, AccountPaths.VERIFY, "signup.confirm",
                response, model);
    }

    @PostMapping(AccountPaths.VERIFY)
    String confirm(@RequestParam(name = AccountPaths.TOKEN, required = false) @Nullable String token,
                   @RequestParam(name = "password", required = false) @Nullable String password,
                   @ModelAttribute("page") PageContext page, HttpServletResponse response, Model model) {
        try {
            accounts.verifyEmail(token, password);
            return LinkPages.message(model, "signup.verified.title", "signup.verified.text", "/connexion", "signup.verified.next");
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            if (!problem.fields().isEmpty()) {
                return LinkPages.confirm(accounts, Accounts.LinkKind.VERIFY, token, AccountPaths.VERIFY,
                        "signup.confirm", FormView.of(problem, page, Map.of()), response, model);
            }
            return LinkPages.invalidLink(model);
        }
    }

    private String form(Model model, FormView form) {
        model.addAttribute("form", form);
        model.addAttribute("open", accounts.signUpOpen());
        return FORM;
    }
}
