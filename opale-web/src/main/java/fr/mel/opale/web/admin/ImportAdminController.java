package fr.mel.opale.web.admin;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.GeometrySource;
import fr.mel.opale.ingest.IngestException;
import fr.mel.opale.ingest.job.IngestJob;
import fr.mel.opale.ingest.job.IngestJobs;
import fr.mel.opale.ingest.job.IngestOptions;
import fr.mel.opale.ingest.job.IngestProblem;
import fr.mel.opale.ingest.job.OnSchemaError;
import fr.mel.opale.ingest.job.StagedUpload;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/import}: the producer's import in two steps. Upload (a plain multipart
 * form; {@code /js/import.js} adds a progress bar) → the analysis page: detected settings, columns, geometry guess,
 * warnings, every one of them correctable, "analyse again" or "publish" → the job page, followed until the record.
 * Also a URL source with its schedule. Works without JavaScript (forms and redirects); editors only.
 */
@Controller
class ImportAdminController {
    static final String HOME_VIEW = "admin/import";
    static final String ANALYSIS_VIEW = "admin/import-analysis";
    static final String JOB_VIEW = "admin/import-job";
    private static final String LOGIN = "redirect:/connexion";

    private final IngestJobs jobs;
    private final Thesauri thesauri;
    private final AccessPolicy policy;

    ImportAdminController(IngestJobs jobs, Thesauri thesauri, AccessPolicy policy) {
        this.jobs = jobs;
        this.thesauri = thesauri;
        this.policy = policy;
    }

    @GetMapping("/admin/import")
    String home(@ModelAttribute("page") PageContext page, Model model) {
        if (!allowed()) {
            return LOGIN;
        }
        return homePage(model, null);
    }

