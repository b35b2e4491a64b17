package fr.mel.opale.web.organisation;

import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.web.catalogue.OrganisationLink;
import fr.mel.opale.web.catalogue.SearchPage;
import fr.mel.opale.web.catalogue.SearchPages;
import fr.mel.opale.web.catalogue.SearchParameters;
import fr.mel.opale.web.catalogue.SearchUrls;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /organisations} and {@code /organisations/{slug}}. An organisation's page is the catalogue search within
 * its records (same parameters, facets, chips and htmx refresh as {@code /catalogue}), under its presentation. An
 * unknown slug is the 404 page; a known organisation whose records are all hidden from the viewer shows none, the
 * same page as one that has none.
 */
@Controller
class OrganisationPagesController {
    static final String LIST_VIEW = "organisation/list";
    static final String PAGE_VIEW = "organisation/page";
    static final String RESULTS_VIEW = "catalogue/results";

    private final OrganisationDirectory directory;
    private final SearchPages searchPages;

    OrganisationPagesController(OrganisationDirectory directory, SearchPages searchPages) {
        this.directory = directory;
        this.searchPages = searchPages;
    }

    @GetMapping("/organisations")
    String list(@ModelAttribute("page") PageContext page, Model model) {
        model.addAttribute("organisations", directory.all());
        return LIST_VIEW;
    }

    /** Malformed search parameters: the French 400 page, as on the catalogue. */
    @GetMapping("/organisations/{slug}")
    String organisation(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response,
                        @ModelAttribute("page") PageContext page, Model model) {
        OrganisationProfile profile = directory.profile(slug).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "Organisation inconnue : " + slug));
        String path = OrganisationLink.path(slug);
        SearchQuery query = SearchParameters.read(request, page.locale(), List.of(slug));
        SearchPage search = searchPages.page(query, page, path);
        model.addAttribute("organisation", profile);
        model.addAttribute("search", search);
        response.addHeader(HttpHeaders.VARY, "HX-Request, HX-History-Restore-Request");
        if ("true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"))) {
            response.setHeader("HX-Push-Url", SearchUrls.of(path, query.atPage(search.pagination().current() - 1)));
            return RESULTS_VIEW;
        }
        return PAGE_VIEW;
    }
}
