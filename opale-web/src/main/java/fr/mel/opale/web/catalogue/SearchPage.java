package fr.mel.opale.web.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue search page made ready for its template: every text translated, every link computed (a template
 * only writes them out). All links keep the whole search state in the address ({@link SearchUrls}).
 *
 * @param text      the full-text query, empty when none
 * @param count     the result sentence ("12 fiches correspondent à « vélo »"), also announced to screen readers
 * @param facets    the facet panel, in display order; facets without values are left out
 * @param chips     the active filters, each removable
 * @param clearUrl  the same search without any filter (the text kept); null when nothing is filtered
 * @param bbox      the box filter as written in the address, kept in a hidden field; null when none
 * @param path      the page the search runs on ({@code /catalogue}, an organisation's page): the form's action
 */
public record SearchPage(String text, long total, String count, List<FacetGroup> facets, List<Chip> chips,
                         @Nullable String clearUrl, @Nullable String bbox, List<Option> sorts, List<Option> sizes,
                         List<RecordCard> cards, Pagination pagination, String path) {

    /**
     * One fieldset of the panel.
     *
     * @param id        unique and stable DOM id (legend and "show more" ids derive from it)
     * @param parameter the form field name ({@code Facet.parameter()})
     * @param legend    what the fieldset is about ("Catégorie d'usage", "Thésaurus : GEMET"...)
     * @param summary   the shorter text of a collapsed group's disclosure (the thesaurus's title)
     * @param shown     the values always shown (the first ten, and for usage categories all of them)
     * @param more      the others, behind a "Voir plus" disclosure
     * @param moreOpen  whether the disclosure starts open (one of its values is selected)
     * @param collapsed whether the whole group sits in a closed disclosure (thesauri other than the usage
     *                  categories, unless one of their values is selected)
     */
    public record FacetGroup(String id, String parameter, String legend, String summary, List<FacetOption> shown,
                             List<FacetOption> more, boolean moreOpen, boolean collapsed) {
    }

    /**
     * One value of a facet: a checkbox (its label carries the count) and the same choice as a link.
     *
     * @param id        stable DOM id, derived from the value, so the focus survives a partial refresh
     * @param toggleUrl the current search with this value added (or removed when selected)
     * @param depth     0 for a top value, 1 for a narrower usage category under its broader one...
     */
    public record FacetOption(String id, String value, String label, long count, boolean selected, String toggleUrl,
                              int depth) {
    }

    /**
     * An active filter.
     *
     * @param name      "Catégorie", "Mot-clé"...
     * @param value     the value's label
     * @param removeUrl the current search without it
     */
    public record Chip(String name, String value, String removeUrl) {
    }

    /** An option of a select (order, page size). */
    public record Option(String value, String label, boolean selected) {
    }
}
