package fr.mel.opale.web.catalogue;

import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /catalogue}: the catalogue search (text, facets, chips, order, pages); a record's page and its tabs are
 * {@code dataset.DatasetPageController}'s. The whole search state is in the address ({@link SearchUrls}), so every result can be bookmarked, shared
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

    private final SearchPages searchPages;

    CatalogueController(SearchPages searchPages) {
        this.searchPages = searchPages;
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
}
