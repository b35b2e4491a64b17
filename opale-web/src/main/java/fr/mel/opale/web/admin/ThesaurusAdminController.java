package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.thesaurus.Concept;
import fr.mel.opale.thesaurus.SkosFormat;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.thesaurus.ThesaurusProblem;
import fr.mel.opale.thesaurus.ThesaurusSummary;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/thesaurus}: the thesauri with their concept counts, an upload form (a new SKOS file, or a
 * replacement when the id exists), and {@code /admin/thesaurus/{id}}: a thesaurus's tree. Platform administrators
 * only: anonymous visitors are sent to the login page, other accounts get the 403 page.
 */
@Controller
class ThesaurusAdminController {
    static final String LIST_VIEW = "admin/thesauri";
    static final String TREE_VIEW = "admin/thesaurus";
    private static final String LOGIN = "redirect:/connexion";
    private static final long MAX_SKOS_BYTES = 50L << 20;

    private final Thesauri thesauri;
    private final AccessPolicy policy;

    ThesaurusAdminController(Thesauri thesauri, AccessPolicy policy) {
        this.thesauri = thesauri;
        this.policy = policy;
    }

    @GetMapping("/admin/thesaurus")
    String list(@RequestParam(name = "importe", required = false) @Nullable String imported,
                @ModelAttribute("page") PageContext page, Model model) {
        if (!allowed()) {
            return LOGIN;
        }
        return listPage(model, imported == null ? null : thesauri.find(imported).orElse(null), null);
    }

    @PostMapping("/admin/thesaurus")
    String upload(@RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
                  @RequestParam(name = "id", required = false) @Nullable String id,
                  @ModelAttribute("page") PageContext page, Model model, HttpServletResponse response)
            throws IOException {
        if (!allowed()) {
            return LOGIN;
        }
        String error = null;
        String slug = id == null || id.isBlank() ? null : id.strip();
        if (file == null || file.isEmpty()) {
            error = page.t("admin.thesaurus.error.noFile");
        } else if (file.getSize() > MAX_SKOS_BYTES) {
            // uploads may reach 2 GB for data imports; a thesaurus is read in memory, so it gets its own bound
            error = page.t("admin.thesaurus.error.tooLarge", MAX_SKOS_BYTES >> 20);
        } else {
            SkosFormat format = SkosFormat.ofFileName(file.getOriginalFilename())
                    .or(() -> SkosFormat.ofMediaType(file.getContentType())).orElse(null);
            if (format == null) {
                error = page.t("admin.thesaurus.error.format");
            } else {
                try {
                    ThesaurusSummary saved = slug != null && thesauri.find(slug).isPresent()
                            ? thesauri.replace(slug, file.getBytes(), format)
                            : thesauri.create(file.getBytes(), format, slug);
                    return "redirect:/admin/thesaurus?importe=" + saved.id();
                } catch (ThesaurusProblem problem) {
                    error = problem.getBody().getDetail();
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return listPage(model, null, error);
    }

    @GetMapping("/admin/thesaurus/{id}")
    String tree(@PathVariable String id, @ModelAttribute("page") PageContext page, Model model) {
        if (!allowed()) {
            return LOGIN;
        }
        ThesaurusSummary thesaurus = thesauri.get(id);
        model.addAttribute("thesaurus", thesaurus);
        model.addAttribute("title", thesaurus.title(page.lang()));
        model.addAttribute("tree", nodes(id, thesauri.topConcepts(id), page.lang(), new HashSet<>()));
        return TREE_VIEW;
    }

    private String listPage(Model model, @Nullable ThesaurusSummary imported, @Nullable String error) {
        model.addAttribute("thesauri", thesauri.list());
        model.addAttribute("imported", imported);
        model.addAttribute("error", error);
        return LIST_VIEW;
    }

    /** False for anonymous visitors (to be sent to the login page); throws the 403 for other accounts. */
    private boolean allowed() {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            return false;
        }
        if (!policy.canAdministerThesauri(viewer)) {
            throw new AccessDenied(viewer);
        }
        return true;
    }

    /** The subtree under {@code concepts}; a concept met twice (several parents, or a cycle) is expanded once. */
    private List<ConceptNode> nodes(String id, List<Concept> concepts, String lang, Set<String> expanded) {
        List<ConceptNode> nodes = new ArrayList<>(concepts.size());
        for (Concept concept : concepts) {
            List<ConceptNode> children = expanded.add(concept.uri())
                    ? nodes(id, thesauri.narrower(id, concept.uri()), lang, expanded) : List.of();
            List<String> others = new ArrayList<>();
            for (String other : List.of("fr", "en")) {
                String label = concept.prefLabels().get(other);
                if (!other.equals(lang) && label != null && !label.equals(concept.label(lang))) {
                    others.add(label);
                }
            }
            List<String> alt = concept.altLabels().getOrDefault(lang, concept.altLabels().getOrDefault("fr", List.of()));
            nodes.add(new ConceptNode(concept.uri(), concept.label(lang), concept.notation(), others, alt, children));
        }
        return nodes;
    }
}
