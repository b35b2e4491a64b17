package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.organisation.PeopleByEmail;
import fr.mel.opale.access.project.Project;
import fr.mel.opale.access.project.ProjectMember;
import fr.mel.opale.access.project.Projects;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /admin/projets}: the projects (created by platform and organisation administrators, who become the new
 * project's administrators) and {@code /admin/projets/{slug}}: its members — persons (by email), organisations and
 * other projects, each with a role — for those who manage it ({@link Projects}, through the policy). Refusals (a
 * project containing itself, unknown organisation or address) come back on the page in French, nothing applied.
 */
@Controller
class ProjectsAdminController {
    static final String LIST = "admin/projects";
    static final String ONE = "admin/project";

    private final Projects projects;
    private final PeopleByEmail people;
    private final AccessPolicy policy;

    ProjectsAdminController(Projects projects, PeopleByEmail people, AccessPolicy policy) {
        this.projects = projects;
        this.people = people;
        this.policy = policy;
    }

    @GetMapping("/admin/projets")
    String list(Model model) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            return "redirect:/connexion";
        }
        return listPage(viewer, null, "", "", model);
    }

    @PostMapping("/admin/projets")
    String create(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
                  HttpServletResponse response, Model model) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            return "redirect:/connexion";
        }
        try {
            Project created = projects.create(slug, name);
            return "redirect:" + path(created.slug()) + "?fait=1";
        } catch (AccessModelProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return listPage(viewer, problem.getBody().getDetail(), slug, name, model);
        }
    }

    @GetMapping("/admin/projets/{slug}")
    String one(@PathVariable String slug, @RequestParam(name = "fait", required = false) @Nullable String done,
               Model model) {
        if (policy.currentViewer().anonymous()) {
            return "redirect:/connexion";
        }
        return onePage(slug, "1".equals(done), null, model);
    }

    @PostMapping("/admin/projets/{slug}/membres")
    String add(@PathVariable String slug, @RequestParam(defaultValue = "") String kind,
               @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
               HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> {
            projects.members(slug); // may the viewer manage it at all: before anything about addresses
            MembershipRole r = OrganisationsAdminController.role(role);
            switch (kind) {
                case "personne" -> projects.putPerson(slug, people.find(name).id(), r);
                case "organisation" -> projects.putOrganisation(slug, name, r);
                case "projet" -> projects.putProject(slug, name, r);
                default -> throw AccessModelProblem.invalid("Choisissez une personne, une organisation ou un projet.");
            }
        });
    }

    @PostMapping("/admin/projets/{slug}/membres/retirer")
    String remove(@PathVariable String slug, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String name, HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> {
            ProjectMember.Kind k;
            try {
                k = ProjectMember.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw AccessModelProblem.invalid("Membre inconnu.");
            }
            projects.removeMember(slug, k, name);
        });
    }

    @PostMapping("/admin/projets/{slug}/membres/role")
    String role(@PathVariable String slug, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
                HttpServletResponse response, Model model) {
        return change(slug, response, model, () -> {
            MembershipRole r = OrganisationsAdminController.role(role);
            switch (kind) {
                case "PERSON" -> projects.putPerson(slug, parse(name), r);
                case "ORGANISATION" -> projects.putOrganisation(slug, name, r);
                case "PROJECT" -> projects.putProject(slug, name, r);
                default -> throw AccessModelProblem.invalid("Membre inconnu.");
            }
        });
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw AccessModelProblem.invalid("Numéro de personne invalide.");
        }
    }

    private String change(String slug, HttpServletResponse response, Model model, Runnable work) {
        if (policy.currentViewer().anonymous()) {
            return "redirect:/connexion";
        }
        try {
            work.run();
            return "redirect:" + path(slug) + "?fait=1";
        } catch (AccessModelProblem problem) {
            if (problem.getStatusCode().value() == 404 && projects.find(slug).isEmpty()) {
                throw problem;
            }
            response.setStatus(problem.getStatusCode().value());
            return onePage(slug, false, problem.getBody().getDetail(), model);
        }
    }

    private String listPage(Viewer viewer, @Nullable String error, String slug, String name, Model model) {
        List<Project> all = projects.all();
        boolean canCreate = policy.canCreateProjects(viewer);
        List<String> manageable = all.stream().filter(p -> policy.canManageProject(viewer, p.slug()))
                .map(Project::slug).toList();
        if (!canCreate && manageable.isEmpty()) {
            throw new AccessDenied(viewer);
        }
        model.addAttribute("projects", all);
        model.addAttribute("manageable", manageable);
        model.addAttribute("canCreate", canCreate);
        model.addAttribute("error", error);
        model.addAttribute("slug", slug);
        model.addAttribute("name", name);
        return LIST;
    }

    private String onePage(String slug, boolean done, @Nullable String error, Model model) {
        Project p = projects.find(slug).orElseThrow(() -> AccessModelProblem.unknownProject(slug));
        model.addAttribute("project", p);
        model.addAttribute("members", projects.members(p.slug()));
        model.addAttribute("roles", MembershipRole.values());
        model.addAttribute("done", done);
        model.addAttribute("error", error);
        return ONE;
    }

    static String path(String slug) {
        return UriComponentsBuilder.fromPath("/admin/projets/{slug}").buildAndExpand(slug).encode().toUriString();
    }
}
