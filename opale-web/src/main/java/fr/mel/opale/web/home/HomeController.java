package fr.mel.opale.web.home;

import fr.mel.opale.search.CatalogSearch;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.FacetValue;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.search.SearchSort;
import fr.mel.opale.thesaurus.Concept;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.web.catalogue.RecordCards;
import fr.mel.opale.web.catalogue.SearchUrls;
import fr.mel.opale.web.layout.PageContext;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code /}: the search box, the usage categories as tiles with their counts, and the latest records. */
@Controller
class HomeController {
    static final String VIEW = "home/home";
    static final int LATEST = 6;

    private final CatalogSearch search;
    private final Thesauri thesauri;
    private final RecordCards cards;

    HomeController(CatalogSearch search, Thesauri thesauri, RecordCards cards) {
        this.search = search;
        this.thesauri = thesauri;
        this.cards = cards;
    }

    @GetMapping("/")
    String home(@ModelAttribute("page") PageContext page, Model model) {
        model.addAttribute("tiles", tiles(page));
        // from the index, newest change first, limited by the access policy like every search
        model.addAttribute("latest", search.search(SearchQuery.builder().sort(SearchSort.MODIFIED).size(LATEST)
                .language(page.locale()).build()).hits().stream().map(hit -> cards.card(hit, page)).toList());
        return VIEW;
    }

    /**
     * Every top usage category, in the label order of the page's language, with the number of records the visitor
     * may see in it or in its narrower categories; empty categories too (greyed, not a link), so the list of
     * categories never changes shape.
     */
    private List<CategoryTile> tiles(PageContext page) {
        Map<String, Long> counts = search.counts(Facet.CATEGORY, page.locale()).stream()
                .collect(Collectors.toMap(FacetValue::value, FacetValue::count, Long::sum));
        Collator order = Collator.getInstance(page.locale());
        order.setStrength(Collator.SECONDARY);
        return thesauri.usageCategories().stream().filter(Concept::topConcept)
                .map(c -> {
                    long count = counts.getOrDefault(c.uri(), 0L);
                    return new CategoryTile(c.label(page.lang()), count, page.t("home.tile.count", count),
                            SearchUrls.filter(Facet.CATEGORY, c.uri()));
                })
                .sorted(Comparator.comparing(CategoryTile::label, order))
                .toList();
    }
}