    @PostMapping("/admin/import")
    String upload(@RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
                  @ModelAttribute("page") PageContext page, Model model, HttpServletResponse response) {
        if (!allowed()) {
            return LOGIN;
        }
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return homePage(model, page.t("import.error.noFile"));
        }
        StagedUpload staged = jobs.stage(file.getOriginalFilename(), file::transferTo);
        return "redirect:/admin/import/analyse/" + staged.token();
    }

    @PostMapping("/admin/import/url")
    String fromUrl(@RequestParam(name = "url", required = false) @Nullable String url,
                   @RequestParam(name = "planification", required = false) @Nullable String schedule,
                   @RequestParam(name = "cron", required = false) @Nullable String cron,
                   @RequestParam(name = "titre", required = false) @Nullable String title,
                   @ModelAttribute("page") PageContext page, Model model, HttpServletResponse response) {
        if (!allowed()) {
            return LOGIN;
        }
        String expression = "cron".equals(schedule) ? cron : schedule == null || schedule.equals("aucune") ? null
                : schedule;
        try {
            if (url == null || url.isBlank()) {
                throw IngestProblem.badRequest(page.t("import.error.noUrl"));
            }
            IngestJob job = jobs.submitUrl(url, IngestOptions.NONE.withTitle(blank(title)), null, blank(expression));
            return "redirect:/admin/import/taches/" + job.id();
        } catch (ErrorResponseException problem) {
            response.setStatus(problem.getStatusCode().value());
            return homePage(model, problem.getBody().getDetail());
        }
    }

    @GetMapping("/admin/import/analyse/{token}")
    String analysis(@PathVariable String token, @ModelAttribute("page") PageContext page, Model model,
                    HttpServletResponse response) {
        if (!allowed()) {
            return LOGIN;
        }
        return analysisPage(token, IngestOptions.NONE, null, page, model, response);
    }

    /** "Analyser de nouveau" (action=analyser) with the corrections, or "Publier" (action=publier). */
    @PostMapping("/admin/import/analyse/{token}")
    String correct(@PathVariable String token, @RequestParam Map<String, String> form,
                   @ModelAttribute("page") PageContext page, Model model, HttpServletResponse response) {
        if (!allowed()) {
            return LOGIN;
        }
        IngestOptions options;
        try {
            options = ImportForm.options(form);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return analysisPage(token, IngestOptions.parse(form.get("options")), e.getMessage(), page, model,
                    response);
        }
        if ("publier".equals(form.get("action"))) {
            try {
                IngestJob job = jobs.submitStaged(token, options, blank(form.get("dataset")));
                return "redirect:/admin/import/taches/" + job.id();
            } catch (ErrorResponseException problem) {
                response.setStatus(problem.getStatusCode().value());
                return analysisPage(token, options, problem.getBody().getDetail(), page, model, response);
            }
        }
        return analysisPage(token, options, null, page, model, response);
    }

    @GetMapping("/admin/import/taches/{id}")
    String job(@PathVariable String id, @ModelAttribute("page") PageContext page, Model model) {
        if (!allowed()) {
            return LOGIN;
        }
        IngestJob job = jobs.find(id).orElseThrow(() -> IngestProblem.jobNotFound(id));
        model.addAttribute("job", job);
        return JOB_VIEW;
    }

    @PostMapping("/admin/import/taches/{id}/annuler")
    String cancel(@PathVariable String id) {
        if (!allowed()) {
            return LOGIN;
        }
        try {
            jobs.cancel(id);
        } catch (IngestProblem finished) {
            // already over: the job page says how it ended
        }
        return "redirect:/admin/import/taches/" + id;
    }

    private String homePage(Model model, @Nullable String error) {
        model.addAttribute("jobs", jobs.recent(15));
        model.addAttribute("error", error);
        return HOME_VIEW;
    }

    private String analysisPage(String token, IngestOptions options, @Nullable String error, PageContext page,
                                Model model, HttpServletResponse response) {
        StagedUpload staged = jobs.staged(token).orElseThrow(() -> IngestProblem.stagedNotFound(token));
        Analysis analysis = null;
        String readError = error;
        try {
            analysis = jobs.analyseStaged(token, options);
        } catch (IngestException e) {
            readError = e.getMessage();
            response.setStatus(422);
        }
        model.addAttribute("staged", staged);
        model.addAttribute("analysis", analysis);
        model.addAttribute("options", options);
        model.addAttribute("optionsJson", options.toJson());
        model.addAttribute("error", readError);
        model.addAttribute("categories", thesauri.usageCategories().stream()
                .map(c -> new ImportChoice(c.notation() != null ? c.notation() : c.uri(), c.label(page.lang())))
                .toList());
        model.addAttribute("types", typeChoices(page));
        model.addAttribute("geometryKinds", geometryChoices(page));
        return ANALYSIS_VIEW;
    }

    private static List<ImportChoice> typeChoices(PageContext page) {
        return java.util.Arrays.stream(ColumnType.values()).map(t -> new ImportChoice(
                t.name().toLowerCase(Locale.ROOT), page.t("import.type." + t.name().toLowerCase(Locale.ROOT))))
                .toList();
    }

    private static List<ImportChoice> geometryChoices(PageContext page) {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("auto", page.t("import.geometry.auto"));
        kinds.put("none", page.t("import.geometry.none"));
        for (GeometrySource kind : GeometrySource.values()) {
            String code = kind.name().toLowerCase(Locale.ROOT);
            kinds.put(code, page.t("import.geometry." + code));
        }
        return kinds.entrySet().stream().map(e -> new ImportChoice(e.getKey(), e.getValue())).toList();
    }

    /** False for anonymous visitors (sent to the login page); throws the 403 for accounts that may not import. */
    private boolean allowed() {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            return false;
        }
        if (!policy.canPublish(viewer)) {
            throw new AccessDenied(viewer);
        }
        return true;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The columns of an analysis as the page shows them. */
    static List<ColumnPlan> columns(Analysis analysis) {
        return analysis.plan().columns();
    }
}
