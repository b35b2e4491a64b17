package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.RecordPage;
import fr.mel.opale.catalog.RecordSummary;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.ingest.report.DataReports;
import fr.mel.opale.web.layout.PageContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /catalogue}: the searchable list of records, and {@code /catalogue/{id}}: a record's page. All state
 * (text, page) is in the URL, so every result page can be bookmarked and shared.
 */
@Controller
class CatalogueController {
    static final String LIST_VIEW = "catalogue/list";
    static final String RECORD_VIEW = "catalogue/record";
    static final int PAGE_SIZE = 20;
    /** Beyond this, a page number is nonsense rather than a deep page; it is treated like any bad number. */
    private static final int MAX_PAGE = 100_000;

    private final Catalog catalog;
    private final RecordCards cards;
    private final RecordViews views;
    private final RecordJsonLd jsonLd;
    private final DataReports dataReports;

    CatalogueController(Catalog catalog, RecordCards cards, RecordViews views, RecordJsonLd jsonLd,
                        DataReports dataReports) {
        this.catalog = catalog;
        this.cards = cards;
        this.views = views;
        this.jsonLd = jsonLd;
        this.dataReports = dataReports;
    }

    /** {@code page} is read as text: "abc", "-3" or "0" show the first page rather than an error. */
    @GetMapping("/catalogue")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String page,
                @ModelAttribute("page") PageContext context, Model model) {
        String text = q == null || q.isBlank() ? null : q.strip();
        RecordPage<RecordSummary> result = catalog.list(text, pageNumber(page) - 1, PAGE_SIZE);
        if (result.items().isEmpty() && result.page() > 0 && result.total() > 0) {
            // past the last page (an old bookmark): show the last one instead of an empty list
            result = catalog.list(text, result.pageCount() - 1, PAGE_SIZE);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (text != null) {
            params.put("q", text);
        }
        model.addAttribute("query", text == null ? "" : text);
        model.addAttribute("total", result.total());
        model.addAttribute("cards", cardsOf(result.items(), context));
        model.addAttribute("pagination", Pagination.of(result.page() + 1, result.pageCount(), "/catalogue", params));
        return LIST_VIEW;
    }

    @GetMapping("/catalogue/{id}")
    String record(@PathVariable String id, @ModelAttribute("page") PageContext context, Model model) {
        // same 404 for "unknown" and "hidden from you": the policy is applied by the catalog
        StoredRecord stored = catalog.find(id).orElseThrow(() -> CatalogProblem.notFound(id));
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path(RecordPaths.record(id)).build()
                .toUriString();
        model.addAttribute("record", views.view(stored, context));
        model.addAttribute("jsonLd", jsonLd.of(stored, pageUrl, context.lang()));
        // the data-quality report of the dataset this record describes, when it was published through an import
        model.addAttribute("dataReport", dataReports.forRecord(id).orElse(null));
        return RECORD_VIEW;
    }

    /**
     * Cards need the abstract, which summaries lack: one lookup per card (at most {@value #PAGE_SIZE}, by primary
     * key). The search index will carry excerpts and remove this.
     */
    private List<RecordCard> cardsOf(List<RecordSummary> summaries, PageContext context) {
        return summaries.stream().map(s -> catalog.find(s.id())).flatMap(Optional::stream)
                .map(stored -> cards.card(stored, context)).toList();
    }

    static int pageNumber(@Nullable String page) {
        if (page == null) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.strip());
            return number < 1 || number > MAX_PAGE ? 1 : number;
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
