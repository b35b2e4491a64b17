package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.GraphicOverview;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.ServiceInfo;
import fr.mel.opale.catalog.model.SourceInfo;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import fr.mel.opale.search.CatalogSearch;
import fr.mel.opale.search.Facet;
import fr.mel.opale.web.catalogue.RecordCard.FilterLink;
import fr.mel.opale.web.catalogue.RecordView.Box;
import fr.mel.opale.web.catalogue.RecordView.KeywordGroup;
import fr.mel.opale.web.catalogue.RecordView.Link;
import fr.mel.opale.web.catalogue.RecordView.Overview;
import fr.mel.opale.web.catalogue.RecordView.Party;
import fr.mel.opale.web.catalogue.RecordView.Related;
import fr.mel.opale.web.catalogue.RecordView.Resource;
import fr.mel.opale.web.catalogue.RecordView.ResourceGroup;
import fr.mel.opale.web.layout.PageContext;
import fr.mel.opale.web.layout.SafeLinks;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds the {@link RecordView} of a record page in the page's language. */
@Component
public class RecordViews {
    /** Order of the online resource groups on the page: what most visitors come for first. */
    private static final List<ResourceKind> GROUP_ORDER = List.of(ResourceKind.DOWNLOAD, ResourceKind.API,
            ResourceKind.DOCUMENTATION, ResourceKind.LANDING_PAGE, ResourceKind.OTHER);
    private static final int GEOMETRY_SHOWN = 400;

    private final Catalog catalog;
    private final IsoCodeLabels labels;
    private final MarkdownText markdown;
    private final QualityViews quality;
    private final CatalogSearch search;

    RecordViews(Catalog catalog, IsoCodeLabels labels, MarkdownText markdown, QualityViews quality,
                CatalogSearch search) {
        this.catalog = catalog;
        this.labels = labels;
        this.markdown = markdown;
        this.quality = quality;
        this.search = search;
    }

    public RecordView view(StoredRecord stored, PageContext page) {
        CatalogRecord r = stored.record();
        String lang = page.lang();
        Locale locale = page.locale();
        String title = RecordCards.titleOf(r, lang);
        // the values the index holds for this record: links built from them find it again
        Map<Facet, List<String>> facets = search.facetValues(stored);
        return new RecordView(
                r.id(), title, RecordCards.otherLanguage(r.title(), lang), labels.kind(r.kind(), locale),
                markdown.html(r.description().in(lang)), RecordCards.otherLanguage(r.description(), lang),
                r.resourceIdentifiers(),
                facets.get(Facet.CATEGORY).stream().map(uri -> new FilterLink(search.label(Facet.CATEGORY, uri,
                        locale), SearchUrls.filter(Facet.CATEGORY, uri))).toList(),
                keywordGroups(r.keywords(), lang, facets),
                r.topicCategories().stream().map(c -> labels.topic(c, locale)).toList(),
                publisher(r.publisher(), facets), r.contacts().stream().map(c -> contact(c, page, facets)).toList(),
                link(r.licence()),
                r.accessConstraints().stream().map(c -> labels.restriction(c, locale)).toList(),
                r.useLimitations(), r.otherConstraints().stream().map(RecordViews::link).filter(Objects::nonNull).toList(),
                r.updateFrequency() == null ? null : labels.frequency(r.updateFrequency(), locale),
                r.status() == null ? null : labels.status(r.status(), locale),
                r.resourceLanguages().stream().map(c -> labels.language(c, locale)).toList(),
                date(page, r.dates().created()), date(page, r.dates().published()), date(page, r.dates().revised()),
                r.temporalExtent() == null ? null : date(page, r.temporalExtent().start()),
                r.temporalExtent() == null ? null : date(page, r.temporalExtent().end()),
                box(r.spatialExtent().bbox(), locale), geometry(r.spatialExtent().geometry()), r.spatialExtent().places(),
                r.referenceSystems(), r.scaleDenominators().stream().map(s -> scale(s, locale)).toList(),
                markdown.html(r.lineage().in(lang)), resourceGroups(r.onlineResources(), locale),
                facets.get(Facet.FORMAT).stream().map(f -> new FilterLink(f, SearchUrls.filter(Facet.FORMAT, f)))
                        .toList(),
                r.overviews().stream().map(o -> overview(o, title, page)).filter(Objects::nonNull).toList(),
                r.relatedRecords().stream().map(rel -> related(rel, lang, locale)).toList(),
                service(r.service(), locale),
                r.metadataDate() == null ? null : page.dateTime(r.metadataDate()), source(r.source(), page),
                page.date(stored.modified()), quality.view(r.id(), page));
    }

