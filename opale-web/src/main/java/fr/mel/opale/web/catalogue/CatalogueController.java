package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.ingest.report.DataReports;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /catalogue}: the catalogue search (text, facets, chips, order, pages), and {@code /catalogue/{id}}: a record's
 * page. The whole search state is in the address ({@link SearchUrls}), so every result can be bookmarked, shared
 * and reached again with the back button.
 *
 * <p>With htmx (request header {@code HX-Request}), the search answers only the region it refreshes — results,
 * facets and the text box — and names the canonical address to push ({@code HX-Push-Url}); a history restore
 * ({@code HX-History-Restore-Request}) and every plain request get the whole page. The answer varies on those
 * headers, and says so to caches.
 */
@Controller
class CatalogueController {
    static final String LIST_VIEW = "catalogue/list";
    static final String RESULTS_VIEW = "catalogue/results";
    static final String RECORD_VIEW = "catalogue/record";

    private final Catalog catalog;
    private final SearchPages searchPages;
    private final RecordViews views;
    private final RecordJsonLd jsonLd;
    private final DataReports dataReports;

    CatalogueController(Catalog catalog, SearchPages searchPages, RecordViews views, RecordJsonLd jsonLd,
                        DataReports dataReports) {
        this.catalog = catalog;
        this.searchPages = searchPages;
        this.views = views;
        this.jsonLd = jsonLd;
        this.dataReports = dataReports;
    }

    /** Malformed page, size, order or box: {@code SearchProblem}, shown as the French 400 page. */
    @GetMapping("/catalogue")
    String list(HttpServletRequest request, HttpServletResponse response,
                @ModelAttribute("page") PageContext context, Model model) {
        SearchQuery query = SearchParameters.read(request, context.locale());
        SearchPage search = searchPages.page(query, context);
        model.addAttribute("search", search);
        response.addHeader(HttpHeaders.VARY, "HX-Request, HX-History-Restore-Request");
        if ("true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"))) {
            response.setHeader("HX-Push-Url", SearchUrls.of(query.atPage(search.pagination().current() - 1)));
            return RESULTS_VIEW;
        }
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
}
