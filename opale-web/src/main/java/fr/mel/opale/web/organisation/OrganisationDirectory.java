package fr.mel.opale.web.organisation;

import fr.mel.opale.access.organisation.Organisation;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.search.CatalogSearch;
import fr.mel.opale.search.OwnerFigures;
import fr.mel.opale.web.catalogue.MarkdownText;
import fr.mel.opale.web.catalogue.OrganisationLink;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The organisations as the public pages show them: the access module's public facts (name, logo, presentation,
 * parent) beside the search's figures for the current viewer (records it may read, their mean quality). Applies no
 * rule of its own: what the viewer may see is the search's answer, itself the access policy's.
 */
@Component
class OrganisationDirectory {
    private static final OwnerFigures NOTHING = new OwnerFigures(0, null);

    private final Organisations organisations;
    private final CatalogSearch search;
    private final MarkdownText markdown;

    OrganisationDirectory(Organisations organisations, CatalogSearch search, MarkdownText markdown) {
        this.organisations = organisations;
        this.search = search;
        this.markdown = markdown;
    }

    /**
     * Every organisation, those with records the viewer may read first (most records first), then the others; ties
     * by name in French order (« Émerchicourt » beside « Emmerin », not after « Zuydcoote »).
     */
    List<OrganisationCard> all() {
        Map<String, OwnerFigures> figures = search.owners(Set.of());
        Collator french = Collator.getInstance(Locale.FRENCH);
        french.setStrength(Collator.PRIMARY);
        return organisations.all().stream()
                .map(o -> card(o, figures.getOrDefault(o.slug(), NOTHING)))
                .sorted(Comparator.comparingLong(OrganisationCard::records).reversed()
                        .thenComparing(OrganisationCard::name, french))
                .toList();
    }

    /** Organisation {@code slug}'s page head; empty when no organisation has that slug. */
    Optional<OrganisationProfile> profile(String slug) {
        return organisations.find(slug).map(o -> {
            OwnerFigures figures = search.owners(Set.of(slug)).getOrDefault(slug, NOTHING);
            OrganisationLink parent = o.parent() == null ? null : organisations.find(o.parent())
                    .map(p -> new OrganisationLink(p.name(), OrganisationLink.path(p.slug()))).orElse(null);
            return new OrganisationProfile(card(o, figures),
                    markdown.html(organisations.description(slug).orElse(null)), parent);
        });
    }

    private OrganisationCard card(Organisation organisation, OwnerFigures figures) {
        return new OrganisationCard(organisation.slug(), organisation.name(),
                organisations.logo(organisation.slug()).orElse(null), figures.records(), figures.averageScore());
    }
}
