package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.PlatformRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.access.admin.AuditLog;
import fr.mel.opale.access.admin.People;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrators' users page {@code /admin/utilisateurs} (search by name, login or email; disable and enable;
 * grant and take back the platform roles {@code admin} and {@code moderator}) and the audit log {@code /admin/journal}
 * (sign-ins, failures, role changes, newest first, a year kept). Who may do what is {@link People}'s and
 * {@link AuditLog}'s to say (through the access policy): anonymous visitors are sent to the login page, others get
 * the 403 page. Changes are plain CSRF-protected forms that come back to the search they were made from.
 */
@Controller
class PeopleAdminController {
    static final String PEOPLE = "admin/people";
    static final String AUDIT = "admin/audit";

    private final People people;
    private final AuditLog auditLog;
    private final AccessPolicy policy;

    PeopleAdminController(People people, AuditLog auditLog, AccessPolicy policy) {
        this.people = people;
        this.auditLog = auditLog;
        this.policy = policy;
    }

    @GetMapping("/admin/utilisateurs")
    String list(@RequestParam(name = "q", required = false) @Nullable String text,
                @RequestParam(name = "page", defaultValue = "1") int page,
                @RequestParam(name = "fait", required = false) @Nullable String done, Model model) {
        if (anonymous()) {
            return "redirect:/connexion";
        }
        return page(model, text, page, done, null);
    }

    @PostMapping("/admin/utilisateurs/{id}/statut")
    String status(@PathVariable long id, @RequestParam(name = "action", defaultValue = "") String action,
                  @RequestParam(name = "q", required = false) @Nullable String text,
                  @ModelAttribute("page") PageContext pageContext, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (anonymous()) {
            return "redirect:/connexion";
        }
        try {
            if ("desactiver".equals(action)) {
                people.disable(id, request.getRemoteAddr());
            } else if ("activer".equals(action)) {
                people.enable(id, request.getRemoteAddr());
            }
            return back(text);
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, text, 1, null, pageContext.t("account.problem." + problem.code()));
        }
    }

    @PostMapping("/admin/utilisateurs/{id}/roles")
    String role(@PathVariable long id, @RequestParam(name = "role", defaultValue = "") String role,
                @RequestParam(name = "action", defaultValue = "") String action,
                @RequestParam(name = "q", required = false) @Nullable String text,
                @ModelAttribute("page") PageContext pageContext, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        if (anonymous()) {
            return "redirect:/connexion";
        }
        PlatformRole platformRole = PlatformRole.of(role).orElse(null);
        try {
            if (platformRole != null && "ajouter".equals(action)) {
                people.grant(id, platformRole, request.getRemoteAddr());
            } else if (platformRole != null && "retirer".equals(action)) {
                people.revoke(id, platformRole, request.getRemoteAddr());
            }
            return back(text);
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, text, 1, null, pageContext.t("account.problem." + problem.code()));
        }
    }

    @GetMapping("/admin/journal")
    String audit(@RequestParam(name = "personne", required = false) @Nullable Long person,
                 @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        if (anonymous()) {
            return "redirect:/connexion";
        }
        int current = Math.max(1, page);
        model.addAttribute("entries", auditLog.recent(person, current - 1));
        model.addAttribute("person", person);
        model.addAttribute("pageNumber", current);
        model.addAttribute("pageSize", AuditLog.PAGE_SIZE);
        return AUDIT;
    }

    private String page(Model model, @Nullable String text, int page, @Nullable String done, @Nullable String error) {
        int current = Math.max(1, page);
        String q = text == null ? "" : text.strip();
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        model.addAttribute("q", q);
        model.addAttribute("people", people.search(q, current - 1));
        model.addAttribute("total", people.count(q));
        model.addAttribute("pageNumber", current);
        model.addAttribute("pageSize", People.PAGE_SIZE);
        model.addAttribute("done", "1".equals(done));
        model.addAttribute("error", error);
        model.addAttribute("roles", PlatformRole.values());
        model.addAttribute("me", policy.currentViewer().personId());
        return PEOPLE;
    }

    private static String back(@Nullable String text) {
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/utilisateurs")
                .queryParamIfPresent("q", java.util.Optional.ofNullable(text).filter(t -> !t.isBlank()))
                .queryParam("fait", "1").encode().build().toUriString();
    }

    private boolean anonymous() {
        Viewer viewer = policy.currentViewer();
        return viewer.anonymous();
    }
}
