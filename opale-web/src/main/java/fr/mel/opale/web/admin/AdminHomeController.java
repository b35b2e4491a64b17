package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.web.layout.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /admin}: the administrators' entry point, one link per console (imports, thesauri, quality), so the
 * navigation needs a single "Administration" entry however many consoles arrive. Anonymous visitors are sent to
 * the login page, other accounts get the 403 page.
 */
@Controller
class AdminHomeController {
    static final String VIEW = "admin/home";

    private final AccessPolicy policy;

    AdminHomeController(AccessPolicy policy) {
        this.policy = policy;
    }

    @GetMapping("/admin")
    String home(@ModelAttribute("page") PageContext page) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            return "redirect:/connexion";
        }
        if (!viewer.platformAdmin()) {
            throw new AccessDenied(viewer);
        }
        return VIEW;
    }
}
