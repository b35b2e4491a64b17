package fr.mel.opale.ogcapi.core;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The HTML pages when no other {@link HtmlPages} is present (this module alone, its tests): bare escaped pages in
 * French, built with {@link HtmlPage}. The application uses opale-web's pages instead.
 */
final class MinimalHtmlPages implements HtmlPages {

    @Override
    public String landing(Landing page, HttpServletRequest request) {
        return new HtmlPage(page.title(), page.description()).links(maps(page.links())).render();
    }

    @Override
    public String collections(Collections page, HttpServletRequest request) {
        return new HtmlPage("Collections", null).links(maps(page.links()))
                .table(List.of("Identifiant", "Titre", "Objets"), page.collections().stream()
                        .map(c -> List.of(c.id(), c.title(), String.valueOf(c.rows()))).toList())
                .render();
    }

    @Override
    public String collection(Collection page, HttpServletRequest request) {
        return new HtmlPage(page.title(), page.description()).links(maps(page.links())).render();
    }

    @Override
    public String items(Items page, HttpServletRequest request) {
        List<String> columns = new java.util.ArrayList<>(List.of("id"));
        columns.addAll(page.columns());
        List<List<String>> rows = page.rows().stream().map(r -> {
            List<String> row = new java.util.ArrayList<>(List.of(String.valueOf(r.fid())));
            row.addAll(r.cells());
            return row;
        }).toList();
        return new HtmlPage(page.collection().title(), page.numberMatched() + " objet(s), " + page.numberReturned()
                + " sur cette page").links(maps(page.links())).table(columns, rows).render();
    }

    @Override
    public String item(Item page, HttpServletRequest request) {
        return new HtmlPage(page.collection().title() + " — objet " + page.fid(), null).links(maps(page.links()))
                .table(List.of("Propriété", "Valeur"), page.properties().stream()
                        .map(p -> List.of(p.name(), p.value())).toList())
                .render();
    }

    private static List<java.util.Map<String, Object>> maps(List<Link> links) {
        return links.stream().map(l -> OgcResponses.link(l.href(), l.rel(), l.type(), l.title())).toList();
    }
}
