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
        html.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>").append(escape(title))
                .append(" — Opale OGC API</title><link rel=\"stylesheet\" href=\"/css/opale.css\"></head>"
                + "<body><main class=\"container\"><h1>").append(escape(title)).append("</h1>");
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
        // in a box of its own that scrolls sideways (focusable, so a keyboard can scroll it): never the whole page
        html.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tableau\">"
                + "<table class=\"bare-table\"><thead><tr>");
        columns.forEach(c -> html.append("<th scope=\"col\">").append(escape(c)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table></div>");
        return this;
    }

    /**
     * A JSON Schema's properties (queryables, sortables) for a browser: name, title and type in a table, the JSON
     * linked. The pages link these schemas; a browser following the link gets this instead of a 406.
     */
    @SuppressWarnings("unchecked")
    public static String schema(String title, @Nullable String description, String jsonUrl, Map<String, Object> properties) {
        List<List<String>> rows = new java.util.ArrayList<>();
        properties.forEach((name, value) -> {
            Map<String, Object> property = value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Object type = property.containsKey("format") ? property.get("format") : property.get("type");
            rows.add(List.of(name, String.valueOf(property.getOrDefault("title", "")),
                    type == null ? "" : String.valueOf(type)));
        });
        return new HtmlPage(title, description)
                .links(List.of(Map.of("href", jsonUrl, "rel", "alternate", "type", "application/schema+json",
                        "title", "Ce schéma en JSON")))
                .table(List.of("Nom", "Titre", "Type"), rows)
                .render();
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
