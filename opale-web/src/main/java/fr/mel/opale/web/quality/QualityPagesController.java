package fr.mel.opale.web.quality;

import fr.mel.opale.quality.QualityDashboard;
import fr.mel.opale.quality.QualityProblem;
import fr.mel.opale.web.layout.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The producer dashboard. Counts only what the visitor may see (the dashboard reads through the catalog's policy),
 * so the same pages serve the public and, once logged in, the producers.
 */
@Controller
class QualityPagesController {
    static final String DASHBOARD_VIEW = "quality/dashboard";
    static final String ORGANISATION_VIEW = "quality/organisation";

    private final QualityDashboard dashboard;

    QualityPagesController(QualityDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/qualite")
    String dashboard(@ModelAttribute("page") PageContext page, Model model) {
        model.addAttribute("organisations", dashboard.organisations());
        return DASHBOARD_VIEW;
    }

    @GetMapping("/qualite/{slug}")
    String organisation(@PathVariable String slug, @ModelAttribute("page") PageContext page, Model model) {
        model.addAttribute("organisation", dashboard.organisation(slug)
                .orElseThrow(() -> QualityProblem.unknownOrganisation(slug)));
        return ORGANISATION_VIEW;
    }
}
