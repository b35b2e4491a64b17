package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Keywords ({@code MD_Keywords} blocks): each keyword with its translations and, for an anchor, its concept URI;
 * the block's type code and thesaurus citation apply to all its keywords. Empty keywords ({@code nilReason}) are
 * left out.
 */
final class KeywordMapping {
    private KeywordMapping() {
    }

    static List<Keyword> read(@Nullable Element identification, FreeText freeText) {
        List<Keyword> keywords = new ArrayList<>();
        for (Element block : Dom.all(identification, "descriptiveKeywords", "MD_Keywords")) {
            String type = Dom.code(block, "type");
            ThesaurusCitation thesaurus = thesaurus(Dom.first(block, "thesaurusName", "CI_Citation"));
            for (Element keyword : Dom.children(block, "keyword")) {
                LocalizedText label = freeText.read(keyword);
                String uri = Dom.href(keyword);
                if (!label.isEmpty() || uri != null) {
                    keywords.add(new Keyword(label, uri, thesaurus, type));
                }
            }
        }
        return keywords;
    }

    /**
     * The thesaurus: its title, its URI (the title's anchor, else the identifier's anchor, else an identifier code
     * that is itself a URI) and its first date. Null when the block names no thesaurus.
     */
    private static @Nullable ThesaurusCitation thesaurus(@Nullable Element citation) {
        if (citation == null) {
            return null;
        }
        String title = Dom.text(citation, "title");
        String uri = Dom.href(Dom.first(citation, "title"));
        for (Element code : Dom.all(citation, "identifier", "*", "code")) {
            if (uri == null) {
                uri = Dom.href(code);
            }
            String text = Dom.text(code);
            if (uri == null && text != null && (text.contains("://") || text.startsWith("urn:"))) {
                uri = text;
            }
        }
        if (title == null && uri == null) {
            return null;
        }
        return new ThesaurusCitation(title, uri, IsoDates.date(Dom.text(citation, "date", "CI_Date", "date")));
    }
}
