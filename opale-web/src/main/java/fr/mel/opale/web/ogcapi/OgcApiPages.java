package fr.mel.opale.web.ogcapi;

import fr.mel.opale.ogcapi.core.HtmlPages;
import fr.mel.opale.web.layout.PageContexts;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The OGC API's HTML answers as pages of the site: opale-ogcapi builds the view models (after the access policy),
 * these jte templates render them in the layout and the visitor's language. jte escapes every {@code ${}}.
 */
@Component
class OgcApiPages implements HtmlPages {
    static final String LANDING = "ogcapi/landing.jte";
    static final String COLLECTIONS = "ogcapi/collections.jte";
    static final String COLLECTION = "ogcapi/collection.jte";
    static final String ITEMS = "ogcapi/items.jte";
    static final String ITEM = "ogcapi/item.jte";

    private final TemplateEngine templates;
    private final PageContexts contexts;
    private final Basemap basemap;

    OgcApiPages(TemplateEngine templates, PageContexts contexts, Basemap basemap) {
        this.templates = templates;
        this.contexts = contexts;
        this.basemap = basemap;
    }

    @Override
    public String landing(Landing page, HttpServletRequest request) {
        return render(LANDING, page, request);
    }

    @Override
    public String collections(Collections page, HttpServletRequest request) {
        return render(COLLECTIONS, page, request);
    }

    @Override
    public String collection(Collection page, HttpServletRequest request) {
        return render(COLLECTION, page, request);
    }

    @Override
    public String items(Items page, HttpServletRequest request) {
        return render(ITEMS, page, request);
    }

    @Override
    public String item(Item page, HttpServletRequest request) {
        return render(ITEM, page, request);
    }

    private String render(String template, Object view, HttpServletRequest request) {
        StringOutput output = new StringOutput();
        templates.render(template, Map.of("page", contexts.of(request), "view", view, "basemap", basemap), output);
        return output.toString();
    }
}
