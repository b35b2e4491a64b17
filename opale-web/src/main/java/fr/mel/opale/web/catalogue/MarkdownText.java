package fr.mel.opale.web.catalogue;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Abstracts and lineages are Markdown written by producers or imported from other catalogues, so untrusted: raw
 * HTML in them is escaped (shown as text, never interpreted) and link targets other than http(s)/mailto are
 * emptied ({@code [x](javascript:...)} becomes a dead link). The output is then safe to insert unescaped.
 *
 * <p>Headings are moved down two levels ({@code #} becomes {@code h3}) so an abstract never competes with the
 * page's own {@code h1}/{@code h2} outline (RGAA 9.1). Thread-safe.
 */
@Component
public class MarkdownText {
    private static final int HEADING_SHIFT = 2;

    // GFM tables: producers (and the import's « Structure des données » section) write them; without the extension
    // their pipes showed as text
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    /** Safe HTML of {@code markdown}; empty for null or blank. */
    public String html(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + HEADING_SHIFT));
                visitChildren(heading);
            }
        });
        return html.render(document);
    }

    /**
     * The first {@code max} characters of {@code markdown} as plain text (markup dropped, whitespace collapsed), cut
     * at a word boundary with an ellipsis. For cards; the caller escapes it like any text.
     */
    public String excerpt(@Nullable String markdown, int max) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String plain = text.render(parser.parse(markdown)).replaceAll("\\s+", " ").strip();
        if (plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max);
        return plain.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "…";
    }
}
