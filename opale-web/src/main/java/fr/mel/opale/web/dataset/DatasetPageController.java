package fr.mel.opale.web.dataset;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.RecordAccess;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.search.CatalogSearch;
import fr.mel.opale.search.Facet;
import fr.mel.opale.web.assets.Assets;
import fr.mel.opale.web.catalogue.OrganisationNames;
import fr.mel.opale.web.catalogue.RecordJsonLd;
import fr.mel.opale.web.catalogue.RecordPaths;
import fr.mel.opale.web.catalogue.RecordView;
import fr.mel.opale.web.catalogue.RecordViews;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A record's page and its tabs: {@code /catalogue/{id}} (présentation) and {@code /catalogue/{id}/tableau},
 * {@code /carte}, {@code /graphique}, {@code /api}, {@code /telechargements}, {@code /qualite}. Each tab is a whole
 * page at its own address; the tabs a record has depend on its data (no map without geometry, only the presentation
 * and downloads without published data). Unknown or hidden records, and tabs a record does not have, are the 404
 * page.
 */
@Controller
class DatasetPageController {
    static final String VIEW = "dataset/page";
    /** Records citing one record listed at most: a much-reused dataset lists its first fifty by title. */
    static final int MAX_CITING = 50;

    private final Catalog catalog;
    private final RecordViews views;
    private final RecordJsonLd jsonLd;
    private final DatasetPages pages;
    private final MapStyle mapStyle;
    private final Assets assets;
    private final CatalogSearch search;
    private final OrganisationNames organisations;
    private final RecordAccess access;

    DatasetPageController(Catalog catalog, RecordViews views, RecordJsonLd jsonLd, DatasetPages pages,
                          MapStyle mapStyle, Assets assets, CatalogSearch search, OrganisationNames organisations,
                          RecordAccess access) {
        this.access = access;
        this.assets = assets;
        this.search = search;
        this.organisations = organisations;
        this.catalog = catalog;
        this.views = views;
        this.jsonLd = jsonLd;
        this.pages = pages;
        this.mapStyle = mapStyle;
    }

    @GetMapping("/catalogue/{id}")
    String presentation(@PathVariable String id, @ModelAttribute("page") PageContext context, Model model,
                        HttpServletRequest request, HttpServletResponse response) {
        return tab(id, DatasetTab.PRESENTATION, context, model, request, response);
    }

    @GetMapping("/catalogue/{id}/{tab}")
    String other(@PathVariable String id, @PathVariable String tab, @ModelAttribute("page") PageContext context,
                 Model model, HttpServletRequest request, HttpServletResponse response) {
        DatasetTab chosen = DatasetTab.ofPath(tab).orElseThrow(() -> CatalogProblem.notFound(id + "/" + tab));
        return tab(id, chosen, context, model, request, response);
    }

    private String tab(String id, DatasetTab tab, PageContext context, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        // same 404 for "unknown" and "hidden from you": the policy is applied by the catalog
        StoredRecord stored = catalog.find(id).orElseThrow(() -> CatalogProblem.notFound(id));
        RecordView record = views.view(stored, context);
        DatasetPages.PublishedData data = pages.published(id).orElse(null);
        var report = data == null ? null : pages.report(data).orElse(null);
        List<DatasetTab> tabs = tabs(record, data, report != null);
        if (!tabs.contains(tab)) {
            throw CatalogProblem.notFound(id + "/" + tab.path());
        }
        String recordPath = RecordPaths.record(id);
        model.addAttribute("record", record);
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", tabs);
        model.addAttribute("recordPath", recordPath);
        model.addAttribute("data", data == null ? null : DataSummary.of(data));
        model.addAttribute("dataReport", report);
        model.addAttribute("mapStyle", mapStyle);
        model.addAttribute("script", assets.url("fiche.js"));
        model.addAttribute("origin", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        if (tab == DatasetTab.PRESENTATION) {
            model.addAttribute("columnInfos", data == null ? List.of() : pages.columns(data));
            String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path(recordPath).build().toUriString();
            model.addAttribute("jsonLd", jsonLd.of(stored, pageUrl, context.lang()));
            model.addAttribute("owner", organisations.link(stored.ownerOrganisation()));
            model.addAttribute("citing", citing(id, context));
            if (access.mayManage(stored)) {
                // editors of the owner and platform administrators find who sees the record from the record itself
                model.addAttribute("accessPath", UriComponentsBuilder.fromPath("/admin/acces")
                        .queryParam("record", id).encode().build().toUriString());
            }
        }
        if (tab == DatasetTab.TABLE && data != null) {
            model.addAttribute("table", pages.table(data, TableRequest.read(request, data.version().columns()),
                    tab.href(recordPath), context));
        }
        if (tab == DatasetTab.CHART && data != null) {
            ChartView chart = pages.chart(data, request, context);
            if (chart.error() != null) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            model.addAttribute("chart", chart);
        }
        return VIEW;
    }

    /** The records citing this one that the viewer may read: the search applies the access policy. */
    private List<CitingRecord> citing(String id, PageContext context) {
        return search.citing(id, MAX_CITING, context.locale()).stream()
                .map(hit -> new CitingRecord(hit.title(), RecordPaths.record(hit.id()),
                        search.label(Facet.KIND, hit.kind(), context.locale())))
                .toList();
    }

    private static List<DatasetTab> tabs(RecordView record, DatasetPages.@org.jspecify.annotations.Nullable PublishedData data,
                                         boolean report) {
        List<DatasetTab> tabs = new ArrayList<>();
        tabs.add(DatasetTab.PRESENTATION);
        if (data != null) {
            tabs.add(DatasetTab.TABLE);
            if (data.version().geographic()) {
                tabs.add(DatasetTab.MAP);
            }
            tabs.add(DatasetTab.CHART);
            tabs.add(DatasetTab.API);
        }
        if (data != null || !record.resourceGroups().isEmpty()) {
            tabs.add(DatasetTab.DOWNLOADS);
        }
        if (report) {
            tabs.add(DatasetTab.QUALITY);
        }
        return tabs;
    }
}