    private static List<KeywordGroup> keywordGroups(List<Keyword> keywords, String lang,
                                                    Map<Facet, List<String>> facets) {
        // free keywords last, each thesaurus in the order first met; usage categories have their own list
        Map<String, List<Keyword>> byThesaurus = new LinkedHashMap<>();
        List<Keyword> free = new ArrayList<>();
        for (Keyword keyword : keywords) {
            if (keyword.label().isEmpty()
                    || keyword.uri() != null && facets.get(Facet.CATEGORY).contains(keyword.uri())) {
                continue;
            }
            ThesaurusCitation thesaurus = keyword.thesaurus();
            String key = thesaurus == null ? null : thesaurus.title() != null ? thesaurus.title() : thesaurus.uri();
            if (key == null) {
                free.add(keyword);
            } else {
                byThesaurus.computeIfAbsent(key, k -> new ArrayList<>()).add(keyword);
            }
        }
        List<KeywordGroup> groups = new ArrayList<>();
        byThesaurus.forEach((title, list) -> groups.add(new KeywordGroup(title,
                SafeLinks.href(list.get(0).thesaurus().uri()), keywordLinks(list, lang, facets))));
        if (!free.isEmpty()) {
            groups.add(new KeywordGroup(null, null, keywordLinks(free, lang, facets)));
        }
        return groups;
    }

    private static List<Link> keywordLinks(List<Keyword> keywords, String lang, Map<Facet, List<String>> facets) {
        return keywords.stream().map(k -> new Link(k.label().in(lang), keywordSearch(k, facets))).distinct().toList();
    }

    /**
     * A keyword's link: its usage category when it is bound to one, else the keyword facet on the label the index
     * holds (the main-language text, spaces collapsed), else — a label the index cut or could not hold — a search
     * for it as a phrase.
     */
    private static String keywordSearch(Keyword keyword, Map<Facet, List<String>> facets) {
        if (keyword.uri() != null && facets.get(Facet.CATEGORY).contains(keyword.uri())) {
            return SearchUrls.filter(Facet.CATEGORY, keyword.uri());
        }
        String text = keyword.label().text();
        String indexed = text == null ? null : text.strip().replaceAll("\\s+", " ");
        if (indexed != null && facets.get(Facet.KEYWORD).contains(indexed)) {
            return SearchUrls.filter(Facet.KEYWORD, indexed);
        }
        return SearchUrls.phrase(text == null ? "" : text);
    }

