package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.organisation.Organisation;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.access.organisation.PeopleByEmail;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /admin/organisations}: the organisations (search, creation by platform administrators) and
 * {@code /admin/organisations/{slug}}: one organisation (name, logo address; INSEE code and parent for platform administrators;
 * members added by email, their role changed, removed). Who may do what is the {@link Organisations} service's to
 * say through the policy — organisation administrators manage their own organisation only, refused otherwise with
 * the 403 page. A refused change (last administrator, unknown address, taken INSEE code...) comes back on the page
 * with its French message and the status of the problem; nothing of it is applied.
 */
@Controller
class OrganisationsAdminController {
    static final String LIST = "admin/organisations";
    static final String ONE = "admin/organisation";
    private static final int MAX_QUERY = 200;

    private final Organisations organisations;
    private final PeopleByEmail people;
    private final AccessPolicy policy;

    OrganisationsAdminController(Organisations organisations, PeopleByEmail people, AccessPolicy policy) {
        this.organisations = organisations;
        this.people = people;
        this.policy = policy;
    }

    @GetMapping("/admin/organisations")
    String list(@RequestParam(name = "q", required = false) @Nullable String q, Model model) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            return "redirect:/connexion";
        }
        return listPage(viewer, q, null, "", "", "", "", model);
    }

    @PostMapping("/admin/organisations")
    String create(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String insee, @RequestParam(defaultValue = "") String parent,
                  HttpServletResponse response, Model model) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            return "redirect:/connexion";
        }
        try {
            Organisation created = organisations.create(slug, name, insee, parent);
            return "redirect:" + path(created.slug()) + "?fait=1";
        } catch (AccessModelProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return listPage(viewer, null, problem.getBody().getDetail(), slug, name, insee, parent, model);
        }
    }

    @GetMapping("/admin/organisations/{slug}")
    String one(@PathVariable String slug, @RequestParam(name = "fait", required = false) @Nullable String done,
               Model model) {
        if (policy.currentViewer().anonymous()) {
            return "redirect:/connexion";
        }
        return onePage(slug, "1".equals(done), null, model);
    }

    @PostMapping("/admin/organisations/{slug}/nom")
    String rename(@PathVariable String slug, @RequestParam(defaultValue = "") String name,
                  HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> organisations.rename(slug, name));
    }

    @PostMapping("/admin/organisations/{slug}/logo")
    String logo(@PathVariable String slug, @RequestParam(defaultValue = "") String logo,
                HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> organisations.setLogo(slug, logo));
    }

    @PostMapping("/admin/organisations/{slug}/presentation")
    String description(@PathVariable String slug, @RequestParam(defaultValue = "") String description,
                       HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> organisations.setDescription(slug, description));
    }

    @PostMapping("/admin/organisations/{slug}/rattachement")
    String place(@PathVariable String slug, @RequestParam(defaultValue = "") String insee,
                 @RequestParam(defaultValue = "") String parent, HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> organisations.setPlacement(slug, insee, parent));
    }

    @PostMapping("/admin/organisations/{slug}/membres")
    String add(@PathVariable String slug, @RequestParam(defaultValue = "") String email,
               @RequestParam(defaultValue = "") String role, HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> {
            // the organisation first: someone who may not manage it learns nothing about addresses
            organisations.members(slug);
            organisations.putMember(slug, people.find(email).id(), role(role));
        });
    }

    @PostMapping("/admin/organisations/{slug}/membres/{person}")
    String member(@PathVariable String slug, @PathVariable long person,
                  @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String action,
                  HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> {
            if ("retirer".equals(action)) {
                organisations.removeMember(slug, person);
            } else {
                organisations.putMember(slug, person, role(role));
            }
        });
    }

    static MembershipRole role(String slug) {
        return MembershipRole.of(slug.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> AccessModelProblem.invalid(
                "Rôle inconnu : choisissez membre, éditeur ou administrateur."));
    }

    private String change(String slug, HttpServletResponse response, Model model, Runnable work) {
        if (policy.currentViewer().anonymous()) {
            return "redirect:/connexion";
        }
        try {
            work.run();
            return "redirect:" + path(slug) + "?fait=1";
        } catch (AccessModelProblem problem) {
            if (problem.getStatusCode().value() == 404 && organisations.find(slug).isEmpty()) {
                throw problem;
            }
            response.setStatus(problem.getStatusCode().value());
            return onePage(slug, false, problem.getBody().getDetail(), model);
        }
    }

    private String listPage(Viewer viewer, @Nullable String q, @Nullable String error, String slug, String name,
                            String insee, String parent, Model model) {
        List<Organisation> all = organisations.all();
        boolean platform = policy.canCreateOrganisations(viewer);
        if (!platform && all.stream().noneMatch(o -> policy.canManageOrganisation(viewer, o.slug()))) {
            throw new AccessDenied(viewer);
        }
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        String needle = query.toLowerCase(Locale.ROOT);
        List<Organisation> shown = all.stream().filter(o -> needle.isEmpty()
                || o.name().toLowerCase(Locale.ROOT).contains(needle) || o.slug().contains(needle)
                || needle.equals(o.inseeCode())).toList();
        model.addAttribute("q", query);
        model.addAttribute("organisations", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("manageable", shown.stream().filter(o -> policy.canManageOrganisation(viewer, o.slug()))
                .map(Organisation::slug).toList());
        model.addAttribute("canCreate", platform);
        model.addAttribute("error", error);
        model.addAttribute("form", new OrganisationForm(slug, name, insee, parent));
        return LIST;
    }

    private String onePage(String slug, boolean done, @Nullable String error, Model model) {
        Organisation o = organisations.find(slug).orElseThrow(() -> AccessModelProblem.unknownOrganisation(slug));
        Viewer viewer = policy.currentViewer();
        model.addAttribute("organisation", o);
        model.addAttribute("members", organisations.members(o.slug()));
        model.addAttribute("logo", organisations.logo(o.slug()).orElse(""));
        model.addAttribute("description", organisations.description(o.slug()).orElse(""));
        model.addAttribute("canPlace", policy.canCreateOrganisations(viewer));
        model.addAttribute("roles", MembershipRole.values());
        model.addAttribute("me", viewer.personId());
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        return ONE;
    }

    static String path(String slug) {
        return UriComponentsBuilder.fromPath("/admin/organisations/{slug}").buildAndExpand(slug).encode()
                .toUriString();
    }
}
