package fr.mel.opale.web.account;

import fr.mel.opale.access.account.AccountPaths;
import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.access.oidc.AccountLinking;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /connexion/liaison}: a provider login whose verified address is an existing account's (opale-access
 * {@link AccountLinking}). The page names the provider and the address and asks for the account's password;
 * {@code POST} links and logs in ({@code /compte?fait=identite-liee}), a wrong password shows the form again (the
 * login throttling applies); or {@code POST /connexion/liaison/courriel} mails the account's address a single-use
 * link, {@code GET /connexion/liaison/confirmation?jeton=} shows a button (mail scanners do not use it up) whose
 * {@code POST} links, in the browser that holds the offer only. {@code POST /connexion/liaison/annulation} forgets
 * the offer. Nothing waiting (or expired): a page saying so, 400.
 */
@Controller
class LinkController {
    static final String VIEW = "account/link";

    private final AccountLinking linking;

    LinkController(AccountLinking linking) {
        this.linking = linking;
    }

    @GetMapping("/connexion/liaison")
    String offer(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, FormView.EMPTY);
    }

    @PostMapping("/connexion/liaison")
    String confirm(@RequestParam(name = "password", required = false) @Nullable String password,
                   @ModelAttribute("page") PageContext page, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        try {
            linking.confirm(request, response, password);
            return "redirect:/compte?fait=identite-liee";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(request, response, model, FormView.of(problem, page, Map.of()));
        }
    }

    @PostMapping("/connexion/liaison/courriel")
    String mail(@ModelAttribute("page") PageContext page, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        try {
            linking.mailProof(request);
            return "redirect:/connexion/liaison";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(request, response, model, FormView.of(problem, page, Map.of()));
        }
    }

    @GetMapping(AccountPaths.LINK_IDENTITY)
    String confirmByMailForm(@RequestParam(name = AccountPaths.TOKEN, required = false) @Nullable String token,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("token", token == null || token.length() > 100 ? "" : token);
        return page(request, response, model, FormView.EMPTY);
    }

    @PostMapping(AccountPaths.LINK_IDENTITY)
    String confirmByMail(@RequestParam(name = AccountPaths.TOKEN, required = false) @Nullable String token,
                         @ModelAttribute("page") PageContext page, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        try {
            linking.confirmByMail(request, response, token);
            return "redirect:/compte?fait=identite-liee";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(request, response, model, FormView.of(problem, page, Map.of()));
        }
    }

    @PostMapping("/connexion/liaison/annulation")
    String decline(HttpServletRequest request) {
        linking.decline(request);
        return "redirect:/connexion";
    }

    private String page(HttpServletRequest request, HttpServletResponse response, Model model, FormView form) {
        Optional<AccountLinking.Offer> offer = linking.offer(request);
        if (offer.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("offer", offer.orElse(null));
        if (!model.containsAttribute("token")) {
            model.addAttribute("token", null);
        }
        model.addAttribute("form", form);
        return VIEW;
    }
}
