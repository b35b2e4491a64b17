package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.account.Accounts;
import fr.mel.opale.web.layout.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /admin}: the administrators' entry point, one link per console (imports, thesauri, quality, users, audit log), so the
 * navigation needs a single "Administration" entry however many consoles arrive. Organisation administrators find
 * there the pages of the organisations they administer, and nothing of the platform's. Anonymous visitors are sent
 * to the login page, other accounts get the 403 page.
 */
@Controller
class AdminHomeController {
    static final String VIEW = "admin/home";

    private final AccessPolicy policy;
    private final Accounts accounts;

    AdminHomeController(AccessPolicy policy, Accounts accounts) {
        this.policy = policy;
        this.accounts = accounts;
    }

    @GetMapping("/admin")
    String home(@ModelAttribute("page") PageContext page, Model model) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            return "redirect:/connexion";
        }
        if (!policy.canSeeAdministration(viewer)) {
            throw new AccessDenied(viewer);
        }
        // without SMTP nobody can sign up by email: the administrators must know
        model.addAttribute("mailOn", accounts.signUpOpen());
        model.addAttribute("platform", policy.canSeePlatformAdministration(viewer));
        model.addAttribute("organisations", policy.administeredOrganisations(viewer));
        return VIEW;
    }
}
