package fr.mel.opale.web.account;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.token.ApiTokens;
import fr.mel.opale.access.token.IssuedToken;
import fr.mel.opale.access.token.TokenProblem;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /compte/jetons}: the logged-in account's personal API tokens — list, create, revoke — over
 * {@link ApiTokens} (opale-access), with plain CSRF-protected forms. A new token's secret is shown in the answer to
 * the creation itself (200, {@code Cache-Control: no-store}), never in an address nor after a redirect: once the page
 * is left it is gone. Anonymous visitors are sent to the login page.
 */
@Controller
class TokenPagesController {
    static final String VIEW = "account/tokens";
    private static final String LOGIN = "redirect:/connexion";
    /** Lifetimes offered by the form, in days; the API accepts any up to the configured maximum. */
    private static final List<Integer> LIFETIMES = List.of(30, 90, 365);

    private final ApiTokens tokens;
    private final AccessPolicy policy;

    TokenPagesController(ApiTokens tokens, AccessPolicy policy) {
        this.tokens = tokens;
        this.policy = policy;
    }

    @GetMapping("/compte/jetons")
    String list(@RequestParam(name = "revoque", required = false) @Nullable String revoked,
                @ModelAttribute("page") PageContext page, Model model) {
        if (policy.currentViewer().anonymous()) {
            return LOGIN;
        }
        return page(model, null, null, revoked != null);
    }

    @PostMapping("/compte/jetons")
    String create(@RequestParam(name = "nom", required = false) @Nullable String name,
                  @RequestParam(name = "jours", required = false) @Nullable Integer days,
                  @ModelAttribute("page") PageContext page, Model model, HttpServletResponse response) {
        if (policy.currentViewer().anonymous()) {
            return LOGIN;
        }
        response.setHeader("Cache-Control", "no-store");
        try {
            return page(model, tokens.issue(name, days), null, false);
        } catch (TokenProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, null, problem.getBody().getDetail(), false);
        }
    }

    @PostMapping("/compte/jetons/{id}/revocation")
    String revoke(@PathVariable long id) {
        if (policy.currentViewer().anonymous()) {
            return LOGIN;
        }
        tokens.revoke(id);
        return "redirect:/compte/jetons?revoque";
    }

    private String page(Model model, @Nullable IssuedToken issued, @Nullable String error, boolean revoked) {
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("issued", issued);
        model.addAttribute("error", error);
        model.addAttribute("revoked", revoked);
        model.addAttribute("lifetimes", LIFETIMES.stream().filter(d -> d <= tokens.settings().maxDays()).toList());
        model.addAttribute("defaultDays", tokens.settings().defaultDays());
        model.addAttribute("maxTokens", tokens.settings().maxPerAccount());
        return VIEW;
    }
}