    /** The organisation facet when it counts this name, else a phrase search for it; null without a name. */
    private static @Nullable String organisationSearch(@Nullable String name, Map<Facet, List<String>> facets) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String indexed = name.strip().replaceAll("\\s+", " ");
        return facets.get(Facet.ORGANISATION).contains(indexed) ? SearchUrls.filter(Facet.ORGANISATION, indexed)
                : SearchUrls.phrase(indexed);
    }

    private static @Nullable Party publisher(@Nullable Organisation publisher, Map<Facet, List<String>> facets) {
        if (publisher == null || publisher.name() == null) {
            return null;
        }
        return new Party(publisher.name(), null, null, null, publisher.email(), SafeLinks.mailto(publisher.email()),
                null, null, SafeLinks.href(publisher.uri()), null, organisationSearch(publisher.name(), facets));
    }

    private Party contact(Contact c, PageContext page, Map<Facet, List<String>> facets) {
        String name = c.displayName() == null ? "—" : c.displayName();
        String individual = c.organisationName() != null ? c.individualName() : null;
        String scope = c.scope() == Contact.Scope.RESOURCE ? null
                : page.t("record.contact.scope." + c.scope().name().toLowerCase(Locale.ROOT));
        return new Party(name, c.role() == null ? null : labels.role(c.role(), page.locale()), individual,
                c.positionName(), c.email(), SafeLinks.mailto(c.email()), c.phone(), c.address(),
                SafeLinks.href(c.url()), scope, organisationSearch(c.organisationName(), facets));
    }

    private static @Nullable Link link(@Nullable LinkedText text) {
        return text == null || text.label() == null ? null : new Link(text.label(), SafeLinks.href(text.uri()));
    }

    private static @Nullable String date(PageContext page, @Nullable LocalDate date) {
        return date == null ? null : page.date(date);
    }

    private static @Nullable Box box(@Nullable BoundingBox bbox, Locale locale) {
        if (bbox == null) {
            return null;
        }
        NumberFormat degrees = NumberFormat.getNumberInstance(locale);
        degrees.setMaximumFractionDigits(6);
        return new Box(degrees.format(bbox.west()), degrees.format(bbox.south()), degrees.format(bbox.east()),
                degrees.format(bbox.north()), bbox.west() + "," + bbox.south() + "," + bbox.east() + ","
                + bbox.north());
    }

    private static @Nullable String geometry(@Nullable String wkt) {
        if (wkt == null) {
            return null;
        }
        return wkt.length() <= GEOMETRY_SHOWN ? wkt : wkt.substring(0, GEOMETRY_SHOWN) + "…";
    }

    private static String scale(int denominator, Locale locale) {
        return "1:" + NumberFormat.getIntegerInstance(locale).format(denominator);
    }

    private List<ResourceGroup> resourceGroups(List<OnlineResource> resources, Locale locale) {
        Map<ResourceKind, List<Resource>> groups = new EnumMap<>(ResourceKind.class);
        for (OnlineResource resource : resources) {
            ResourceKind group = resource.kind() == ResourceKind.SERVICE ? ResourceKind.API : resource.kind();
            String name = resource.name() != null ? resource.name()
                    : resource.description() != null ? resource.description() : resource.url();
            String description = Objects.equals(name, resource.description()) ? null : resource.description();
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new Resource(name, resource.url(),
                    SafeLinks.href(resource.url()), description, ProtocolNames.protocol(resource.protocol(), locale),
                    ProtocolNames.format(resource.format()),
                    resource.function()));
        }
        return GROUP_ORDER.stream().filter(groups::containsKey)
                .map(kind -> new ResourceGroup(labels.resourceGroup(kind, locale), groups.get(kind))).toList();
    }

    private static @Nullable Overview overview(GraphicOverview overview, String title, PageContext page) {
        String src = SafeLinks.href(overview.url());
        if (src == null || src.startsWith("mailto:")) {
            return null;
        }
        return new Overview(src, overview.description() != null ? overview.description()
                : page.t("record.overview.alt", title));
    }

    private Related related(RelatedRecord related, String lang, Locale locale) {
        String association = labels.association(related.association(), locale);
        if (related.identifier() != null) {
            // find() applies the access policy: a hidden record is neither linked nor named from our side
            var held = catalog.find(related.identifier());
            if (held.isPresent()) {
                return new Related(RecordCards.titleOf(held.get().record(), lang),
                        RecordPaths.record(related.identifier()), association);
            }
        }
        String label = related.title() != null ? related.title()
                : related.identifier() != null ? related.identifier() : Objects.requireNonNullElse(related.uri(), "—");
        return new Related(label, SafeLinks.href(related.uri()), association);
    }

    private RecordView.@Nullable Service service(@Nullable ServiceInfo service, Locale locale) {
        if (service == null) {
            return null;
        }
        return new RecordView.Service(service.serviceType(), service.serviceTypeVersions(),
                service.couplingType() == null ? null : labels.coupling(service.couplingType(), locale));
    }

    private static RecordView.@Nullable Source source(@Nullable SourceInfo source, PageContext page) {
        if (source == null) {
            return null;
        }
        return new RecordView.Source(source.standard(), source.catalog(), source.fileName(),
                source.importedAt() == null ? null : page.date(source.importedAt()));
    }
}
