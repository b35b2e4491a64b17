package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.explain.AccessExplanation;
import fr.mel.opale.access.explain.AccessExplanations;
import fr.mel.opale.access.grant.AccessRight;
import fr.mel.opale.access.grant.GrantPrincipal;
import fr.mel.opale.access.organisation.PeopleByEmail;
import fr.mel.opale.catalog.RecordAccess;
import fr.mel.opale.access.problem.Problem;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetRules;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.RulePreview;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /admin/acces?record=}: who sees a record — its visibility, its grants (add to an organisation, a project, a
 * person by email or any logged-in person, read or write; remove) — and the preview "que voit la personne X" (the
 * policy's own decision and its chain, {@link AccessExplanations}) — and, when the record describes a dataset with data,
 * its row and column rules ({@link DatasetRules}: who manages its access) and, in the preview, how many rows and which
 * columns the person reads, computed by the policy on their viewer ({@link DatasetRules#preview}). Changes go through {@link RecordAccess}: for those
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
    private final Datasets datasets;
    private final DatasetRules rules;

    AccessAdminController(RecordAccess access, AccessExplanations explanations, PeopleByEmail people,
                          AccessPolicy policy, Datasets datasets, DatasetRules rules) {
        this.access = access;
        this.explanations = explanations;
        this.people = people;
        this.policy = policy;
        this.datasets = datasets;
        this.rules = rules;
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
        RulePreview preview = null;
        String error = null;
        Optional<Dataset> dataset = servedDataset(record);
        if (person != null && !person.isBlank()) {
            try {
                long personId = people.find(person).id();
                explanation = explanations.explain(personId, state.protection());
                if (dataset.isPresent()) {
                    preview = rules.preview(dataset.get().id(), explanations.viewerOf(personId, state.protection()));
                }
            } catch (AccessModelProblem problem) {
                response.setStatus(problem.getStatusCode().value());
                error = problem.getBody().getDetail();
            }
        }
        RulePreview previewed = preview;
        DatasetRulesForm form = dataset.map(d -> DatasetRulesForm.of(d.id(), rules.of(d.id()), columns(d), previewed))
                .orElse(null);
        return render(state, explanation, person, "1".equals(done), error, form, model);
    }

    /**
     * Replaces the row and column rules of the record's dataset. Invalid CQL2, an unknown column or reader: the
     * French message on the page with what was typed, nothing saved.
     */
    @PostMapping("/admin/acces/regles")
    String datasetRules(@RequestParam(defaultValue = "") String record,
                        @RequestParam MultiValueMap<String, String> posted, HttpServletResponse response, Model model) {
        if (policy.currentViewer().anonymous()) {
            return "redirect:/connexion";
        }
        RecordAccess.State state = access.of(record); // 404 or 403 before anything else
        Dataset dataset = servedDataset(record).orElseThrow(() -> DataProblem.datasetNotFound(record));
        DatasetRulesForm form = DatasetRulesForm.posted(dataset.id(), posted, columns(dataset));
        try {
            rules.put(dataset.id(), form.rowRule(), form.columnRules());
        } catch (Problem problem) {
            response.setStatus(problem.getStatusCode().value());
            return render(state, null, null, false, problem.getBody().getDetail(), form, model);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/acces").queryParam("record", record)
                .queryParam("fait", "1").fragment("regles").encode().build().toUriString();
    }

    /** The record's dataset, when it has data to rule on. */
    private Optional<Dataset> servedDataset(String record) {
        return datasets.findByRecord(record).filter(d -> d.currentVersion() != null);
    }

    /** Every column of the served version (those who manage its access see them all). */
    private List<String> columns(Dataset dataset) {
        return datasets.currentVersion(dataset.id()).map(v -> v.columns().stream().map(Column::name).toList())
                .orElse(List.of());
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
            RecordAccess.State state = access.of(record);
            DatasetRulesForm form = servedDataset(record)
                    .map(d -> DatasetRulesForm.of(d.id(), rules.of(d.id()), columns(d), null)).orElse(null);
            return render(state, null, null, false, problem.getBody().getDetail(), form, model);
        }
    }

    private String render(RecordAccess.State state, @Nullable AccessExplanation explanation, @Nullable String person,
                          boolean done, @Nullable String error, @Nullable DatasetRulesForm datasetRules,
                          Model model) {
        model.addAttribute("datasetRules", datasetRules);
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
