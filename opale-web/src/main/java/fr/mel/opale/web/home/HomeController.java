package fr.mel.opale.web.home;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.web.catalogue.RecordCards;
import fr.mel.opale.web.layout.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** {@code /}: the search box and the latest records. */
@Controller
class HomeController {
    static final String VIEW = "home/home";
    static final int LATEST = 6;

    private final Catalog catalog;
    private final RecordCards cards;

    HomeController(Catalog catalog, RecordCards cards) {
        this.catalog = catalog;
        this.cards = cards;
    }

    @GetMapping("/")
    String home(@ModelAttribute("page") PageContext page, Model model) {
        // listFull: newest change first, filtered by the access policy, with the abstracts the cards show
        model.addAttribute("latest", catalog.listFull(0, LATEST).items().stream()
                .map(stored -> cards.card(stored, page)).toList());
        return VIEW;
    }
}
