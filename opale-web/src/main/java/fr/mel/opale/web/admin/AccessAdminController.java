package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.explain.AccessExplanation;
import fr.mel.opale.access.explain.AccessExplanations;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.GrantPrincipal;
import fr.mel.opale.access.organisation.PeopleByEmail;
import fr.mel.opale.catalog.RecordAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /admin/acces?record=}: who sees a record — its visibility, its grants (add to an organisation, a project, a
 * person by email or any logged-in person, read or write; remove) — and the preview "que voit la personne X" (the
 * policy's own decision and its chain, {@link AccessExplanations}). Changes go through {@link RecordAccess}: for those
 * the policy lets manage the record's access (platform administrators, editors of its owner organisation); a record
 * the viewer cannot see is a 404 as everywhere. Refusals (unknown beneficiary, unknown address) come back on the page
 * in French, nothing applied.
 */
@Controller
class AccessAdminController {
    static final String VIEW = "admin/access";

    private final RecordAccess access;
    private final AccessExplanations explanations;
    private final PeopleByEmail people;
    private final AccessPolicy policy;

    AccessAdminController(RecordAccess access, AccessExplanations explanations, PeopleByEmail people,
                          AccessPolicy policy) {
        this.access = access;
        this.explanations = explanations;
        this.people = people;
        this.policy = policy;
    }

    @GetMapping("/admin/acces")
    String page(@RequestParam(name = "record", defaultValue = "") String record,
                @RequestParam(name = "personne", required = false) @Nullable String person,
                @RequestParam(name = "fait", required = false) @Nullable String done,
                HttpServletResponse response, Model model) {
        if (policy.currentViewer().anonymous()) {
            return "redirect:/connexion";
        }
        RecordAccess.State state = access.of(record);
        AccessExplanation explanation = null;
        String error = null;
        if (person != null && !person.isBlank()) {
            try {
                explanation = explanations.explain(people.find(person).id(), state.protection());
            } catch (AccessModelProblem problem) {
                response.setStatus(problem.getStatusCode().value());
                error = problem.getBody().getDetail();
            }
        }
        return render(state, explanation, person, "1".equals(done), error, model);
    }

    @PostMapping("/admin/acces/droits")
    String grant(@RequestParam(defaultValue = "") String record, @RequestParam(defaultValue = "") String kind,
                 @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String right,
                 HttpServletResponse response, Model model) {
        return change(record, response, model, id -> {
            AccessRight r = switch (right) {
                case "READ" -> AccessRight.READ;
                case "WRITE" -> AccessRight.WRITE;
                default -> throw AccessModelProblem.invalid("Droit inconnu : lecture ou écriture.");
            };
            String n = name.strip().toLowerCase(Locale.ROOT);
            GrantPrincipal principal = switch (kind) {
                case "organisation" -> GrantPrincipal.parse("organisation:" + n);
                case "projet" -> GrantPrincipal.parse("project:" + n);
                case "personne" -> GrantPrincipal.person(people.find(name).id());
                case "connecte" -> GrantPrincipal.LOGGED_IN;
                default -> throw AccessModelProblem.invalid("Bénéficiaire inconnu : choisissez une organisation, un "
                        + "projet, une personne ou toute personne connectée.");
            };
            access.grant(id, principal, r);
        });
    }

    @PostMapping("/admin/acces/droits/retirer")
    String revoke(@RequestParam(defaultValue = "") String record, @RequestParam(defaultValue = "") String principal,
                  HttpServletResponse response, Model model) {
        return change(record, response, model, id -> access.revoke(id, GrantPrincipal.parse(principal)));
    }

    @PostMapping("/admin/acces/visibilite")
    String visibility(@RequestParam(defaultValue = "") String record,
                      @RequestParam(defaultValue = "") String visibility, HttpServletResponse response, Model model) {
        return change(record, response, model,
                id -> access.changeVisibility(id, visibility));
    }

    private String change(String record, HttpServletResponse response, Model model, Consumer<String> change) {
        if (policy.currentViewer().anonymous()) {
            return "redirect:/connexion";
        }
        access.of(record); // 404 or 403 before anything else
        try {
            change.accept(record);
            return "redirect:" + UriComponentsBuilder.fromPath("/admin/acces").queryParam("record", record)
                    .queryParam("fait", "1").encode().build().toUriString();
        } catch (AccessModelProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return render(access.of(record), null, null, false, problem.getBody().getDetail(), model);
        }
    }

    private String render(RecordAccess.State state, @Nullable AccessExplanation explanation, @Nullable String person,
                          boolean done, @Nullable String error, Model model) {
        model.addAttribute("record", state.record().id());
        model.addAttribute("title", state.record().record().title().textOr(state.record().id()));
        model.addAttribute("visibility", state.visibility());
        model.addAttribute("owner", state.protection().ownerOrganisation());
        model.addAttribute("grants", state.grants());
        model.addAttribute("visibilities", state.visibilities());
        model.addAttribute("explanation", explanation);
        model.addAttribute("person", person == null ? "" : person.strip());
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        return VIEW;
    }
}
