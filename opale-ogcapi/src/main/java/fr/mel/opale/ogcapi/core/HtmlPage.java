package fr.mel.opale.ogcapi.core;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The minimal HTML encoding (until opale-web renders these pages with its layout): a title, a description, the links
 * and, for features, a table. Every text is escaped; nothing from a dataset becomes markup.
 */
public final class HtmlPage {
    private final StringBuilder html = new StringBuilder(4096);

    public HtmlPage(String title, @Nullable String description) {
        html.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append(" — Opale OGC API</title></head><body><main><h1>").append(escape(title)).append("</h1>");
        if (description != null && !description.isBlank()) {
            html.append("<p>").append(escape(description)).append("</p>");
        }
    }

    public HtmlPage links(List<Map<String, Object>> links) {
        html.append("<h2>Liens</h2><ul>");
        for (Map<String, Object> link : links) {
            html.append("<li><a href=\"").append(escape(String.valueOf(link.get("href")))).append("\">")
                    .append(escape(String.valueOf(link.getOrDefault("title", link.get("rel"))))).append("</a> (")
                    .append(escape(String.valueOf(link.get("rel")))).append(", ")
                    .append(escape(String.valueOf(link.get("type")))).append(")</li>");
        }
        html.append("</ul>");
        return this;
    }

    public HtmlPage list(String heading, List<String> items) {
        html.append("<h2>").append(escape(heading)).append("</h2><ul>");
        items.forEach(item -> html.append("<li>").append(escape(item)).append("</li>"));
        html.append("</ul>");
        return this;
    }

    public HtmlPage table(List<String> columns, List<List<String>> rows) {
        html.append("<table><thead><tr>");
        columns.forEach(c -> html.append("<th scope=\"col\">").append(escape(c)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        return this;
    }

    public String render() {
        return html + "</main></body></html>";
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
