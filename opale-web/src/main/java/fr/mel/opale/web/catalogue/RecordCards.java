package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.search.CatalogSearch;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.SearchHit;
import fr.mel.opale.web.catalogue.RecordCard.FilterLink;
import fr.mel.opale.web.layout.PageContext;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns search hits into {@link RecordCard}s for the home page and the catalogue. Everything comes from the index
 * (no database access per card). A card's filter links start a <em>fresh</em> search on that one value rather than
 * adding it to the current search: "more like this" is what a reader of one card means, and the link's target is
 * the same wherever the card is shown (home page, any result page), so it can be shared as is.
 */
@Component
public class RecordCards {
    /** Keywords shown on a card; real records carry up to thirty, which would drown the card. */
    static final int KEYWORDS_SHOWN = 6;

    private final CatalogSearch search;
    private final OrganisationNames organisations;

    RecordCards(CatalogSearch search, OrganisationNames organisations) {
        this.search = search;
        this.organisations = organisations;
    }

    public RecordCard card(SearchHit hit, PageContext page) {
        List<FilterLink> keywords = hit.keywords().stream().limit(KEYWORDS_SHOWN)
                .map(k -> new FilterLink(k, SearchUrls.filter(Facet.KEYWORD, k))).toList();
        return new RecordCard(hit.id(), RecordPaths.record(hit.id()), hit.title(),
                search.label(Facet.KIND, hit.kind(), page.locale()), hit.excerpt(),
                hit.modified().atZone(PageContext.ZONE).toLocalDate().toString(), page.date(hit.modified()),
                hit.qualityScore(),
                hit.organisation() == null ? null
                        : new FilterLink(hit.organisation(), SearchUrls.filter(Facet.ORGANISATION, hit.organisation())),
                hit.categories().stream().map(c -> new FilterLink(c.label(), SearchUrls.filter(Facet.CATEGORY,
                        c.value()))).toList(),
                keywords, Math.max(0, hit.keywords().size() - KEYWORDS_SHOWN),
                hit.formats().stream().map(f -> new FilterLink(f.label(), SearchUrls.filter(Facet.FORMAT,
                        f.value()))).toList(),
                organisations.link(hit.owner()));
    }

    /** The title in {@code lang}, else in the record's language, else its identifier (a title is never blank). */
    static String titleOf(CatalogRecord record, String lang) {
        String title = record.title().in(lang);
        return title == null ? record.id() : title;
    }

    /** The language {@code text} is actually shown in when it is not the page's language; null when it is. */
    static @Nullable String otherLanguage(LocalizedText text, String lang) {
        if (text.isEmpty() || text.values().containsKey(lang)) {
            return null;
        }
        return text.values().keySet().iterator().next();
    }
}
